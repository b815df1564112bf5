// The post-build steps of the widget's release (scripts/postbuild.mjs) on a floor app's
// Trunk output (scripts/perf/floor.sh): wasm-opt with postbuild.mjs's own flags (read
// from that file, so they cannot drift), short import/export names (scripts/shorten.mjs),
// Yew's innerHTML setter replaced by a throwing stand-in where the glue has one, terser
// over the glue (scripts/minify.mjs); then prints wasm + JS brotli 11 as
// scripts/bench.mjs counts them (and redoes index.html's integrity hashes, so the
// app runs). Prints figures, asserts nothing.
//   node scripts/perf/floor.mjs DIST LABEL
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { fileURLToPath } from 'node:url';
import { execFileSync } from 'node:child_process';
import { shortenDir } from '../shorten.mjs';
import { minifyModule } from '../minify.mjs';
import { sri as sriOf } from '../stamp.mjs';

const [dist, label = dist] = process.argv.slice(2);
const root = fileURLToPath(new URL('../..', import.meta.url));
const post = fs.readFileSync(path.join(root, 'scripts/postbuild.mjs'), 'utf8');
const flags = post.match(/const WASM_OPT = \[([^\]]*)\]/);
if (!flags) throw new Error('floor: no WASM_OPT in scripts/postbuild.mjs');
const WASM_OPT = [...flags[1].matchAll(/'([^']*)'/g)].map((m) => m[1]);
const wasmPath = path.join(dist, 'evidence-article_bg.wasm');
const gluePath = path.join(dist, 'evidence-article.js');
const sri = (f) => sriOf(fs.readFileSync(f));
const trunkHashes = [sri(wasmPath), sri(gluePath)];
execFileSync(path.join(root, 'node_modules/.bin/wasm-opt'), [...WASM_OPT, wasmPath, '-o', wasmPath], { stdio: 'inherit' });
shortenDir(dist);
const glue = fs.readFileSync(gluePath, 'utf8');
const SINK = /\b\w+\.innerHTML\s*=\s*getStringFromWasm0\([^)]*\)/g;
const stand = SINK.test(glue) ? 'function evidenceArticleNoHtml(){throw new Error("evidence-article: raw HTML is disabled")}\n' : '';
fs.writeFileSync(gluePath, await minifyModule(stand + glue.replace(SINK, 'evidenceArticleNoHtml()')));
// Trunk's integrity hashes in index.html redone for the final files, so the app runs.
const indexPath = path.join(dist, 'index.html');
const finalHashes = [sri(wasmPath), sri(gluePath)];
let page = trunkHashes.reduce((t, h, i) => t.split(h).join(finalHashes[i]), fs.readFileSync(indexPath, 'utf8'));
// The app's pre-render, if it has one (prerender.html beside its index.html), into the
// mount element after Trunk (whose minifier drops comments, Yew's hydration markers).
const pre = path.join(dist, '..', 'prerender.html');
if (fs.existsSync(pre)) page = page.replace(/<main id="?app"?><\/main>/, `<main id="app">${fs.readFileSync(pre, 'utf8').trim()}</main>`);
fs.writeFileSync(indexPath, page);
const br = (f) => zlib.brotliCompressSync(fs.readFileSync(f), { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
const w = br(wasmPath);
const j = br(gluePath);
console.log(`${label}: wasm ${w} B + JS ${j} B = ${w + j} B brotli 11 (raw wasm ${fs.statSync(wasmPath).size} B; wasm-opt ${WASM_OPT.join(' ')})`);
