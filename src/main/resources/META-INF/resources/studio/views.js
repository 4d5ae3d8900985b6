// How the studio shows what the API answers about a draft: located problems, workbook tests, row-level diffs,
// simulations, and the version history. Plain functions returning elements; values are always text (never HTML).
import { $, h, fmt, busy, showProblem, show as replace } from '/app/ui.js';

const th = (text, cls) => h('th', { scope: 'col', class: cls }, text);
const td = (value, cls) => h('td', { class: cls }, value ?? '');
const num = (value) => td(value === null || value === undefined ? '–' : Number(value).toLocaleString(), 'num');

/** Every problem at its place: file, sheet, row, cell, and what is wrong, errors first. */
export function problemsTable(problems, caption) {
  if (!problems || problems.length === 0) return null;
  const sorted = [...problems].sort((a, b) => (a.severity === b.severity ? 0 : a.severity === 'ERROR' ? -1 : 1));
  return h('div', { class: 'scroll' }, h('table', { class: 'problems' },
    h('caption', { class: 'summary-line' }, caption),
    h('thead', {}, h('tr', {}, th('Severity'), th('File'), th('Sheet'), th('Row', 'num'), th('Cell'), th('What to fix'))),
    h('tbody', {}, sorted.map((p) => h('tr', { class: `problem-row ${String(p.severity).toLowerCase()}` },
      td(p.severity === 'ERROR' ? 'Error' : 'Warning', 'p-severity'), td(p.file, 'p-file'), td(p.sheet, 'p-sheet'),
      td(p.row, 'p-row num'), td(p.cell, 'p-cell'), td(p.message, 'p-message'))))));
}

/** The workbook's own examples: how many ran and passed, and each failure located. */
export function testsBlock(tests) {
  if (!tests) return null;
  const ok = tests.passed === tests.run;
  return h('div', { class: 'tests' },
    h('p', { class: `summary-line ${ok ? 'ok-text' : 'bad-text'}`, id: 'tests-summary' },
      `Workbook tests: ${tests.passed} of ${tests.run} passed`),
    problemsTable(tests.failures, 'Failing tests'));
}

/** A dry run's answer: can it go live, its errors, tests and warnings. */
export function validationView(v) {
  return h('div', { class: 'validation' },
    h('p', { class: `summary-line ${v.valid ? 'ok-text' : 'bad-text'}`, id: 'check-summary' }, v.valid
      ? `This draft can go live (version ${v.version}): ${v.errors.length} errors, ${v.warnings.length} warnings.`
      : `This draft cannot go live: ${v.errors.length} errors to fix${v.tests && v.tests.passed < v.tests.run
        ? `, ${v.tests.run - v.tests.passed} failing tests` : ''}.`),
    problemsTable(v.errors, 'Errors (they stop the draft)'),
    testsBlock(v.tests),
    problemsTable(v.warnings, 'Warnings (they do not stop it)'));
}

/** A refused upload (problem+json with problems) shown like a dry run's errors. */
export function refusalView(problem) {
  return h('div', { class: 'validation' },
    h('div', { class: 'problem', role: 'alert' }, h('strong', { class: 'problem-title' }, problem.title || 'Refused'),
      problem.detail ? h('p', { class: 'problem-detail', id: 'refusal-detail' }, problem.detail) : null),
    problemsTable(problem.problems, 'Problems, each where it is'));
}

/** Row-level differences: per file, rows added, removed, changed, cell by cell. */
export function diffView(diff, title) {
  const files = diff.files || [];
  return h('div', { class: 'diff' },
    h('h3', {}, title || `Compare ${diff.from} with ${diff.to}`),
    files.length === 0 ? h('p', { class: 'muted', id: 'diff-empty' }, 'No differences.') : null,
    files.map((f) => h('div', { class: 'diff-file' },
      h('p', { class: 'summary-line' }, `${f.file}: ${f.change}`, f.headerChange ? ` (header: ${f.headerChange})` : ''),
      f.rows.length === 0 ? null : h('div', { class: 'scroll' }, h('table', {},
        h('thead', {}, h('tr', {}, th('Change'), th('Sheet'), th('Table'), th('Rule'), th('Row', 'num'), th('Cells'))),
        h('tbody', {}, f.rows.map((r) => h('tr', { class: `diff-row ${r.change}` },
          td(r.change), td(r.sheet), td(r.table), td(r.rule),
          td(r.fromRow && r.toRow && r.fromRow !== r.toRow ? `${r.fromRow} → ${r.toRow}` : r.toRow ?? r.fromRow, 'num'),
          td(r.cells.map((c) => h('div', {}, h('strong', {}, c.column), ': ',
            c.from === null ? '' : c.from || '(empty)', c.from !== null && c.to !== null ? ' → ' : '',
            c.to === null ? '' : c.to || '(empty)')))))))))));
}

