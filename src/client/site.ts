/**
 * What every page does in the browser, in a few lines and nothing the page needs to be read: (1) the language switch
 * carries the page's state to its twin, the address's query and fragment (?ids=…, ?q=…, #dieu-4.khoan-1), read at
 * the moment the reader reaches for the link, since the compare and search pages rewrite the address as they go;
 * (2) the header's <details> menu is open on a wide screen, where its list is shown in the header row (CSS shows it
 * there even without this script), and closed when the window narrows to a phone's width; (3) a wide table's box
 * says where more columns hide (data-more="right"/"left", which CSS shows as a faded edge), with a hint line above
 * it while columns hide to the right, and becomes focusable when it scrolls and holds nothing focusable (keyboard
 * readers can then scroll it).
 */
import { common } from '../lib/views/i18n.ts';
const WIDE = '(min-width: 60rem)';

for (const a of document.querySelectorAll<HTMLAnchorElement>('a[data-testid="lang-switch"]')) {
  const plain = new URL(a.href);
  const carry = () => {
    const to = new URL(plain.href);
    to.search = location.search;
    // #main is the skip link's target, not a state of the page.
    to.hash = location.hash === '#main' ? '' : location.hash;
    a.href = to.href;
  };
  carry();
  for (const ev of ['pointerdown', 'focus', 'click', 'contextmenu']) a.addEventListener(ev, carry);
  addEventListener('hashchange', carry);
  addEventListener('popstate', carry);
}

const menu = document.querySelector<HTMLDetailsElement>('details[data-site-menu]');
if (menu) {
  const wide = matchMedia(WIDE);
  const fit = () => {
    menu.open = wide.matches;
  };
  fit();
  wide.addEventListener('change', fit);
}

const lang = document.documentElement.lang === 'en' ? 'en' : 'vi';
for (const wrap of document.querySelectorAll<HTMLElement>('.table-wrap')) {
  const hint = document.createElement('p');
  hint.className = 'scroll-hint';
  hint.textContent = common(lang, 'scrollMore');
  hint.hidden = true;
  wrap.before(hint);
  const fit = () => {
    const more = [wrap.scrollLeft > 1 ? 'left' : '', wrap.scrollLeft + wrap.clientWidth < wrap.scrollWidth - 1 ? 'right' : ''].filter(Boolean).join(' ');
    if (more) wrap.dataset.more = more;
    else delete wrap.dataset.more;
    hint.hidden = !more.includes('right');
    const scrolls = wrap.scrollWidth > wrap.clientWidth || wrap.scrollHeight > wrap.clientHeight;
    if (scrolls && !wrap.querySelector('a[href], button, input, select, textarea, [tabindex]')) wrap.tabIndex = 0;
  };
  fit();
  wrap.addEventListener('scroll', fit, { passive: true });
  new ResizeObserver(fit).observe(wrap);
}
