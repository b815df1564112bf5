// Host side of the iframe mode: sizes each <iframe data-evidence-article> to its
// content, including frames added later and frames whose src changes. A message is
// accepted only from that iframe's window and its current src's origin.
// (Our own code: iframe-resizer is GPL.)
/** @type {Map<HTMLIFrameElement, string>} iframe → origin its messages must come from */
const tracked = new Map();

/** @param {HTMLIFrameElement} iframe */
function expectedOrigin(iframe) {
  const sandbox = iframe.getAttribute('sandbox');
  if (sandbox !== null && !/\ballow-same-origin\b/.test(sandbox)) return 'null';
  return new URL(iframe.src, location.href).origin;
}

/** Starts (or, after a src or sandbox change, refreshes) sizing one frame. @param {HTMLIFrameElement} iframe */
function track(iframe) {
  // The frame learns our origin from location.ancestorOrigins / the referrer (or an
  // explicit ?host= parameter); we do not rewrite its src (that would load it twice).
  iframe.setAttribute('scrolling', 'no');
  tracked.set(iframe, expectedOrigin(iframe));
}

const SELECTOR = 'iframe[data-evidence-article]';
/** Frames at or under `node`. @param {Node} node @returns {HTMLIFrameElement[]} */
function framesIn(node) {
  if (!(node instanceof Element)) return [];
  return [...(node.matches(SELECTOR) ? [node] : []), ...node.querySelectorAll(SELECTOR)]
    .filter((f) => f instanceof HTMLIFrameElement);
}

window.addEventListener('message', (event) => {
  const data = event.data;
  if (!data || data.type !== 'evidence-article:height') return;
  for (const [iframe, origin] of tracked) {
    if (event.source === iframe.contentWindow && event.origin === origin) {
      const h = Number(data.height);
      if (Number.isFinite(h) && h > 0 && h < 100000) iframe.style.height = `${Math.ceil(h)}px`;
      return;
    }
  }
});

for (const iframe of framesIn(document.documentElement)) track(iframe);
new MutationObserver((records) => {
  for (const r of records) {
    if (r.type === 'attributes') {
      const f = /** @type {Element} */ (r.target);
      if (f instanceof HTMLIFrameElement && f.matches(SELECTOR)) track(f);
      else if (f instanceof HTMLIFrameElement) tracked.delete(f);
      continue;
    }
    for (const n of r.addedNodes) for (const f of framesIn(n)) track(f);
    for (const n of r.removedNodes) for (const f of framesIn(n)) if (!f.isConnected) tracked.delete(f);
  }
}).observe(document.documentElement, {
  subtree: true, childList: true, attributes: true, attributeFilter: ['src', 'sandbox', 'data-evidence-article'],
});
