// Decision tables: the live rule set (version, files, warnings, reference check), its versions and who put them live;
// a changed spreadsheet checked (as a job with progress), compared row by row with the live version, simulated on
// stored customers, put live (as a job), and any earlier version put live again, each after a confirmation.
import { $, h, showProblem, announce, fmt } from '/app/ui.js';
import { get, post, put, seg } from '/app/api.js';
import { followRuleJob } from './jobs.js';
import {
  validationView, refusalView, diffView, simulationView, versionsView, confirm, fillTouchpoints, problemsTable,
  showResult as show, stepButtons,
} from './views.js';

const ASYNC = { Prefer: 'respond-async' };
let live = null;

function chosen() {
  const file = $('#rules-file').files[0];
  if (!file) throw Object.assign(new Error('no file'), { problem: { title: 'Choose a spreadsheet first',
    detail: 'Pick the changed *.drl.csv or *.drl.xlsx file; its name says which live table it replaces.' } });
  return file;
}

function typeOf(file) {
  return file.name.endsWith('.xlsx')
    ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' : 'text/csv';
}

async function loadLive() {
  live = await get('/api/rulesets');
  const ref = live.reference;
  show($('#rules-live'),
    h('h2', {}, 'Live rule set'),
    h('dl', { class: 'facts' },
      h('dt', {}, 'Version'), h('dd', { id: 'rules-live-version' }, live.version),
      h('dt', {}, 'Compiled'), h('dd', {}, fmt.when(live.compiledAt)),
      h('dt', {}, 'Rules'), h('dd', {}, String(live.ruleCount)),
      h('dt', {}, 'Checked against Drools'), h('dd', {}, ref ? ref.state : '–'),
      h('dt', {}, 'Warnings'), h('dd', {}, String(live.warningCount))),
    h('h3', {}, 'Tables'),
    h('table', { id: 'rules-files' }, h('thead', {}, h('tr', {}, h('th', {}, 'File'), h('th', { class: 'num' }, 'Bytes'), h('th', {}, ''))),
      h('tbody', {}, live.files.map((f) => h('tr', {}, h('td', {}, f.name), h('td', { class: 'num' }, f.bytes.toLocaleString()),
        h('td', {}, h('a', { href: `/api/rulesets/${seg(f.name)}`, download: f.name }, 'Download to edit')))))),
    live.warningCount ? h('details', {}, h('summary', {}, `The live version's ${live.warningCount} warnings`),
      problemsTable(live.warnings, 'Warnings')) : null);
}

async function loadVersions() {
  const [versions, activations] = await Promise.all([get('/api/rulesets/versions'), get('/api/rulesets/activations?limit=20')]);
  show($('#rules-versions'), versionsView('rules', live.version, versions, activations, {
    onCompare: (version) => compareStored(version),
    onActivate: (version, rollback) => activateStored(version, rollback),
  }));
}

async function refresh() {
  await loadLive();
  await loadVersions();
}

async function compareStored(version) {
  const box = $('#rules-compare');
  box.hidden = false;
  try {
    show(box, diffView(await get(`/api/rulesets/versions/diff?from=${seg(version)}&to=live`),
      `What changed from ${version} to the live version`));
  } catch (e) {
    showProblem(box, e);
  }
  box.scrollIntoView({ block: 'nearest' });
}

async function activateStored(version, rollback) {
  const ok = await confirm(rollback ? 'Roll back?' : 'Put an earlier version live?',
    `Version ${version} replaces the live version ${live.version} for every decision from now on. `
    + 'It is checked again first; you can roll forward the same way.');
  if (!ok) return;
  const box = $('#rules-result');
  try {
    const result = await post(`/api/rulesets/versions/${seg(version)}/activate`);
    show(box, h('div', { class: 'notice', role: 'status', id: 'rules-activated' },
      `Version ${result.version} is live (it replaced ${result.previousVersion}).`));
    announce(`Version ${result.version} is live`);
  } catch (e) {
    show(box, e.problem?.problems ? refusalView(e.problem) : null);
    if (!e.problem?.problems) showProblem(box, e);
  }
  await refresh();
}

/** Runs a check or an upload as a job, showing its progress in the result box and in the Jobs section. */
async function asJob(call, label, box) {
  const progress = h('p', { class: 'muted', role: 'status' }, 'Queued…');
  const bar = h('progress', { max: 1 });
  show(box, h('div', {}, progress, bar));
  const started = await call();
  if (!started || !started.id) return { state: 'done', result: started };
  return followRuleJob(started, label, (job) => {
    progress.textContent = job.rowsTotal > 0
      ? `${job.phase}: ${job.rowsDone.toLocaleString()} of ${job.rowsTotal.toLocaleString()} rows`
      : job.phase;
    if (job.rowsTotal > 0) {
      bar.max = job.rowsTotal;
      bar.value = job.rowsDone;
    }
  });
}

async function check() {
  const file = chosen();
  const box = $('#rules-result');
  const job = await asJob(() => post(`/api/rulesets/${seg(file.name)}/validate`, file,
    { headers: { ...ASYNC, 'Content-Type': typeOf(file) } }), `Check ${file.name}`, box);
  show(box, job.state === 'failed' ? refusalView(job.problem) : validationView(job.result));
}

async function compare() {
  const file = chosen();
  show($('#rules-result'), diffView(await post(`/api/rulesets/${seg(file.name)}/diff`, file,
    { headers: { 'Content-Type': typeOf(file) } }), `What ${file.name} changes in the live version`));
}

async function simulate() {
  const file = chosen();
  const box = $('#rules-result');
  show(box, h('p', { class: 'muted', role: 'status' }, `Simulating ${file.name} on stored customers…`), h('progress'));
  const q = new URLSearchParams({ sample: $('#rules-sample').value, touchpoint: $('#rules-touchpoint').value,
    localTime: $('#rules-time').value });
  const sim = await post(`/api/rulesets/${seg(file.name)}/simulate?${q}`, file, { headers: { 'Content-Type': typeOf(file) } });
  show(box, simulationView(sim, 'table'));
}

async function activate() {
  const file = chosen();
  const ok = await confirm('Put this table live?', `${file.name} is checked once more and then replaces the live `
    + `table for every decision from now on (live version ${live.version}). You can roll back.`);
  if (!ok) return;
  const box = $('#rules-result');
  const job = await asJob(() => put(`/api/rulesets/${seg(file.name)}`, file,
    { headers: { ...ASYNC, 'Content-Type': typeOf(file) } }), `Put ${file.name} live`, box);
  if (job.state === 'failed') {
    show(box, refusalView(job.problem));
  } else {
    const r = job.result;
    show(box, h('div', { class: 'notice', role: 'status', id: 'rules-activated' },
      r.changed ? `Version ${r.version} is live (it replaced ${r.previousVersion}), put live by ${r.activatedBy}.`
        : `Nothing changed: ${file.name} is the live table already.`),
    problemsTable(r.warnings, 'Warnings'));
    announce(`Version ${r.version} is live`);
  }
  await refresh();
}

const act = stepButtons('#rules-result');

export async function initRules() {
  fillTouchpoints($('#rules-touchpoint'));
  act('#rules-check', check);
  act('#rules-diff', compare);
  act('#rules-simulate', simulate);
  act('#rules-activate', activate);
  await refresh();
}
