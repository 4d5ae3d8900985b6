// The landing page: an agent goes straight to the console, a marketer to the studio; someone who holds both (an
// admin) chooses. Signed out: sent to the sign-in page by the API wrapper.
import { frame, screensFor, show, h, $ } from './ui.js';

const who = await frame('/');
const screens = screensFor(who.roles);
const next = sessionStorage.getItem('nbo.next');
sessionStorage.removeItem('nbo.next');
if (next) {
  location.replace(next);
} else if (screens.length === 1) {
  location.replace(screens[0].href);
} else {
  show($('#choices'), screens.length
    ? screens.map((s) => h('a', { href: s.href }, s.label))
    : h('p', {}, 'Your role (', who.roles.join(', '), ') has no screen; use the API.'));
}
