// Boot of the standalone page (index.html), written inline into the page by
// scripts/standalone.mjs (the page's Content-Security-Policy allows it by its SHA-256,
// with no 'unsafe-inline'). It replaces Trunk's boot script; Trunk's preloads stay, so
// the glue and the wasm download from the start, while the page parses and paints.
// Both are checked against the SHA-384 that stamp.mjs writes below, as embed.js checks
// them: the wasm by fetch(…, { integrity }) (Chromium ignores `integrity` on a fetch
// preload, and Trunk's boot fetched it unchecked), the glue by a <link rel=modulepreload
// integrity> (answered from the module map when Trunk's checked preload already has
// it) before it is imported, never imported when that check failed.
// (Fetching them only after the first paint was measured and not kept: docs/size.md,
// "The standalone page's first paint".)
/**
 * @type {{ version: string, glue: string, wasm: string, css: string,
 *   integrity: { glue: string, wasm: string, css: string } | null }}
 */
const FILES = /* ea:files */ {"version":"","glue":"evidence-article.js","wasm":"evidence-article_bg.wasm","css":"evidence-article.css","integrity":null} /* /ea:files */;

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

const wasm = fetch(new URL(FILES.wasm, document.baseURI), FILES.integrity ? { integrity: FILES.integrity.wasm } : {});
const glue = new URL(FILES.glue, document.baseURI).href;
if (!(await preloadGlue(glue))) {
  wasm.catch(() => {});
  throw new Error(`evidence-article: ${FILES.glue} failed its integrity check or did not load; the article stays as pre-rendered`);
}
const { default: init } = await import(glue);
await init({ module_or_path: wasm });
