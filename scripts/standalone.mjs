// Last step of scripts/build.sh for the standalone page (dist/index.html), after
// scripts/stamp.mjs, so that nothing stands between the HTML and the pre-rendered
// article's first paint (issue 11: first and largest paint on a slow network):
//  - The page's stylesheets (the widget's and page.css, as Trunk linked them) become
//    one inline <style>: no render-blocking request. The files stay in dist/ (the
//    embedded element and host pages link evidence-article.css).
//  - A strict Content-Security-Policy <meta> (the examples' policy) allows that one
//    <style> and the one inline boot script by their SHA-256: no 'unsafe-inline',
//    no style=.
//  - Trunk's boot is replaced by ours ([`bootScript`]), which fetches the wasm with its
//    SHA-384 (`fetch(url, {integrity})`) in place of the wasm's preload. Trunk's boot
//    passed a bare URL, and Chromium ignores `integrity` on an `as=fetch` preload, so a
//    changed wasm ran unchecked (the glue is checked by its modulepreload); and with
//    the preload kept, Firefox ESR and WebKitGTK downloaded the wasm twice (WebKitGTK
//    already did with Trunk's boot). The digest is the file's own and must equal
//    Trunk's on the preload.
// (Fetching the glue and wasm only after the first paint was measured and not kept:
// docs/size.md, "The standalone page's first paint".)
// The other pages (examples, frame.html, the embedded element's shadow root) are
// untouched. Usable as a module (tests check the page it writes).
//   node scripts/standalone.mjs dist
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { sri } from './stamp.mjs';
/** A CSP hash source of some text. @param {string} text */
export const cspHash = (text) => `'sha256-${crypto.createHash('sha256').update(text, 'utf8').digest('base64')}'`;

/** The standalone page's policy: the examples' strict CSP plus the inline style's and boot script's hashes. */
export const pageCsp = (styleHash, scriptHash) => `default-src 'none'; script-src 'self' 'wasm-unsafe-eval' ${scriptHash}; `
  + `connect-src 'self'; style-src 'self' ${styleHash}; img-src 'self' data:; object-src 'none'; base-uri 'none'; `
  + "require-trusted-types-for 'script'; trusted-types 'none'";

/**
 * The standalone page's boot (an inline `async` module, placed after the glue's
 * modulepreload): starts the checked fetch of the wasm at once, imports the glue (the
 * modulepreload's checked copy), waits for the document (the widget looks up its
 * mount) and starts the wasm; then what Trunk's boot did (`window.wasmBindings`, the
 * `TrunkApplicationStarted` event). @param {string} glue @param {string} wasm @param {string} integrity
 */
export const bootScript = (glue, wasm, integrity) => `const w=fetch(${JSON.stringify(wasm)},{integrity:${JSON.stringify(integrity)}});`
  + `const bindings=await import(${JSON.stringify(glue)});`
  + 'if(document.readyState==="loading")await new Promise(r=>addEventListener("DOMContentLoaded",r,{once:true}));'
  + 'const wasm=await bindings.default({module_or_path:w});'
  + 'window.wasmBindings=bindings;dispatchEvent(new CustomEvent("TrunkApplicationStarted",{detail:{wasm}}));';

const attr = (tag, name) => {
  const m = tag.match(new RegExp(`\\s${name}=(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`));
  return m ? (m[1] ?? m[2] ?? m[3]) : null;
};

/**
 * The page rewritten as described above. `read(name)` returns a file of dist/ (a
 * stylesheet the page links) as text, `readBytes(name)` as bytes (the wasm).
 * @param {string} html @param {(name: string) => string} read
 * @param {(name: string) => Buffer} [readBytes]
 * @returns {{ html: string, style: string, csp: string }}
 */
