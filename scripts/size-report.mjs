// Writes docs/size.md: what each crate and each of our modules costs in the release
// wasm, from twiggy (`cargo install twiggy --locked`) on the wasm cargo builds before
// wasm-bindgen and wasm-opt (function names kept). Shallow sizes, raw bytes before
// wasm-opt: use them to compare parts, not as shipped bytes (the size guard in
// scripts/bench.mjs counts shipped brotli bytes). Run: node scripts/size-report.mjs
import fs from 'node:fs';
import { execFileSync } from 'node:child_process';

const wasm = 'target/wasm32-unknown-unknown/release/evidence-article.wasm';
if (!fs.existsSync(wasm)) { console.error(`${wasm} is missing: run ./scripts/build.sh first`); process.exit(2); }
const csv = execFileSync('twiggy', ['top', '-n', '1000000', '-f', 'csv', wasm], { encoding: 'utf8', maxBuffer: 1 << 28 });

/** Minimal CSV row parser (quoted fields with doubled quotes). */
function parseRow(line) {
  const out = []; let cur = ''; let q = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (q) { if (c === '"' && line[i + 1] === '"') { cur += '"'; i++; } else if (c === '"') q = false; else cur += c; }
    else if (c === '"') q = true; else if (c === ',') { out.push(cur); cur = ''; } else cur += c;
  }
  out.push(cur);
  return out;
}
const rows = csv.trim().split('\n').slice(1).map(parseRow).map(([name, size]) => ({ name: name.replace(/\[[0-9a-f]{16}\]/g, ''), size: Number(size) }));
const glue = (n) => n.startsWith('custom section') || n.includes('function names') || n.includes('__wbindgen_describe') || n.startsWith('import ') || n.startsWith('export ');
const code = rows.filter((r) => !glue(r.name));
const crateOf = (n) => (n.startsWith('data segment') ? 'data (.rodata: strings, the embedded article)' : (n.match(/([A-Za-z_][A-Za-z0-9_]*)::/) || [, 'other'])[1]);
const moduleOf = (n) => { const m = n.match(/evidence_article::((?:[a-z_]+::)*?[a-z_]+)::(?:[A-Z_]|_::|[a-z_]+::h[0-9a-f]{16}|[a-z_]+$)/); return m ? m[1].replace(/::_$/, '') : null; };
const sum = (map, k, v) => map.set(k, (map.get(k) || 0) + v);
const crates = new Map(); const mods = new Map();
for (const r of code) {
  sum(crates, crateOf(r.name), r.size);
  if (r.name.includes('evidence_article::')) sum(mods, moduleOf(r.name) || '(generic instantiations)', r.size);
}
const total = code.reduce((a, r) => a + r.size, 0);
const kib = (n) => (n / 1024).toFixed(1);
const table = (map, limit) => [...map].sort((a, b) => b[1] - a[1]).slice(0, limit)
  .map(([k, v]) => `| ${k} | ${kib(v)} | ${(100 * v / total).toFixed(1)} % |`).join('\n');
const biggest = code.slice().sort((a, b) => b.size - a.size).filter((r) => !r.name.startsWith('data segment')).slice(0, 15)
  .map((r) => `| \`${r.name.replace(/::h[0-9a-f]{16}$/, '').replace(/\|/g, '\\|').slice(0, 110)}\` | ${kib(r.size)} |`).join('\n');
const md = `# What the wasm is made of

Written by \`node scripts/size-report.mjs\` (twiggy on \`${wasm}\`, the release build
before wasm-bindgen and wasm-opt, so names are kept). Shallow sizes in KiB of code and
data, ${kib(total)} KiB in all (wasm-bindgen's descriptor sections, which wasm-bindgen
strips, are left out). Shipped sizes (after wasm-opt -Oz, brotli) are printed by
\`scripts/bench.mjs\` in every test run and guarded by \`bench/size-budget.json\`.

## By crate

| crate | KiB | share |
|---|---|---|
${table(crates, 25)}

## Our crate, by module

| module | KiB | share of all |
|---|---|---|
${table(mods, 30)}

## Largest functions

| function | KiB |
|---|---|
${biggest}
`;
// Everything from the hand-written marker on (what was cut and what it saved) is
// kept as it is: the tables above it are this script's, the notes below it are not.
const marker = '<!-- hand-written below: kept by scripts/size-report.mjs -->';
const previous = fs.existsSync('docs/size.md') ? fs.readFileSync('docs/size.md', 'utf8') : '';
const kept = previous.includes(marker) ? previous.slice(previous.indexOf(marker)) : `${marker}\n`;
fs.mkdirSync('docs', { recursive: true });
fs.writeFileSync('docs/size.md', `${md}\n${kept}`);
console.log(`docs/size.md written: ${kib(total)} KiB of code and data in ${code.length} items`);
