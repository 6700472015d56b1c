// The 404 page (src/components/pages/NotFound.astro): a server with one 404.html answers an unknown /en/… address
// with the Vietnamese page; there, the English half comes first and takes the page's main heading. Without
// JavaScript both halves are there as built. Plain JavaScript in public/, because the page's CSP allows no inline script.
(function () {
  var root = document.querySelector('[data-testid="not-found"]');
  var en = root && root.querySelector('section[lang="en"]');
  var vi = root && root.querySelector('section[lang="vi"]');
  var script = document.currentScript;
  var base = script ? script.getAttribute('src').replace(/\/not-found\.js$/, '') : '';
  var path = location.pathname.slice(base.length);
  if (!root || !en || !vi || document.documentElement.lang !== 'vi' || !/^\/en(\/|$)/.test(path)) return;
  function retag(h, tag) {
    if (!h) return;
    var n = document.createElement(tag);
    h.getAttributeNames().forEach(function (a) { n.setAttribute(a, h.getAttribute(a) || ''); });
    while (h.firstChild) n.appendChild(h.firstChild);
    h.replaceWith(n);
  }
  retag(vi.querySelector('h1'), 'h2');
  retag(en.querySelector('h2'), 'h1');
  vi.classList.replace('first', 'second');
  en.classList.replace('second', 'first');
  root.insertBefore(en, root.firstChild);
  document.title = en.getAttribute('data-title') || document.title;
})();
