// The marketer studio: one page, a section per job a marketer does. Every datum comes from the REST API integrators
// use (/q/swagger-ui); the page holds nothing of its own. Sections load when first opened; the hash names the section.
import { $, $$, frame, h, show, showProblem } from '/app/ui.js';
import { initRules } from './rules.js';
import { initPolicy } from './policy.js';
import { initFunnel } from './funnel.js';
import { initLift } from './lift.js';
import { initJobs } from './jobs.js';

const SECTIONS = { rules: initRules, policy: initPolicy, funnel: initFunnel, experiments: initLift, jobs: initJobs };
const started = new Set();

function open(section, focus = false) {
  if (!SECTIONS[section]) section = 'rules';
  for (const tab of $$('[role=tab]')) {
    const selected = tab.dataset.section === section;
    tab.setAttribute('aria-selected', String(selected));
    tab.tabIndex = selected ? 0 : -1;
    $('#' + tab.dataset.section).hidden = !selected;
    if (selected && focus) tab.focus();
  }
  if (location.hash !== '#' + section) history.replaceState(null, '', '#' + section);
  if (!started.has(section)) {
    started.add(section);
    SECTIONS[section]().catch((e) => showProblem($('#studio-problem'), e));
  }
}

function keyboard(event) {
  const tabs = $$('[role=tab]');
  const at = tabs.indexOf(event.target);
  if (at < 0) return;
  const next = event.key === 'ArrowRight' ? at + 1 : event.key === 'ArrowLeft' ? at - 1 : null;
  if (next === null) return;
  event.preventDefault();
  open(tabs[(next + tabs.length) % tabs.length].dataset.section, true);
}

async function start() {
  const who = await frame('/studio/');
  if (!who.roles.includes('marketer')) {
    show($('#studio-problem'), h('div', { class: 'problem', role: 'alert' },
      h('strong', {}, 'The studio is for marketers'),
      h('p', {}, `You are signed in as ${who.name} (${who.roles.join(', ')}). Sign in as a marketer or an admin.`)));
    return;
  }
  for (const tab of $$('[role=tab]')) tab.addEventListener('click', () => open(tab.dataset.section));
  $('[role=tablist]').addEventListener('keydown', keyboard);
  window.addEventListener('hashchange', () => open(location.hash.slice(1)));
  open(location.hash.slice(1) || 'rules');
}

start().catch((e) => showProblem($('#studio-problem'), e));
