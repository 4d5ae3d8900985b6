// The sign-in page: says why the person is here (a wrong password, signed out) and remembers the page to return to.
// Only that path is kept (sessionStorage, this tab); a password is never stored by the screens.
import { h, show, $ } from './ui.js';

const params = new URLSearchParams(location.search);
const message = $('#message');
if (params.has('failed')) {
  show(message, h('div', { class: 'problem', role: 'alert' },
    h('strong', {}, 'Wrong user name or password.'), h('p', {}, 'Check both and try again.')));
  $('#password').focus();
} else if (params.has('signedOut')) {
  show(message, h('div', { class: 'notice', role: 'status' }, 'You are signed out.'));
}
const next = params.get('next');
if (next && next.startsWith('/') && !next.startsWith('//')) {
  sessionStorage.setItem('nbo.next', next);
}
