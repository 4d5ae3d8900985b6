// Small helpers every screen uses: building elements without innerHTML (values are always text), the page frame
// (header, navigation, who is signed in, sign out), showing a refused call, and formatting.
import { me } from './api.js';

/** h('button', {class: 'x', onclick: f}, 'text', child...) -> element. null/false children are skipped. */
export function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on') && typeof value === 'function') el.addEventListener(key.slice(2), value);
    else if (key === 'class') el.className = value;
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else if (value === true) el.setAttribute(key, '');
    else el.setAttribute(key, String(value));
  }
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
  return el;
}

export const $ = (selector, root = document) => root.querySelector(selector);
export const $$ = (selector, root = document) => [...root.querySelectorAll(selector)];

/** Replaces an element's content. */
export function show(el, ...children) {
  el.replaceChildren();
  for (const child of children.flat(Infinity)) {
    if (child !== null && child !== undefined && child !== false) el.append(child instanceof Node ? child : String(child));
  }
  return el;
}

/** Says something to screen readers (the page's polite live region). */
export function announce(text) {
  const region = $('#announcer');
  if (region) region.textContent = text;
}

/**
 * Shows a refused call where it happened: the problem's title and detail in an alert box (role="alert", so it is read
 * out), plus a hint for 403 (your role may not) and the field the problem names, if any.
 */
export function problemBox(error) {
  const p = error && error.problem ? error.problem : { title: 'Something went wrong', detail: String(error && error.message || error) };
  const hint = error && error.status === 403 ? 'You are signed in with a role that may not see this. Sign in as '
    + 'someone who may, or ask an administrator.' : null;
  return h('div', { class: 'problem', role: 'alert', dataset: { status: error && error.status || '' } },
    h('strong', { class: 'problem-title' }, p.title || 'Error'),
    p.detail ? h('p', { class: 'problem-detail' }, p.detail) : null,
    p.field ? h('p', { class: 'problem-field' }, 'Field: ', p.field) : null,
    hint ? h('p', { class: 'problem-hint' }, hint) : null);
}

/** Puts a problem box into a container. */
export function showProblem(container, error) {
  show(container, problemBox(error));
}

/** Disables a button while a call runs, marks it busy for assistive technology, and restores it after. */
export async function busy(button, work) {
  button.disabled = true;
  button.setAttribute('aria-busy', 'true');
  try {
    return await work();
  } finally {
    button.disabled = false;
    button.removeAttribute('aria-busy');
  }
}

const dateTime = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
const money = new Intl.NumberFormat(undefined, { minimumFractionDigits: 2, maximumFractionDigits: 2 });

export const fmt = {
  when: (iso) => (iso ? dateTime.format(new Date(iso)) : '–'),
  money: (n) => (n === null || n === undefined ? '–' : money.format(Number(n))),
  num: (n, digits = 2) => (n === null || n === undefined ? '–' : Number(n).toFixed(digits)),
  label: (code) => String(code ?? '').replace(/[-_]/g, ' '),
};

/** The screens a person's roles open, in the order the landing page offers them. */
export function screensFor(roles) {
  const out = [];
  if (roles.includes('agent')) out.push({ href: '/agent/', label: 'Agent console' });
  if (roles.includes('marketer')) out.push({ href: '/studio/', label: 'Marketer studio' });
  return out;
}

/**
 * Fills the page frame: the header (product name, the screens this person may open, who is signed in, sign out).
 * Resolves to the caller ({name, roles}); a signed-out person is sent to the sign-in page.
 */
export async function frame(current) {
  const who = await me();
  const nav = h('nav', { 'aria-label': 'Screens' },
    h('ul', {}, screensFor(who.roles).map((s) => h('li', {},
      h('a', { href: s.href, 'aria-current': s.href === current ? 'page' : null }, s.label)))));
  const user = h('div', { class: 'user' },
    h('span', { class: 'user-name', 'data-test': 'user' }, who.name),
    h('span', { class: 'user-roles' }, ' (', who.roles.join(', '), ')'),
    h('form', { method: 'post', action: '/logout', class: 'logout' }, h('button', { type: 'submit' }, 'Sign out')));
  show($('#top'), h('a', { class: 'brand', href: '/' }, 'Next best offer'), nav, user);
  return who;
}
