// The agent console: find the customer on the line, see them at a glance, make the next best offers and record
// what the customer says, all through the public API (one request per action, two in parallel when opening).
import { get, post, seg } from '/app/api.js';
import { frame, h, show, $, $$, busy, problemBox, announce, fmt } from '/app/ui.js';
import { because, likelihood, channelName } from './reasons.js';
import { renderView } from './view.js';

const TOUCHPOINT = 'call-centre';
const state = { hits: [], hitsFor: '', customerId: null, decision: null, offerNames: null };

await frame('/agent/');

// --- search -------------------------------------------------------------------------------------------------------
const q = $('#q');
let typing;
q.addEventListener('input', () => {
  clearTimeout(typing);
  typing = setTimeout(() => search(q.value.trim()), 250);
});
$('#search').addEventListener('submit', async (event) => {
  event.preventDefault();
  clearTimeout(typing);
  const text = q.value.trim();
  if (text !== state.hitsFor) await search(text);
  if (state.hits.length) openCustomer(state.hits[0].id);
});

async function search(text) {
  if (!text) {
    state.hits = [];
    state.hitsFor = '';
    show($('#hits'));
    show($('#search-status'));
    return;
  }
  try {
    const page = await get('/api/customers/search?size=10&q=' + encodeURIComponent(text));
    if (q.value.trim() !== text) return; // typed on meanwhile
    state.hits = page.customers;
    state.hitsFor = text;
    show($('#search-status'), page.customers.length
      ? `${page.customers.length}${page.more ? '+' : ''} found by ${page.matchedBy}` : `No customer matches "${text}"`);
    show($('#hits'), page.customers.map((c) => h('li', {}, h('button', {
      type: 'button', class: 'hit', dataset: { id: c.id }, onclick: () => openCustomer(c.id),
    }, h('span', {}, c.id), h('strong', {}, c.name || '–'), h('span', {}, c.email || ''), h('span', {}, c.phone || '')))));
  } catch (e) {
    state.hits = [];
    state.hitsFor = '';
    show($('#hits'));
    show($('#search-status'), e.status === 400 ? e.problem.detail : problemBox(e));
  }
}

// --- the customer: view and offers, asked in parallel ---------------------------------------------------------------
async function openCustomer(id) {
  state.customerId = id;
  history.replaceState(null, '', '/agent/?customer=' + encodeURIComponent(id));
  $('#customer').hidden = false;
  show($('#hits'));
  show($('#search-status'));
  show($('#offers-status'), 'Deciding…');
  show($('#offers'));
  hideWhyNot();
  await Promise.all([loadView(id), decide(id)]);
  const first = $('#offers .offer');
  if (first) first.focus();
}

async function loadView(id) {
  try {
    renderView(await get(`/api/customers/${seg(id)}/view`));
  } catch (e) {
    show($('#who-body'), problemBox(e));
  }
}

async function decide(id) {
  try {
    const decision = await post('/api/decisions', { customerId: id, touchpoint: TOUCHPOINT });
    if (state.customerId !== id) return;
    state.decision = decision;
    renderOffers(decision);
  } catch (e) {
    state.decision = null;
    show($('#offers'));
    show($('#offers-status'), problemBox(e));
  }
}

function renderOffers(d) {
  show($('#offers-status'), d.offers.length ? `${d.offers.length} offer${d.offers.length > 1 ? 's' : ''} for `
    + `${d.customerId}${d.fallback ? ' (nothing fits: the standard offer)' : ''}` : 'Nothing to offer right now.');
  $('#offers').dataset.decision = d.decisionId;
  show($('#offers'), d.offers.map((o, i) => h('li', {
    class: 'offer' + (d.fallback ? ' fallback' : ''), tabindex: '0', dataset: { offer: o.offerId },
    'aria-labelledby': `offer-${i}-name`,
  },
  h('h3', { id: `offer-${i}-name` }, h('span', { class: 'offer-name' }, o.name), ' ',
    h('span', { class: 'muted' }, `(${o.offerId})`)),
  o.description ? h('p', { class: 'meta' }, o.description) : null,
  h('p', { class: 'because' }, because(o, d)),
  h('p', { class: 'meta likely' }, likelihood(o), ' · via ', channelName(o.channel)),
  h('div', { class: 'actions' },
    h('button', { type: 'button', class: 'ok', dataset: { outcome: 'accepted' }, onclick: () => record(o.offerId, 'accepted') },
      'Accepted ', h('kbd', {}, '1')),
    h('button', { type: 'button', dataset: { outcome: 'rejected' }, onclick: () => record(o.offerId, 'rejected') },
      'Declined ', h('kbd', {}, '2')),
    h('button', { type: 'button', dataset: { outcome: 'not-interested' }, onclick: () => record(null, 'not-interested') },
      'Not interested ', h('kbd', {}, '3'))))));
}

/**
 * Records what the customer said and asks again. Accepted / declined: that offer's outcome (accepted / rejected).
 * Not interested: rejected for every offer of the decision (the customer wants none of them now). The next decision
 * waits for the outcome (the contact policy counts it); the view refreshes beside it.
 */
