// Iframe mode: renders one article from query parameters (src, audience,
// follow-up-href) and reports its height to the host page. The host origin comes
// from the `host` parameter (iframe-host.js adds it); messages go only there.
import './embed.js';

const q = new URLSearchParams(location.search);
const el = document.createElement('evidence-article');
for (const name of ['src', 'audience', 'follow-up-href']) {
  const v = q.get(name);
  if (v) el.setAttribute(name, v);
}
el.setAttribute('share-state', 'off');
document.body.append(el);

let host = null;
try {
  const h = q.get('host');
  if (h) host = new URL(h).origin;
} catch { host = null; }

let last = -1;
function report() {
  const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
  if (height === last || !host || !window.parent || window.parent === window) return;
  last = height;
  window.parent.postMessage({ type: 'evidence-article:height', height }, host);
}
new ResizeObserver(report).observe(document.body);
report();
