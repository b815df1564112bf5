// Iframe mode: renders one article from query parameters (src, audience,
// follow-up-href) and reports its height to the host page. The host origin comes
// from the `host` parameter or the browser (ancestorOrigins, referrer); messages
// go only there.
import './embed.js';

const q = new URLSearchParams(location.search);
const el = document.createElement('evidence-article');
for (const name of ['src', 'audience', 'follow-up-href']) {
  const v = q.get(name);
  if (v) el.setAttribute(name, v);
}
el.setAttribute('share-state', 'off');
document.body.append(el);

// Where to post our height: the explicit ?host= parameter, else the embedding
// page's origin as the browser reports it. Never '*'.
function hostOrigin() {
  const candidates = [q.get('host'), location.ancestorOrigins && location.ancestorOrigins[0], document.referrer];
  for (const c of candidates) {
    try {
      if (c) { const o = new URL(c).origin; if (o && o !== 'null') return o; }
    } catch { /* not a URL: try the next */ }
  }
  return null;
}
const host = hostOrigin();

let last = -1;
function report() {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height === last || !host || !window.parent || window.parent === window) return;
  last = height;
  window.parent.postMessage({ type: 'evidence-article:height', height }, host);
}
new ResizeObserver(report).observe(document.body);
report();
