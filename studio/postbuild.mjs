// After the studio's wasm-bindgen step: Yew's glue imports one `innerHTML` setter (its
// raw-HTML path, which the studio never uses). Replace it by a function that throws,
// as scripts/postbuild.mjs does for the widget, and check no HTML sink is left.
import fs from 'node:fs';
import path from 'node:path';

const out = process.argv[2] || 'dist/studio';
const glue = path.join(out, 'studio.js');
const SINK = /\b\w+\.innerHTML\s*=\s*getStringFromWasm0\([^)]*\)/g;
const ANY_SINK = /\.(?:inner|outer)HTML\s*=(?!=)|\binsertAdjacentHTML\b|\bdocument\.write\b/;
const src = fs.readFileSync(glue, 'utf8');
let patched = 0;
const body = src.replace(SINK, () => { patched += 1; return 'evidenceStudioNoHtml()'; });
if (patched !== 1) { console.error(`studio postbuild: expected 1 innerHTML sink in ${glue}, found ${patched}`); process.exit(1); }
fs.writeFileSync(glue, 'function evidenceStudioNoHtml(){throw new Error("evidence-studio: raw HTML is disabled")}\n' + body);
for (const f of fs.readdirSync(out).filter((x) => x.endsWith('.js'))) {
  const m = fs.readFileSync(path.join(out, f), 'utf8').match(ANY_SINK);
  if (m) { console.error(`studio postbuild: ${f} still has an HTML sink: ${m[0]}`); process.exit(1); }
}
console.log(`studio postbuild: ${patched} innerHTML sink replaced; ${out} ready`);
