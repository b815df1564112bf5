// After `trunk build`: first wasm-opt (below: Trunk runs none), then the wasm's imports and
// exports get short names, in the
// wasm and in the glue (scripts/shorten.mjs: −4.3 KB brotli); the glue is minified with
// terser at the end of this step (scripts/minify.mjs). Then: Yew's generated
// JS glue imports one `innerHTML` setter (for its
// raw-HTML path, which this widget never uses). Rewrite it into a function that
// throws, so no HTML string can ever reach a sink (strict CSP + Trusted Types).
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { shortenDir } from './shorten.mjs';
import { minifyModule } from './minify.mjs';

const dist = process.argv[2] || 'dist';
// Exactly this many sinks, all in the glue: a Yew or wasm-bindgen upgrade that adds,
// renames or removes one must be looked at, not shipped silently.
const GLUE = 'evidence-article.js';
const EXPECTED_SINKS = 1;
const SINK = /\b\w+\.innerHTML\s*=\s*getStringFromWasm0\([^)]*\)/g;
const ANY_SINK = /\.(?:inner|outer)HTML\s*=(?!=)|\binsertAdjacentHTML\b|\bdocument\.write\b/;
const fail = (msg) => { console.error(`postbuild: ${msg}`); process.exit(1); };
const gluePath = path.join(dist, GLUE);
if (!fs.existsSync(gluePath)) fail(`${gluePath} is missing`);
// wasm-opt runs here, not in Trunk (index.html has data-wasm-opt="0"): Trunk passes its
// params after -Oz, and sorting the functions by name *before* -Oz is what pays (the
// same code in another order: a generic's instances side by side for brotli; −1.6 KB
// brotli against −1.0 KB sorted after -Oz, docs/size.md session 12). -Oz with
// --low-memory-unused (session 7) and one-caller inlining bounded at 50 (session 11).
const WASM_OPT = ['--reorder-functions-by-name', '-Oz', '--low-memory-unused', '--one-caller-inline-max-function-size', '50'];
const wasmPath = path.join(dist, 'evidence-article_bg.wasm');
if (!fs.existsSync(wasmPath)) fail(`${wasmPath} is missing`);
const trunkWasm = fs.readFileSync(wasmPath);
const wasmOpt = fileURLToPath(new URL('../node_modules/.bin/wasm-opt', import.meta.url));
try {
  execFileSync(wasmOpt, [...WASM_OPT, wasmPath, '-o', wasmPath], { stdio: ['ignore', 'inherit', 'inherit'] });
} catch (e) { fail(`wasm-opt failed: ${e instanceof Error ? e.message : String(e)}`); }
// Short names for what the wasm and the glue share (scripts/shorten.mjs), then.
let short;
try { short = shortenDir(dist); } catch (e) { fail(e instanceof Error ? e.message : String(e)); }
const src = fs.readFileSync(gluePath, 'utf8');
let patched = 0;
const out = src.replace(SINK, () => {
  patched += 1;
  return 'evidenceArticleNoHtml()';
});
if (patched !== EXPECTED_SINKS) fail(`expected ${EXPECTED_SINKS} innerHTML sink(s) in ${GLUE}, found ${patched}: check the glue by hand`);
// Trunk's minifier leaves ~0.5 KB brotli that terser takes (it inlines the stand-in).
const patchedSrc = await minifyModule('function evidenceArticleNoHtml(){throw new Error("evidence-article: raw HTML is disabled")}\n' + out);
fs.writeFileSync(gluePath, patchedSrc);
// Keep Trunk's subresource-integrity hashes true to the patched file.
const hash = (t) => 'sha384-' + crypto.createHash('sha384').update(t).digest('base64');
const rehash = [[hash(short.before.glue), hash(patchedSrc)], [hash(trunkWasm), hash(short.after.wasm)]];
for (const h of fs.readdirSync(dist).filter((x) => x.endsWith('.html'))) {
  const hp = path.join(dist, h);
  const html = fs.readFileSync(hp, 'utf8');
  const out = rehash.reduce((t, [before, after]) => t.split(before).join(after), html);
  if (out !== html) fs.writeFileSync(hp, out);
}
// No HTML sink may be left in any shipped script.
for (const f of fs.readdirSync(dist).filter((f) => f.endsWith('.js'))) {
  const m = fs.readFileSync(path.join(dist, f), 'utf8').match(ANY_SINK);
  if (m) fail(`${f} still has an HTML sink: ${m[0]}`);
}
console.log(`postbuild: ${short.imports} imports and ${short.exports} exports of the wasm renamed short; ${patched} innerHTML sink(s) replaced by a throwing function`);

