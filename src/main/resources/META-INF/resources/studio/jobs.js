// Long jobs with their progress: rule-set checks and uploads (followed at /api/rulesets/jobs/{id}) and history
// imports (/api/history/imports/{id}). Each job started on this page gets a row in the Jobs section, updated as it
// is polled, and the caller gets a promise of its end.
import { $, h, busy, showProblem, announce } from '/app/ui.js';
import { get, post } from '/app/api.js';

const POLL_MS = 500;
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Adds a job's row to the list and returns a function that redraws it from the job's latest state. */
function row(label) {
  $('#no-jobs')?.remove();
  const state = h('span', { class: 'job-state' });
  const bar = h('progress', { max: 1 });
  const detail = h('span', { class: 'muted' });
  const el = h('div', { class: 'job', role: 'status' }, h('div', {}, h('strong', {}, label), ' · ', state), bar, ' ', detail);
  $('#job-list').prepend(el);
  return { el, state, bar, detail };
}

/**
 * Follows a rule-set job (202 from validate or upload with Prefer: respond-async) until it is done or failed.
 * onProgress(job) is called on every poll, so the section that started it can show the same progress.
 */
export async function followRuleJob(job, label, onProgress = () => {}) {
  const r = row(label);
  for (;;) {
    r.state.textContent = job.state === 'running' ? job.phase : job.state;
    if (job.rowsTotal > 0) {
      r.bar.max = job.rowsTotal;
      r.bar.value = job.rowsDone;
      r.detail.textContent = `${job.rowsDone.toLocaleString()} of ${job.rowsTotal.toLocaleString()} rows checked`;
    }
    onProgress(job);
    if (job.state === 'done' || job.state === 'failed') {
      r.bar.max = 1;
      r.bar.value = 1;
      announce(`${label}: ${job.state}`);
      return job;
    }
    await pause(POLL_MS);
    job = await get(`/api/rulesets/jobs/${encodeURIComponent(job.id)}`);
  }
}

async function followImport(view, label) {
  const r = row(label);
  for (;;) {
    r.state.textContent = view.phase;
    r.detail.textContent = `${view.lines.toLocaleString()} lines read, ${view.imported.toLocaleString()} imported, `
      + `${view.duplicates.toLocaleString()} already there, ${view.rejected.toLocaleString()} rejected`;
    if (view.phase === 'done' || view.phase === 'failed') {
      r.bar.max = 1;
      r.bar.value = 1;
      if (view.failure) r.el.append(h('p', { class: 'bad-text' }, view.failure));
      if (view.rejectedLines?.length) {
        r.el.append(h('table', {}, h('thead', {}, h('tr', {}, h('th', {}, 'Line'), h('th', {}, 'Why it was rejected'))),
          h('tbody', {}, view.rejectedLines.map((l) => h('tr', {}, h('td', {}, l.line), h('td', {}, l.reason))))));
      }
      announce(`${label}: ${view.phase}`);
      return view;
    }
    await pause(POLL_MS);
    view = await get(`/api/history/imports/${encodeURIComponent(view.id)}`);
  }
}

export async function initJobs() {
  const button = $('#history-import');
  button.addEventListener('click', () => busy(button, async () => {
    const file = $('#history-file').files[0];
    const box = $('#job-list');
    if (!file) {
      announce('Choose a history file first');
      return;
    }
    const ndjson = /\.(ndjson|jsonl)$/i.test(file.name);
    try {
      const view = await post('/api/history/imports', file,
        { headers: { 'Content-Type': ndjson ? 'application/x-ndjson' : 'text/csv' } });
      await followImport(view, `History import ${file.name}`);
    } catch (e) {
      const holder = h('div');
      box.prepend(holder);
      showProblem(holder, e);
    }
  }));
}

