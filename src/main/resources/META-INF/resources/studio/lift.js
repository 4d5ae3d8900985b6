// The lift report per experiment (GET /api/experiments/{key}/lift): each treatment arm's lift in conversion rate over
// the control, in percentage points, drawn by Chart.js as a floating bar from the 95% interval's low to high end with
// the estimate as a point, and the arms' numbers in a table.
import { $, h, show, showProblem, fmt } from '/app/ui.js';
import { get, seg } from '/app/api.js';

let chart = null;
const points = (x) => Math.round(x * 100 * 1000) / 1000;

function drawChart(report) {
  const c = report.comparisons;
  if (chart) chart.destroy();
  chart = new Chart($('#lift-chart'), {
    data: {
      labels: c.map((x) => `${x.arm} vs ${x.against}`),
      datasets: [
        { type: 'bar', label: '95% confidence interval (points)', data: c.map((x) => [points(x.rateLow), points(x.rateHigh)]),
          backgroundColor: c.map((x) => (x.significant ? 'rgba(28,124,60,.35)' : 'rgba(90,100,115,.3)')), barPercentage: 0.4 },
        { type: 'line', label: 'Lift in conversion rate (points)', data: c.map((x) => points(x.rateLift)),
          showLine: false, pointRadius: 7, pointStyle: 'rectRot', borderColor: '#1d2430', backgroundColor: '#1d2430' },
      ],
    },
    options: {
      responsive: true, maintainAspectRatio: false, animation: false,
      scales: { y: { title: { display: true, text: 'percentage points over the control' } } },
      plugins: { title: { display: true, text: `${report.experiment} (version ${report.version}), computed ${fmt.when(report.computedAt)}` } },
    },
  });
}

function tables(report) {
  const pct = (x) => `${(x * 100).toFixed(2)}%`;
  return h('div', {},
    h('table', { id: 'lift-arms' },
      h('thead', {}, h('tr', {}, ['Arm', 'Customers', 'Converted', 'Rate', 'Revenue per customer'].map((t) => h('th', {}, t)))),
      h('tbody', {}, report.arms.map((a) => h('tr', {}, h('td', {}, a.arm, a.control ? [' ', h('span', { class: 'tag' }, 'control')] : null),
        h('td', { class: 'num' }, a.exposed.toLocaleString()), h('td', { class: 'num' }, a.conversions.toLocaleString()),
        h('td', { class: 'num' }, pct(a.conversionRate)), h('td', { class: 'num' }, fmt.money(a.revenuePerCustomer)))))),
    h('table', { id: 'lift-comparisons' },
      h('thead', {}, h('tr', {}, ['Arm', 'Lift (points)', '95% interval', 'p-value', ''].map((t) => h('th', {}, t)))),
      h('tbody', {}, report.comparisons.map((x) => h('tr', {}, h('td', {}, `${x.arm} vs ${x.against}`),
        h('td', { class: 'num' }, points(x.rateLift).toFixed(2)),
        h('td', { class: 'num' }, `${points(x.rateLow).toFixed(2)} to ${points(x.rateHigh).toFixed(2)}`),
        h('td', { class: 'num' }, x.ratePValue.toFixed(4)),
        h('td', {}, x.significant ? h('span', { class: 'tag ok' }, 'significant') : h('span', { class: 'tag' }, 'not significant')))))));
}

async function draw() {
  const key = $('#experiment').value;
  show($('#lift-problem'));
  if (!key) return;
  try {
    const report = await get(`/api/experiments/${seg(key)}/lift`);
    drawChart(report);
    show($('#lift-table'), tables(report));
  } catch (e) {
    showProblem($('#lift-problem'), e);
  }
}

export async function initLift() {
  const experiments = await get('/api/experiments');
  const select = $('#experiment');
  if (experiments.length === 0) {
    show($('#lift-table'), h('p', { class: 'muted' }, 'No experiments yet: define one with PUT /api/experiments/{key}.'));
    return;
  }
  select.replaceChildren(...experiments.map((e) => h('option', { value: e.key },
    `${e.name || e.key}${e.running ? ' (running)' : ''}`)));
  select.addEventListener('change', draw);
  await draw();
}
