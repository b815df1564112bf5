// After `trunk build`: Yew's generated JS glue imports one `innerHTML` setter (for its
// raw-HTML path, which this widget never uses). Rewrite it into a function that
// throws, so no HTML string can ever reach a sink (strict CSP + Trusted Types).
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

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
const src = fs.readFileSync(gluePath, 'utf8');
let patched = 0;
const out = src.replace(SINK, () => {
  patched += 1;
  return 'evidenceArticleNoHtml()';
});
if (patched !== EXPECTED_SINKS) fail(`expected ${EXPECTED_SINKS} innerHTML sink(s) in ${GLUE}, found ${patched}: check the glue by hand`);
const patchedSrc = 'function evidenceArticleNoHtml(){throw new Error("evidence-article: raw HTML is disabled")}\n' + out;
fs.writeFileSync(gluePath, patchedSrc);
// Keep Trunk's subresource-integrity hashes true to the patched file.
const hash = (t) => 'sha384-' + crypto.createHash('sha384').update(t).digest('base64');
const [before, afterPatch] = [hash(src), hash(patchedSrc)];
for (const h of fs.readdirSync(dist).filter((x) => x.endsWith('.html'))) {
  const hp = path.join(dist, h);
  const html = fs.readFileSync(hp, 'utf8');
  if (html.includes(before)) fs.writeFileSync(hp, html.split(before).join(afterPatch));
}
// No HTML sink may be left in any shipped script.
for (const f of fs.readdirSync(dist).filter((f) => f.endsWith('.js'))) {
  const m = fs.readFileSync(path.join(dist, f), 'utf8').match(ANY_SINK);
  if (m) fail(`${f} still has an HTML sink: ${m[0]}`);
}
console.log(`postbuild: ${patched} innerHTML sink(s) replaced by a throwing function`);

// Link previews (Open Graph) and the page title come from the article data, so a
// pasted link previews with the question as its title. Crawlers do not run wasm:
// these must be in the static HTML.
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
  `<meta property="og:site_name" content="${attr(article.publisher.name)}">`,
  `<meta property="article:modified_time" content="${attr(article['last-updated'])}">`,
].join('');
const indexPath = path.join(dist, 'index.html');
let index = fs.readFileSync(indexPath, 'utf8');
index = index.replace(/<title>[\s\S]*?<\/title>/, '')
  .replace(/<meta[^>]*(name="?description"?|property="?og:[a-z_]+"?)[^>]*>/g, '')
  .replace(/<meta charset="?utf-8"?>/i, (m) => m + head);
// The pre-rendered article (tools/prerender.rs) goes into the mount element, so it
// is readable before WebAssembly arrives; the app replaces it when it mounts.
const prerendered = process.argv[3] && fs.existsSync(process.argv[3]) ? fs.readFileSync(process.argv[3], 'utf8') : '';
if (prerendered && !/<script/i.test(prerendered)) {
  index = index.replace(/(<main[^>]*id="?evidence-article"?[^>]*>)/, `$1${prerendered}`);
}
fs.writeFileSync(indexPath, index);
console.log(`postbuild: page title and Open Graph tags from ${articlePath}; pre-rendered article: ${prerendered.length} bytes`);
