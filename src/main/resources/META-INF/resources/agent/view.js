// The 360 view at a glance (GET /api/customers/{id}/view): who they are, segments with where each comes from,
// consents, purchases, recent interactions, and the offers made with what came of them.
import { h, show, $, fmt } from '/app/ui.js';
import { channelName } from './reasons.js';

const KEY_ATTRIBUTES = ['age', 'country', 'lifecycleStage', 'engagement', 'loyaltyTier', 'preferredChannels'];

export function renderView(view) {
  const attrs = new Map(view.attributes.map((a) => [a.name, a]));
  const facts = [
    ['Customer id', view.id], ['E-mail', view.email || '–'], ['Phone', view.phone || '–'],
    ['Time zone', view.timeZone || '–'],
    ...KEY_ATTRIBUTES.filter((n) => attrs.has(n) && known(attrs.get(n).value))
      .map((n) => [attrs.get(n).label, value(attrs.get(n).value)]),
    ...view.attributes.filter((a) => !a.builtIn && known(a.value)).map((a) => [a.label, value(a.value)]),
  ];
  show($('#who-body'),
    h('p', { class: 'customer-name' }, h('strong', { id: 'customer-name' }, view.name || view.id)),
    h('dl', { class: 'facts' }, facts.map(([k, v]) => [h('dt', {}, k), h('dd', {}, v)])));

  show($('#segments'), view.segments.length ? view.segments.map((s) => h('li', { dataset: { segment: s.segment } },
    h('span', { class: 'tag' }, s.segment), ' ',
    h('span', { class: 'muted' }, s.source === 'segment-table' ? `by the row "${s.rule}"` : 'set on the profile')))
    : h('li', { class: 'muted' }, 'No segments'));

  show($('#consents'), view.consents.map((c) => h('li', {},
    h('span', { class: 'tag ' + (c.given ? 'ok' : 'bad'), dataset: { channel: c.channel } },
      c.given ? '✓ ' : '✗ ', channelName(c.channel), c.given ? '' : ' (no consent)'))));

  renderPurchases(view.purchases);
  show($('#events'), view.recentEvents.length ? view.recentEvents.slice(0, 8).map((e) => h('li', {},
    h('span', { class: 'muted' }, fmt.when(e.occurredAt)), ' ', fmt.label(e.type), describeEvent(e.event)))
    : h('li', { class: 'muted' }, 'No interactions recorded'));

  const s = view.offerSummary;
  show($('#offer-summary'), `${s.offered} offered, ${s.accepted} accepted, ${s.rejected} declined, `
    + `${s.purchased} purchased`);
  show($('#history tbody'), view.offers.length ? view.offers.slice(0, 15).map((o) => h('tr', { dataset: { decision: o.decisionId, offer: o.offerId } },
    h('td', {}, fmt.when(o.offeredAt)), h('td', {}, o.offerName || o.offerId), h('td', {}, channelName(o.channel)),
    h('td', { class: 'outcome' }, o.lastOutcome ? fmt.label(o.lastOutcome) : 'no answer yet')))
    : h('tr', {}, h('td', { colspan: 4, class: 'muted' }, 'No offers made yet')));
}

function renderPurchases(p) {
  if (!p) {
    show($('#purchases'), h('p', { class: 'muted' }, 'No purchases recorded'));
    return;
  }
  show($('#purchases'),
    h('dl', { class: 'facts' },
      h('dt', {}, 'Last 12 months'), h('dd', {}, `${p.purchases12Months} purchases, ${fmt.money(p.spend12Months)}`),
      h('dt', {}, 'Lifetime'), h('dd', {}, `${p.purchasesLifetime} purchases, ${fmt.money(p.spendLifetime)}`),
      h('dt', {}, 'Last purchase'), h('dd', {}, fmt.when(p.lastPurchase)),
      p.topCategories && p.topCategories.length ? [h('dt', {}, 'Top categories'),
        h('dd', {}, p.topCategories.slice(0, 3).map((c) => (c.amount == null ? c.name : `${c.name} (${fmt.money(c.amount)})`)).join(', '))] : null));
}

function describeEvent(event) {
  if (!event) return '';
  const bits = ['category', 'item', 'amount', 'channel', 'page'].filter((k) => event[k] !== undefined && event[k] !== null)
    .map((k) => String(event[k]));
  return bits.length ? ': ' + bits.join(', ') : '';
}

function known(v) {
  return v !== null && v !== undefined && v !== '' && !(Array.isArray(v) && v.length === 0);
}

function value(v) {
  return Array.isArray(v) ? v.join(', ') : String(v);
}
