// Last step of scripts/build.sh for the standalone page (dist/index.html), after
// scripts/stamp.mjs, so that nothing stands between the HTML and the pre-rendered
// article's first paint (issue 11: first and largest paint on a slow network):
//  - The page's stylesheets (the widget's and page.css, as Trunk linked them) become
//    one inline <style>: no render-blocking request. The files stay in dist/ (the
//    embedded element and host pages link evidence-article.css).
//  - A strict Content-Security-Policy <meta> (the examples' policy) allows that one
//    <style> and Trunk's one inline boot script by their SHA-256: no 'unsafe-inline',
//    no style=. Trunk's boot and its preloads of the glue and the wasm stay as they are.
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

const attr = (tag, name) => {
  const m = tag.match(new RegExp(`\\s${name}=(?:"([^"]*)"|'([^']*)'|([^\\s>]+))`));
  return m ? (m[1] ?? m[2] ?? m[3]) : null;
};

/**
 * The page rewritten as described above. `read(name)` returns a file of dist/ (a
 * stylesheet the page links).
 * @param {string} html @param {(name: string) => string} read
 * @returns {{ html: string, style: string, csp: string }}
 */
export function standalonePage(html, read) {
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
  const boot = trunkBoot[0].replace(/^<script\b[^>]*>/i, '').replace(/<\/script>$/i, '');
  let out = html.replace(links[0], () => `<style>${style}</style>`);
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
    const { html, style } = standalonePage(fs.readFileSync(indexPath, 'utf8'), (f) => fs.readFileSync(path.join(dist, f), 'utf8'));
    fs.writeFileSync(indexPath, html);
    console.log(`standalone: index.html paints from an inline stylesheet (${style.length} bytes); CSP <meta> with its and Trunk's boot script's SHA-256`);
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  }
}
