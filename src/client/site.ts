/**
 * What every page does in the browser, in a few lines and nothing the page needs to be read: (1) the language switch
 * carries the page's state to its twin, the address's query and fragment (?ids=…, ?q=…, #dieu-4.khoan-1), read at
 * the moment the reader reaches for the link, since the compare and search pages rewrite the address as they go;
 * (2) the header's <details> menu is open on a wide screen, where its list is shown in the header row (CSS shows it
 * there even without this script), and closed when the window narrows to a phone's width.
 */
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
