// Resource hints a host page could put in its <head> so that what embed.js loads is
// requested with the page instead of one round trip later (after embed.js arrived),
// written from a stamped embed.js's files block (scripts/stamp.mjs). scripts/perf/
// chain.mjs measures pages with them; none is in the snippet we give hosts (docs/size.md,
// session 12: a preload of the wasm is downloaded twice by Firefox and WebKit).

/** `"` and `&` escaped for a double-quoted attribute. @param {string} s */
const attr = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/**
 * The hint tags for a release whose files are `stamp` (readStamp of its embed.js),
 * served under `base` (ending in `/`). `which` picks some: `glue` (the first
 * widget's copy of the glue, as embed.js imports it, checked), `wasm` (a checked
 * fetch preload), `css` (the hashed stylesheet embed.js links into an empty element),
 * `css-stable` (evidence-article.css, as pre-rendered markup links it).
 * @param {{ glue: string, wasm: string, css: string, integrity: { glue: string, wasm: string, css: string } }} stamp
 * @param {string} base
 * @param {string[]} [which]
 */
export function hintTags(stamp, base, which = ['glue', 'wasm']) {
  const tags = {
    glue: `<link rel="modulepreload" href="${attr(base + stamp.glue)}?ea-instance=0" integrity="${stamp.integrity.glue}">`,
    wasm: `<link rel="preload" as="fetch" crossorigin="anonymous" href="${attr(base + stamp.wasm)}" integrity="${stamp.integrity.wasm}">`,
    css: `<link rel="preload" as="style" crossorigin="anonymous" href="${attr(base + stamp.css)}" integrity="${stamp.integrity.css}">`,
    'css-stable': `<link rel="preload" as="style" href="${attr(base)}evidence-article.css">`,
  };
  return which.map((w) => {
    if (!tags[w]) throw new Error(`no hint named ${w}`);
    return tags[w];
  });
}
