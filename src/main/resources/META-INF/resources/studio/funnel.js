// Each offer's funnel over time, from GET /api/offers/{id}/funnel (a Chart.js bar of offers made with a line per
// outcome), and every offer's totals from GET /api/offers/funnel. The chart's data is exactly the API's numbers.
import { $, h, show, showProblem } from '/app/ui.js';
import { get, seg } from '/app/api.js';

const STAGES = [
  ['opened', 'Opened', '#1f5fbf'], ['clicked', 'Clicked', '#7a3fb3'], ['accepted', 'Accepted', '#1c7c3c'],
  ['purchased', 'Purchased', '#b36b00'], ['rejected', 'Declined', '#b3261e'],
];
let chart = null;

function range() {
  const q = new URLSearchParams();
  for (const [key, id] of [['from', '#funnel-from'], ['to', '#funnel-to'], ['zone', '#funnel-zone']]) {
    if ($(id).value.trim()) q.set(key, $(id).value.trim());
  }
  return q;
}

function drawChart(f) {
  const labels = f.buckets.map((b) => (b.start === b.end ? b.start : `${b.start} – ${b.end}`));
  const data = {
    labels,
    datasets: [
      { type: 'bar', label: 'Offered', data: f.buckets.map((b) => b.offered), backgroundColor: '#c9d6ea', order: 2 },
      ...STAGES.map(([key, label, color]) => ({ type: 'line', label, data: f.buckets.map((b) => b[key]),
        borderColor: color, backgroundColor: color, tension: 0, order: 1 })),
    ],
  };
  if (chart) chart.destroy();
  chart = new Chart($('#funnel-chart'), {
    data,
    options: {
      responsive: true, maintainAspectRatio: false, animation: false,
      interaction: { mode: 'index', intersect: false },
      scales: { y: { beginAtZero: true, ticks: { precision: 0 }, title: { display: true, text: 'offers' } } },
      plugins: { title: { display: true, text: `${f.offerName} (${f.offerId}), per ${f.bucket}, ${f.zone}` } },
    },
  });
}

function summaryTable(s) {
  const cols = ['offered', 'opened', 'clicked', 'accepted', 'purchased', 'rejected'];
  const pct = (a, b) => (b ? `${((100 * a) / b).toFixed(1)}%` : '–');
  return h('div', {},
    h('h3', {}, `Every offer, ${s.from} to ${s.to} (${s.zone})`),
    h('div', { class: 'scroll' }, h('table', { id: 'funnel-totals' },
      h('thead', {}, h('tr', {}, h('th', {}, 'Offer'), cols.map((c) => h('th', { class: 'num' }, c === 'rejected' ? 'declined' : c)),
        h('th', { class: 'num' }, 'accepted / offered'))),
      h('tbody', {}, s.offers.filter((o) => o.offered > 0).map((o) => h('tr', {},
        h('td', {}, h('a', { href: '#funnel', onclick: (e) => { e.preventDefault(); pick(o.offerId); } }, `${o.offerName} (${o.offerId})`)),
        cols.map((c) => h('td', { class: 'num' }, o[c].toLocaleString())), h('td', { class: 'num' }, pct(o.accepted, o.offered))))))),
    s.offers.some((o) => o.offered > 0) ? null : h('p', { class: 'muted' }, 'No offers were made in this range.'));
}

async function drawOffer() {
  const id = $('#funnel-offer').value;
  if (!id) return;
  const q = range();
  q.set('bucket', $('#funnel-bucket').value);
  drawChart(await get(`/api/offers/${seg(id)}/funnel?${q}`));
}

async function pick(id) {
  $('#funnel-offer').value = id;
  await drawOffer().catch((e) => showProblem($('#funnel-problem'), e));
}

async function load() {
  show($('#funnel-problem'));
  try {
    const s = await get(`/api/offers/funnel?${range()}`);
    const select = $('#funnel-offer');
    const keep = select.value;
    select.replaceChildren(...s.offers.map((o) => h('option', { value: o.offerId }, `${o.offerName} (${o.offerId})`)));
    if (keep && s.offers.some((o) => o.offerId === keep)) select.value = keep;
    if (!$('#funnel-from').value) $('#funnel-from').placeholder = s.from;
    if (!$('#funnel-to').value) $('#funnel-to').placeholder = s.to;
    show($('#funnel-summary'), summaryTable(s));
    await drawOffer();
  } catch (e) {
    showProblem($('#funnel-problem'), e);
  }
}

export async function initFunnel() {
  $('#funnel-form').addEventListener('submit', (e) => {
    e.preventDefault();
    load();
  });
  $('#funnel-offer').addEventListener('change', () => drawOffer().catch((e) => showProblem($('#funnel-problem'), e)));
  await load();
}