export function standalonePage(html, read, readBytes = (name) => Buffer.from(read(name), 'utf8')) {
  const fail = (msg) => { throw new Error(`standalone: ${msg}`); };
  if (/http-equiv=["']?content-security-policy/i.test(html)) fail('index.html already has a CSP <meta> (is it already rewritten?)');
  // Stylesheets, in document order, checked against Trunk's integrity.
  const links = html.match(/<link\b[^>]*\brel=["']?stylesheet["']?[^>]*>/gi) || [];
  if (links.length === 0) fail('no stylesheet link in index.html');
  const parts = links.map((tag) => {
    const href = attr(tag, 'href');
    if (!href || !/^\.\/[\w.-]+\.css$/.test(href)) fail(`unexpected stylesheet href in ${tag}`);
    const css = read(href.slice(2));
    const integrity = attr(tag, 'integrity');
    if (integrity && integrity !== sri(css)) fail(`${href} does not match its integrity in index.html`);
    if (/@import\b/i.test(css)) fail(`${href} has an @import`);
    if (/<\/style/i.test(css)) fail(`${href} contains "</style"`);
    return css.trim();
  });
  const style = parts.join('\n');
  // Trunk's boot: exactly one inline module script, its checked modulepreload of the glue and its preload of the wasm.
  const trunkBoot = html.match(/<script\b[^>]*>[\s\S]*?<\/script>/gi) || [];
  if (trunkBoot.length !== 1 || !/module_or_path/.test(trunkBoot[0])) fail(`expected Trunk's one boot script, found ${trunkBoot.length} script(s)`);
  const preloads = html.match(/<link\b[^>]*\brel=["']?(?:modulepreload|preload)["']?[^>]*>/gi) || [];
  const wasmPreload = preloads.find((p) => /\bas=["']?fetch\b/.test(p) && /_bg\.wasm\b/.test(p));
  if (preloads.length !== 2 || !wasmPreload || !preloads.some((p) => /modulepreload/.test(p) && attr(p, 'integrity'))) {
    fail(`expected Trunk's checked modulepreload of the glue and its preload of the wasm, found ${preloads.length} preload(s)`);
  }
  const wasmHref = attr(wasmPreload, 'href');
  const wasmSri = sri(readBytes(wasmHref.replace(/^\.\//, '')));
  const wasmIntegrity = attr(wasmPreload, 'integrity');
  if (wasmIntegrity && wasmIntegrity !== wasmSri) fail(`${wasmHref} does not match its integrity in index.html`);
  const gluePreload = preloads.find((p) => /modulepreload/.test(p));
  const glueHref = attr(gluePreload, 'href');
  // Trunk's boot must be the one we replace: it imports the preloaded glue and
  // passes the preloaded wasm's URL.
  const bare = /module_or_path:(?:`([^`]*)`|"([^"]*)"|'([^']*)')/;
  const given = trunkBoot[0].match(bare);
  if (!given || (given[1] ?? given[2] ?? given[3]) !== wasmHref) fail(`the boot script does not load the preloaded ${wasmHref}`);
  if (!trunkBoot[0].includes(`from"${glueHref}"`) && !trunkBoot[0].includes(`from "${glueHref}"`)) fail(`the boot script does not import the preloaded ${glueHref}`);
  const boot = bootScript(glueHref, wasmHref, wasmSri);
  // The boot goes after the glue's modulepreload (its import waits for that checked
  // fetch) and replaces the wasm's preload (its own fetch starts as early).
  let out = html.replace(trunkBoot[0], () => '').replace(wasmPreload, () => `<script type=module async>${boot}</script>`);
  out = out.replace(links[0], () => `<style>${style}</style>`);
  for (const l of links.slice(1)) out = out.replace(l, () => '');
  const csp = pageCsp(cspHash(style), cspHash(boot));
  const charset = /<meta charset=["']?utf-8["']?>/i;
  if (!charset.test(out)) fail('no <meta charset="utf-8"> in index.html');
  // First in <head> after the charset: it must come before the inline style and script.
  out = out.replace(charset, (m) => `${m}<meta http-equiv="Content-Security-Policy" content="${csp}">`);
  return { html: out, style, csp };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dist = process.argv[2] || 'dist';
  try {
    const indexPath = path.join(dist, 'index.html');
    const { html, style } = standalonePage(fs.readFileSync(indexPath, 'utf8'),
      (f) => fs.readFileSync(path.join(dist, f), 'utf8'), (f) => fs.readFileSync(path.join(dist, f)));
    fs.writeFileSync(indexPath, html);
    console.log(`standalone: index.html paints from an inline stylesheet (${style.length} bytes); CSP <meta> with its and the boot script's SHA-256; the boot checks the wasm's SHA-384`);
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  }
}
