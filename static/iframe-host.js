// Host side of the iframe mode: sizes each <iframe data-evidence-article> to its
// content. A message is accepted only from that iframe's window and origin.
// (Our own code: iframe-resizer is GPL.)
const frames = new Map();

function expectedOrigin(iframe) {
  const sandbox = iframe.getAttribute('sandbox');
  if (sandbox !== null && !/\ballow-same-origin\b/.test(sandbox)) return 'null';
  return new URL(iframe.src, location.href).origin;
}

function track(iframe) {
  if (frames.has(iframe)) return;
  // The frame learns our origin from location.ancestorOrigins / the referrer (or an
  // explicit ?host= parameter); we do not rewrite its src (that would load it twice).
  iframe.setAttribute('scrolling', 'no');
  frames.set(iframe, expectedOrigin(iframe));
}

window.addEventListener('message', (event) => {
  const data = event.data;
  if (!data || data.type !== 'evidence-article:height') return;
  for (const [iframe, origin] of frames) {
    if (event.source === iframe.contentWindow && event.origin === origin) {
      const h = Number(data.height);
      if (Number.isFinite(h) && h > 0 && h < 100000) iframe.style.height = `${Math.ceil(h)}px`;
      return;
    }
  }
});

for (const iframe of document.querySelectorAll('iframe[data-evidence-article]')) track(iframe);
