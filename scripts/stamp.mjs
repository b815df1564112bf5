// Last step of scripts/build.sh: gives everything embed.js loads an immutable,
// content-hashed name and writes those names and their SHA-384 integrity into
// embed.js, so a host may cache them for a year and the loader refuses a changed or
// mixed-version file instead of running it. embed.js keeps its stable name (one per
// release version); so do evidence-article.css (for hosts that link it themselves and
// for pre-rendered markup) and the page and iframe files.
//   dist/evidence-article.js       -> dist/evidence-article-<hash>.js       (moved)
//   dist/evidence-article_bg.wasm  -> dist/evidence-article-<hash>_bg.wasm  (moved)
//   dist/evidence-article.css      -> dist/evidence-article-<hash>.css      (copied)
// The standalone index.html is rewritten to the new names (relative URLs, so a release
// also works under a sub-path). Usable as a module (tests re-stamp a loader).
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { fileURLToPath } from 'node:url';

/** Subresource-integrity value of some bytes. @param {Buffer | string} bytes */
export const sri = (bytes) => 'sha384-' + crypto.createHash('sha384').update(bytes).digest('base64');
/** The content hash put into a file name (16 hex digits of SHA-384). @param {Buffer | string} bytes */
export const nameHash = (bytes) => crypto.createHash('sha384').update(bytes).digest('hex').slice(0, 16);

const MARKER = /\/\* ea:files \*\/[\s\S]*?\/\* \/ea:files \*\//;

/**
 * embed.js with `files` (version, glue, wasm, css, integrity) written between its
 * `/* ea:files *\/` markers. Throws if the markers are missing.
 * @param {string} src
 * @param {{ version: string, glue: string, wasm: string, css: string, integrity: { glue: string, wasm: string, css: string } | null }} files
 */
export function stampLoader(src, files) {
  if (!MARKER.test(src)) throw new Error('embed.js has no /* ea:files */ … /* /ea:files */ block to stamp');
  return src.replace(MARKER, () => `/* ea:files */ ${JSON.stringify(files)} /* /ea:files */`);
}

/** The files block currently written in a (stamped) embed.js. @param {string} src */
export function readStamp(src) {
  const m = src.match(MARKER);
  if (!m) throw new Error('embed.js has no /* ea:files */ block');
  return JSON.parse(m[0].slice('/* ea:files */'.length, -'/* /ea:files */'.length));
}

/** The version in Cargo.toml's [package]. @param {string} root */
export function crateVersion(root) {
  const toml = fs.readFileSync(path.join(root, 'Cargo.toml'), 'utf8');
  const m = toml.match(/^\[package\][^[]*?^version\s*=\s*"([^"]+)"/m);
  if (!m) throw new Error('no [package] version in Cargo.toml');
  return m[1];
}

/** Hashes and stamps a freshly built dist/ in place; returns the names chosen. @param {string} dist @param {string} version */
export function stampDist(dist, version) {
  const fail = (msg) => { throw new Error(`stamp: ${msg}`); };
  const read = (f) => fs.readFileSync(path.join(dist, f));
  for (const f of ['evidence-article.js', 'evidence-article_bg.wasm', 'evidence-article.css', 'embed.js', 'index.html']) {
    if (!fs.existsSync(path.join(dist, f))) fail(`${path.join(dist, f)} is missing (is dist/ already stamped? run scripts/build.sh)`);
  }
  const glue = read('evidence-article.js');
  const wasm = read('evidence-article_bg.wasm');
  const css = read('evidence-article.css');
  // The glue imports nothing (wasm-bindgen --target web without snippets): its one
  // integrity check then covers all the script the widget runs besides embed.js.
  if (/^\s*import\s|\bimport\s*\(/m.test(glue.toString('utf8'))) fail('the glue imports another module: that one would need an integrity check too');
  const names = {
    glue: `evidence-article-${nameHash(glue)}.js`,
    wasm: `evidence-article-${nameHash(wasm)}_bg.wasm`,
    css: `evidence-article-${nameHash(css)}.css`,
  };
  fs.renameSync(path.join(dist, 'evidence-article.js'), path.join(dist, names.glue));
  fs.renameSync(path.join(dist, 'evidence-article_bg.wasm'), path.join(dist, names.wasm));
  fs.copyFileSync(path.join(dist, 'evidence-article.css'), path.join(dist, names.css));
  const files = { version, ...names, integrity: { glue: sri(glue), wasm: sri(wasm), css: sri(css) } };
  fs.writeFileSync(path.join(dist, 'embed.js'), stampLoader(read('embed.js').toString('utf8'), files));

  // The standalone page: Trunk writes root-absolute URLs (`/evidence-article.js`).
  // Point them at the hashed names, relative, so the page works under any sub-path.
  const renamed = { 'evidence-article.js': names.glue, 'evidence-article_bg.wasm': names.wasm, 'evidence-article.css': names.css };
  const top = new Set(fs.readdirSync(dist));
  let index = read('index.html').toString('utf8');
  let rewritten = 0;
  index = index.replace(/(href=|from|module_or_path:)(["'`]?)\/([\w.-]+)(?=["'`\s>])/g, (m, pre, q, file) => {
    if (!top.has(file) && !renamed[file]) return m;
    rewritten += 1;
    return `${pre}${q}./${renamed[file] || file}`;
  });
  if (/["'`=]\/evidence-article(?:\.js|_bg\.wasm)\b/.test(index)) fail('index.html still names the unhashed glue or wasm');
  if (rewritten < 4) fail(`index.html: only ${rewritten} of Trunk's URLs rewritten; has Trunk's output changed?`);
  fs.writeFileSync(path.join(dist, 'index.html'), index);
  return files;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dist = process.argv[2] || 'dist';
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  try {
    const files = stampDist(dist, crateVersion(root));
    console.log(`stamp: ${files.glue}, ${files.wasm}, ${files.css}; embed.js ${files.version} carries their SHA-384`);
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  }
}
