// Step of scripts/build.sh, before scripts/stamp.mjs: minifies the hand-written
// scripts a host page loads (embed.js, frame.js, iframe-host.js) in dist/ in place,
// with terser (npm devDependency). The readable sources with their JSDoc types stay in
// static/; what ships is the same code without comments and with short local names
// (embed.js: 5.2 -> 2.3 KiB brotli). postbuild.mjs minifies the wasm-bindgen glue with
// `minifyModule` too. embed.js's `/* ea:files */ … /* /ea:files */`
// block survives (stamp.mjs writes the hashes there; tests read it back): comments
// matching /ea:files/ are kept and `hoist_props` is off so the object stays whole.
//   node scripts/minify.mjs dist
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { minify } from 'terser';

const FILES = ['embed.js', 'frame.js', 'iframe-host.js'];
const MARKER = /\/\* ea:files \*\/[\s\S]*?\/\* \/ea:files \*\//;

/** Minified `src` (an ES module). @param {string} src */
export async function minifyModule(src) {
  const out = await minify(src, {
    module: true,
    ecma: 2020,
    compress: { passes: 2, hoist_props: false },
    mangle: true,
    format: { comments: /ea:files/ },
  });
  if (typeof out.code !== 'string') throw new Error('terser returned no code');
  return out.code;
}

const main = process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url);
const dist = process.argv[2] || 'dist';
for (const f of main ? FILES : []) {
  const file = path.join(dist, f);
  const src = fs.readFileSync(file, 'utf8');
  const code = await minifyModule(src);
  if (MARKER.test(src) && !MARKER.test(code)) {
    console.error(`minify: ${file} lost its /* ea:files */ block`);
    process.exit(1);
  }
  fs.writeFileSync(file, code);
  console.log(`minify: ${f} ${src.length} -> ${code.length} bytes`);
}