async function record(offerId, what) {
  const d = state.decision;
  if (!d) return;
  const offers = what === 'not-interested' ? d.offers.map((o) => o.offerId) : [offerId];
  const outcome = what === 'accepted' ? 'accepted' : 'rejected';
  const buttons = $$('#offers button');
  buttons.forEach((b) => { b.disabled = true; });
  show($('#offers-status'), 'Recording…');
  try {
    await Promise.all(offers.map((id) => post(`/api/decisions/${seg(d.decisionId)}/outcomes`, { offerId: id, outcome })));
    const said = what === 'not-interested' ? 'Not interested: recorded' : `${offerId} ${what}: recorded`;
    announce(said);
    hideWhyNot();
    await Promise.all([decide(d.customerId), loadView(d.customerId)]);
    $('#offers-status').prepend(h('span', { class: 'recorded' }, said + '. '));
    const first = $('#offers .offer');
    if (first) first.focus();
  } catch (e) {
    buttons.forEach((b) => { b.disabled = false; });
    show($('#offers-status'), problemBox(e));
  }
}

// --- why not the others --------------------------------------------------------------------------------------------
function hideWhyNot() {
  $('#not-offered').hidden = true;
  $('#why-not').setAttribute('aria-expanded', 'false');
}

$('#why-not').addEventListener('click', (event) => busy(event.currentTarget, whyNot));
$('#refresh-offers').addEventListener('click', (event) => busy(event.currentTarget, () => decide(state.customerId)));

async function whyNot() {
  const d = state.decision;
  const box = $('#not-offered');
  if (!d) return;
  if (!box.hidden) {
    hideWhyNot();
    return;
  }
  try {
    const [explained, names] = await Promise.all([
      get(`/api/decisions/${seg(d.decisionId)}/explanation`), state.offerNames || offerNames()]);
    state.offerNames = names;
    // The offers that came closest first: dropped by arbitration, channel or policy before those no row made eligible.
    const rows = explained.notChosen.filter((n) => !d.offers.some((o) => o.offerId === n.offerId))
      .sort((a, b) => closeness(a.stage) - closeness(b.stage));
    show(box, h('h3', {}, 'Not offered, and why'), rows.length ? h('table', { id: 'why-not-table' },
      h('thead', {}, h('tr', {}, h('th', { scope: 'col' }, 'Offer'), h('th', { scope: 'col' }, 'Stopped at'),
        h('th', { scope: 'col' }, 'Rule'), h('th', { scope: 'col' }, 'Why'))),
      h('tbody', {}, rows.map((n) => h('tr', { dataset: { offer: n.offerId } },
        h('td', {}, names.get(n.offerId) || n.offerId, ' ', h('span', { class: 'muted' }, `(${n.offerId})`)),
        h('td', {}, fmt.label(n.stage)), h('td', {}, n.rule), h('td', { class: 'why' }, n.reason || '–')))))
      : h('p', {}, 'Every other offer was left out for the same reason: no decision-table row made it eligible.'));
  } catch (e) {
    show(box, problemBox(e));
  }
  box.hidden = false;
  $('#why-not').setAttribute('aria-expanded', 'true');
}

const STAGES = ['arbitration', 'channel', 'experiment', 'policy', 'eligibility', 'candidates'];
function closeness(stage) {
  const i = STAGES.indexOf(stage);
  return i < 0 ? STAGES.length : i;
}

async function offerNames() {
  const offers = await get('/api/offers');
  return new Map(offers.map((o) => [o.id, o.name]));
}

// --- keyboard --------------------------------------------------------------------------------------------------------
document.addEventListener('keydown', (event) => {
  const typingInField = event.target.matches('input, textarea, select');
  if (event.key === '/' && !typingInField) {
    event.preventDefault();
    q.focus();
    q.select();
    return;
  }
  if (typingInField || event.ctrlKey || event.metaKey || event.altKey) return;
  const outcome = { 1: 'accepted', 2: 'rejected', 3: 'not-interested' }[event.key];
  if (!outcome || !state.decision || !state.decision.offers.length) return;
  const card = event.target.closest && event.target.closest('.offer');
  const offerId = card ? card.dataset.offer : state.decision.offers[0].offerId;
  event.preventDefault();
  record(outcome === 'not-interested' ? null : offerId, outcome);
});
$('#hits').addEventListener('keydown', (event) => {
  const buttons = $$('#hits button');
  const i = buttons.indexOf(document.activeElement);
  if (event.key === 'ArrowDown' && i < buttons.length - 1) { buttons[i + 1].focus(); event.preventDefault(); }
  if (event.key === 'ArrowUp') { (i > 0 ? buttons[i - 1] : q).focus(); event.preventDefault(); }
});
q.addEventListener('keydown', (event) => {
  if (event.key === 'ArrowDown' && state.hits.length) { $('#hits button').focus(); event.preventDefault(); }
});

const start = new URLSearchParams(location.search).get('customer');
if (start) openCustomer(start);
else q.focus();
