// Boot of the standalone page (index.html), written inline into the page by
// scripts/stamp.mjs (the page's Content-Security-Policy allows it by its SHA-256, with
// no 'unsafe-inline'). It replaces Trunk's boot script and its preloads.
//
// The pre-rendered article paints first, styled by the page's inline stylesheet: no
// request stands between the HTML and the first paint. The glue and the wasm are
// fetched only after that paint (the frame after this module runs), so their download
// does not compete with the page's first paint; the app then hydrates the painted nodes.
// Both are checked against the SHA-384 that stamp.mjs writes below, as embed.js checks
// them: the wasm by fetch(…, { integrity }), the glue by <link rel=modulepreload
// integrity> before it is imported (never imported when that check failed).
/**
 * @type {{ version: string, glue: string, wasm: string, css: string,
 *   integrity: { glue: string, wasm: string, css: string } | null }}
 */
const FILES = /* ea:files */ {"version":"","glue":"evidence-article.js","wasm":"evidence-article_bg.wasm","css":"evidence-article.css","integrity":null} /* /ea:files */;

/** Resolves after the next frame has been painted (at once in a hidden page, which paints nothing). */
const afterPaint = () => new Promise((resolve) => {
  if (document.visibilityState !== 'visible') return resolve(undefined);
  requestAnimationFrame(() => {
    const ch = new MessageChannel();
    ch.port1.onmessage = () => resolve(undefined);
    ch.port2.postMessage(null);
  });
});

/** Checked preload of the glue: resolves true once it is in the module map. @param {string} href */
const preloadGlue = (href) => new Promise((resolve) => {
  const integrity = FILES.integrity?.glue;
  if (!integrity || !document.createElement('link').relList.supports('modulepreload')) return resolve(true);
  const link = document.createElement('link');
  link.rel = 'modulepreload';
  link.href = href;
  link.integrity = integrity;
  link.onload = () => resolve(true);
  link.onerror = () => resolve(false);
  document.head.append(link);
});

await afterPaint();
const wasm = fetch(new URL(FILES.wasm, document.baseURI), FILES.integrity ? { integrity: FILES.integrity.wasm } : {});
const glue = new URL(FILES.glue, document.baseURI).href;
if (!(await preloadGlue(glue))) {
  wasm.catch(() => {});
  throw new Error(`evidence-article: ${FILES.glue} failed its integrity check or did not load; the article stays as pre-rendered`);
}
const { default: init } = await import(glue);
await init({ module_or_path: wasm });
