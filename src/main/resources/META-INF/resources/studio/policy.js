// The contact policy, the same way as the decision tables: the live policy (version, who put it live, its rules), its
// versions, and a changed table checked, compared rule by rule, simulated and put live, or an earlier one put back.
import { $, h, showProblem, announce, fmt } from '/app/ui.js';
import { get, post, put, seg } from '/app/api.js';
import {
  validationView, refusalView, diffView, simulationView, versionsView, confirm, fillTouchpoints, problemsTable,
  showResult as show, stepButtons,
} from './views.js';

let live = null;

function chosen() {
  const file = $('#policy-file').files[0];
  if (!file) throw Object.assign(new Error('no file'), { problem: { title: 'Choose a policy table first',
    detail: 'Pick the changed contact policy (CSV or workbook); GET /api/policy/file downloads the live one.' } });
  return file;
}

const headersFor = (file) => ({ 'Content-Type': file.name.endsWith('.xlsx')
  ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv' });

async function refresh() {
  live = await get('/api/policy');
  show($('#policy-live'),
    h('h2', {}, 'Live contact policy'),
    h('dl', { class: 'facts' },
      h('dt', {}, 'Version'), h('dd', { id: 'policy-live-version' }, live.version),
      h('dt', {}, 'File'), h('dd', {}, live.file, ' ', h('a', { href: '/api/policy/file', download: live.file }, 'Download to edit')),
      h('dt', {}, 'Put live by'), h('dd', {}, `${live.activatedBy ?? '–'}, ${fmt.when(live.activatedAt)} (${live.source})`)),
    h('div', { class: 'scroll' }, h('table', { id: 'policy-rules' },
      h('thead', {}, h('tr', {}, ['Rule', 'Type', 'Channel', 'Offer', 'Group', 'Limit', 'Window', 'Outcome', 'Rest', 'Hours', 'Cost']
        .map((c) => h('th', {}, c)))),
      h('tbody', {}, live.rules.map((r) => h('tr', {}, [r.rule, r.type, r.channel, r.offer, r.group, r.limit, r.window,
        r.outcome, r.rest, r.hours, r.cost].map((v) => h('td', {}, v ?? ''))))))));
  const [versions, activations] = await Promise.all([get('/api/policy/versions'), get('/api/policy/activations?limit=20')]);
  show($('#policy-versions'), versionsView('policy', live.version, versions, activations, {
    onCompare: (version) => guarded(async () => {
      const box = $('#policy-compare');
      box.hidden = false;
      show(box, diffView(await get(`/api/policy/versions/diff?from=${seg(version)}&to=live`),
        `What changed from ${version} to the live policy`));
    }),
    onActivate: (version, rollback) => guarded(async () => {
      if (!await confirm(rollback ? 'Roll back the policy?' : 'Put an earlier policy live?', `Policy ${version} `
        + `replaces the live policy ${live.version} for every decision from now on.`)) return;
      const r = await post(`/api/policy/versions/${seg(version)}/activate`);
      activated(r);
      await refresh();
    }),
  }));
}

async function guarded(work) {
  try {
    await work();
  } catch (e) {
    if (e.problem?.problems) show($('#policy-result'), refusalView(e.problem));
    else showProblem($('#policy-result'), e);
  }
}

function activated(r) {
  show($('#policy-result'), h('div', { class: 'notice', role: 'status', id: 'policy-activated' },
    r.changed ? `Policy ${r.version} is live (it replaced ${r.previousVersion}), put live by ${r.activatedBy}.`
      : 'Nothing changed: this is the live policy already.'), problemsTable(r.warnings, 'Warnings'));
  announce(`Policy ${r.version} is live`);
}

async function check() {
  const file = chosen();
  show($('#policy-result'), validationView(await post('/api/policy/validate', file, { headers: headersFor(file) })));
}

async function compare() {
  const file = chosen();
  show($('#policy-result'), diffView(await post('/api/policy/diff', file, { headers: headersFor(file) }),
    `What ${file.name} changes in the live policy`));
}

async function simulate() {
  const file = chosen();
  show($('#policy-result'), h('p', { class: 'muted', role: 'status' }, 'Simulating on stored customers…'), h('progress'));
  const q = new URLSearchParams({ sample: $('#policy-sample').value, touchpoint: $('#policy-touchpoint').value,
    localTime: $('#policy-time').value });
  show($('#policy-result'), simulationView(await post(`/api/policy/simulate?${q}`, file, { headers: headersFor(file) }),
    'policy'));
}

async function activate() {
  const file = chosen();
  if (!await confirm('Put this policy live?', `${file.name} is checked once more and then replaces the live policy `
    + `${live.version} for every decision from now on. You can roll back.`)) return;
  activated(await put('/api/policy', file, { headers: headersFor(file) }));
  await refresh();
}

const act = stepButtons('#policy-result');

export async function initPolicy() {
  fillTouchpoints($('#policy-touchpoint'));
  act('#policy-check', check);
  act('#policy-diff', compare);
  act('#policy-simulate', simulate);
  act('#policy-activate', activate);
  await refresh();
}