function offerChanges(offers) {
  return h('div', { class: 'scroll' }, h('table', { id: 'sim-offers' },
    h('thead', {}, h('tr', {}, th('Offer'), th('Live', 'num'), th('Draft', 'num'), th('Gain', 'num'), th('Lose', 'num'),
      th('For example'))),
    h('tbody', {}, offers.map((o) => h('tr', { class: 'sim-offer' },
      td(o.offerId), num(o.live), num(o.draft), num(o.gained), num(o.lost),
      td([o.gainedBy.length ? `gain: ${o.gainedBy.join(', ')}` : '', o.gainedBy.length && o.lostBy.length ? '; ' : '',
        o.lostBy.length ? `lose: ${o.lostBy.join(', ')}` : '']))))));
}

/** A simulation: how many customers change, and per offer who gains and loses it. */
export function simulationView(s, what) {
  const counts = (title, rows) => (rows && rows.length ? h('div', {}, h('h4', {}, title), h('table', {},
    h('thead', {}, h('tr', {}, th(''), th('Live', 'num'), th('Draft', 'num'))),
    h('tbody', {}, rows.map((c) => h('tr', {}, td(c.name), num(c.live), num(c.draft)))))) : null);
  return h('div', { class: 'simulation' },
    h('p', { class: 'summary-line', id: 'sim-summary' },
      `${s.customersChanged} of ${s.customers} customers would get different offers with this ${what} `
      + `(${String(s.touchpoint).toLowerCase()}, ${String(s.localTime).slice(0, 5)}).`),
    s.offers.length ? offerChanges(s.offers) : h('p', { class: 'muted' }, 'No offer changes for these customers.'),
    counts('Offers per channel', s.channels), counts('Offers each rule keeps away', s.rules),
    s.warnings?.length ? problemsTable(s.warnings, 'Warnings') : null);
}

/**
 * The version history with who activated what and when. onCompare(version) compares one with the live version;
 * onActivate(version, rollback) puts one live again (rollback: the button for the version live before this one).
 */
export function versionsView(prefix, live, versions, activations, { onCompare, onActivate }) {
  const previous = activations.find((a) => a.version !== live);
  return h('div', {},
    h('div', { class: 'row' }, h('h2', { class: 'grow' }, 'Versions'),
      previous ? h('button', { class: 'bad', id: `${prefix}-rollback`, onclick: () => onActivate(previous.version, true) },
        `Roll back to ${previous.version}…`) : null),
    h('div', { class: 'scroll' }, h('table', { class: 'versions' },
      h('thead', {}, h('tr', {}, th('Version'), th('Rules', 'num'), th('Made by'), th('How'), th('Last live'), th(''))),
      h('tbody', {}, versions.map((v) => h('tr', { class: 'version-row', dataset: { version: v.version } },
        td([v.version, v.version === live ? h('span', { class: 'tag ok' }, 'live') : null]), num(v.ruleCount),
        td(`${v.createdBy}, ${fmt.when(v.createdAt)}`), td(v.origin), td(fmt.when(v.lastActivatedAt)),
        td(v.version === live ? null : [h('button', { onclick: () => onCompare(v.version) }, 'Compare with live'), ' ',
          h('button', { onclick: () => onActivate(v.version) }, 'Put live again…')])))))),
    h('h3', {}, 'Who put what live'),
    h('div', { class: 'scroll' }, h('table', { class: 'activations' },
      h('thead', {}, h('tr', {}, th('When'), th('Who'), th('Version'), th('How'), th('Detail'))),
      h('tbody', {}, activations.map((a) => h('tr', {}, td(fmt.when(a.activatedAt)), td(a.activatedBy),
        td(a.version), td(a.origin), td(a.detail)))))));
}

/** Asks before something goes live; resolves true when confirmed. */
export function confirm(title, text) {
  const dialog = document.getElementById('confirm');
  dialog.querySelector('#confirm-title').textContent = title;
  dialog.querySelector('#confirm-text').textContent = text;
  return new Promise((resolve) => {
    dialog.addEventListener('close', () => resolve(dialog.returnValue === 'ok'), { once: true });
    dialog.returnValue = '';
    dialog.showModal();
    dialog.querySelector('#confirm-cancel').focus();
  });
}

export const TOUCHPOINTS = ['web', 'mobile-app', 'email', 'sms', 'push', 'call-centre', 'social', 'in-store'];

export function fillTouchpoints(select) {
  select.replaceChildren(...TOUCHPOINTS.map((t) => h('option', { value: t }, t)));
}

/** Shows a result and brings it into view (results sit below the form; the version history follows them). */
export function showResult(el, ...children) {
  replace(el, ...children);
  if (el.id.endsWith('-result') && children.some(Boolean)) el.scrollIntoView({ block: 'start' });
  return el;
}

/**
 * The step buttons of one tab (check, compare, simulate, put live): each runs its work while the button is busy, and
 * a failure lands in the tab's result box, a refusal with located problems as their table, anything else as the problem.
 */
export function stepButtons(resultSelector) {
  return (id, work) => {
    const button = $(id);
    button.addEventListener('click', () => busy(button, async () => {
      try {
        await work();
      } catch (e) {
        if (e.problem?.problems) showResult($(resultSelector), refusalView(e.problem));
        else showProblem($(resultSelector), e);
      }
    }));
  };
}