// Link previews (Open Graph) and the page title come from the article data, so a
// pasted link previews with the question as its title. Crawlers do not run wasm:
// these must be in the static HTML. No og:site_name: the page is served by whoever
// hosts it, not by the article's publisher (whose name is the byline, not our brand).
const articlePath = 'static/articles/azathioprine-ild-uip.json';
const article = JSON.parse(fs.readFileSync(articlePath, 'utf8'));
const prof = (t) => (typeof t === 'string' ? t : (t && t.professional) || '');
const plain = (s) => s.replace(/\[@[^\]]*\]/g, '').replace(/\*\*?([^*]+)\*\*?/g, '$1')
  .replace(/\[([^\]]+)\]\((?:[^()]|\([^()]*\))*\)/g, '$1').replace(/\{publisher\}/g, article.publisher.name).replace(/\s+/g, ' ').replace(/ \./g, '.').trim();
const attr = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;').replace(/</g, '&lt;');
const question = plain(prof(article.question));
const firstBlock = article.sections[0].blocks.find((b) => b.type === 'paragraph');
const description = plain(prof(firstBlock.text)).split(/(?<=\.)\s/)[0];
const head = [
  `<title>${attr(question)}</title>`,
  `<meta name="description" content="${attr(description)}">`,
  `<link rel="canonical" href="./">`,
  `<meta property="og:type" content="article">`,
  `<meta property="og:title" content="${attr(question)}">`,
  `<meta property="og:description" content="${attr(description)}">`,
  `<meta property="article:modified_time" content="${attr(article['last-updated'])}">`,
].join('');
const indexPath = path.join(dist, 'index.html');
let index = fs.readFileSync(indexPath, 'utf8');
index = index.replace(/<title>[\s\S]*?<\/title>/, '')
  .replace(/<meta[^>]*(name="?description"?|property="?og:[a-z_]+"?)[^>]*>/g, '')
  .replace(/<meta charset="?utf-8"?>/i, (m) => m + head);
// The pre-rendered article (the CLI's `render --bare`, default view: physician) goes
// into the mount element, marked with the audience it was rendered for, so it is
// readable before WebAssembly arrives and the app hydrates it (keeps these nodes).
const readArg = (i) => (process.argv[i] && fs.existsSync(process.argv[i]) ? fs.readFileSync(process.argv[i], 'utf8') : '');
const prerendered = readArg(3);
if (prerendered) {
  if (/<script/i.test(prerendered)) fail('the pre-rendered article contains a script element');
  const mountTag = /<main([^>]*id="?evidence-article"?[^>]*)>/;
  if (!mountTag.test(index)) fail('no <main id="evidence-article"> in index.html');
  index = index.replace(mountTag, (_m, attrs) => `<main${attrs} data-ea-prerendered="physician">${prerendered}`)
    // The article is readable without JavaScript now; only the interactive parts need it.
    .replace(/<noscript>[^<]*<\/noscript>/, '<noscript><p class="ea-noscript">Switching the wording for patients, citation previews and share links need JavaScript and WebAssembly.</p></noscript>');
}
fs.writeFileSync(indexPath, index);
console.log(`postbuild: page title and Open Graph tags from ${articlePath}; pre-rendered article: ${prerendered.length} bytes`);

// Pre-rendered <evidence-article> elements (the CLI's `render`: declarative shadow
// DOM + inline JSON) replace the <!-- ea:prerender --> placeholder in the examples.
const element = readArg(4);
if (element) {
  const examples = path.join(dist, 'examples');
  let placed = 0;
  for (const f of fs.readdirSync(examples).filter((x) => x.endsWith('.html'))) {
    const p = path.join(examples, f);
    const html = fs.readFileSync(p, 'utf8');
    const out = html.split('<!-- ea:prerender -->').join(element);
    if (out !== html) { fs.writeFileSync(p, out); placed += html.split('<!-- ea:prerender -->').length - 1; }
  }
  if (placed === 0) fail('no <!-- ea:prerender --> placeholder in dist/examples');
  console.log(`postbuild: pre-rendered <evidence-article> markup (${element.length} bytes) placed ${placed} time(s) in the examples`);
}
