// Shortens the names the wasm and its JS glue share (issue 11 §4). wasm-bindgen names
// every import `__wbg_<method>_<16 hex digits>` under the module
// "./evidence-article_bg.js", and its closure shims `…invoke__h<16 hex digits>`: the
// hex digits are ~8 incompressible bytes per name, paid twice (the wasm's import
// section and the glue's import object). This gives each import and each export but
// `memory` a short name, in the wasm's import and export sections (every other byte
// of the module is kept) and in the glue, and fails on anything it does not expect.
//   node scripts/shorten.mjs DIR   (DIR holds evidence-article.js and evidence-article_bg.wasm)
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const MODULE = './evidence-article_bg.js';
/** Exports the glue's callers may reach through `__wbg_init`'s result. */
const KEEP = new Set(['memory']);

/** The n-th short name: a, b, …, z, A, …, Z, aa, ab, … (never a JS keyword: at most 2 letters are `do`, `if`, `in`: skipped). */
export function shortName(n) {
  const abc = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  for (let i = 0, k = 0; ; i++) {
    let s = '';
    let x = i;
    do { s = abc[x % abc.length] + s; x = Math.floor(x / abc.length) - 1; } while (x >= 0);
    if (['do', 'if', 'in'].includes(s)) continue;
    if (k++ === n) return s;
  }
}

/** Unsigned LEB128 reader over `buf` from `pos`: [value, next position]. */
function uleb(buf, pos) {
  let v = 0;
  let shift = 0;
  for (;;) {
    const b = buf[pos++];
    v += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (!(b & 0x80)) return [v, pos];
  }
}

/** Unsigned LEB128 encoding of `v`. */
function enc(v) {
  const out = [];
  do {
    let b = v % 128;
    v = Math.floor(v / 128);
    if (v) b |= 0x80;
    out.push(b);
  } while (v);
  return Buffer.from(out);
}

const str = (s) => { const b = Buffer.from(s, 'utf8'); return Buffer.concat([enc(b.length), b]); };

/**
 * Rewrites the import section of `wasm` (every import gets a short name, module "a")
 * and its export section (each export `used` but `memory` gets a short name): returns
 * the new module and the names changed ({ imports, exports } of [old, new]).
 */
export function renameWasm(wasm, fail, used) {
  if (wasm.readUInt32LE(0) !== 0x6d736100 || wasm.readUInt32LE(4) !== 1) fail('not a wasm module (version 1)');
  const parts = [wasm.subarray(0, 8)];
  const imports = [];
  const exports = [];
  let pos = 8;
  while (pos < wasm.length) {
    const id = wasm[pos];
    const [size, start] = uleb(wasm, pos + 1);
    const end = start + size;
    const body = wasm.subarray(start, end);
    if (id === 2) parts.push(Buffer.from([2]), ...withSize(importSection(body, imports, fail)));
    else if (id === 7) parts.push(Buffer.from([7]), ...withSize(exportSection(body, exports, fail, used)));
    else parts.push(wasm.subarray(pos, end));
    pos = end;
  }
  if (pos !== wasm.length) fail('a section runs past the end of the module');
  return { wasm: Buffer.concat(parts), imports, exports };
}

const withSize = (b) => [enc(b.length), b];

function name(body, pos) {
  const [len, p] = uleb(body, pos);
  return [body.subarray(p, p + len).toString('utf8'), p + len];
}

/** Copies a limits record (flags bit 0: a maximum follows). */
function limits(body, pos) {
  const flags = body[pos++];
  let [, p] = uleb(body, pos);
  if (flags & 1) [, p] = uleb(body, p);
  return p;
}

function importSection(body, renamed, fail) {
  let [count, pos] = uleb(body, 0);
  const out = [enc(count)];
  for (let i = 0; i < count; i++) {
    const [module, p1] = name(body, pos);
    const [field, p2] = name(body, p1);
    const kind = body[p2];
    let p = p2 + 1;
    if (kind === 0) [, p] = uleb(body, p);
    else if (kind === 1) { if (body[p] !== 0x70 && body[p] !== 0x6f) fail('an imported table of an unknown type'); p = limits(body, p + 1); }
    else if (kind === 2) p = limits(body, p);
    else if (kind === 3) p += 2;
    else fail(`an import of unknown kind ${kind}`);
    if (module !== MODULE) fail(`an import from "${module}", not "${MODULE}"`);
    const short = shortName(renamed.length);
    renamed.push([field, short]);
    out.push(str('a'), str(short), body.subarray(p2, p));
    pos = p;
  }
  if (pos !== body.length) fail('the import section has trailing bytes');
  return Buffer.concat(out);
}

function exportSection(body, renamed, fail, used) {
  let [count, pos] = uleb(body, 0);
  const out = [enc(count)];
  for (let i = 0; i < count; i++) {
    const [field, p1] = name(body, pos);
    const kind = body[p1];
    if (kind > 3) fail(`an export of unknown kind ${kind}`);
    const [, p2] = uleb(body, p1 + 1);
    const short = KEEP.has(field) || !used(field) ? field : `_${shortName(renamed.length)}`;
    if (short !== field) renamed.push([field, short]);
    out.push(str(short), body.subarray(p1, p2));
    pos = p2;
  }
  if (pos !== body.length) fail('the export section has trailing bytes');
  return Buffer.concat(out);
}

const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The glue with the same names changed; every name must be where wasm-bindgen writes it. */
export function renameGlue(js, { imports, exports }, fail) {
  const count = (re) => (js.match(re) || []).length;
  const moduleKey = new RegExp(`(["'])${escape(MODULE)}\\1\\s*:`, 'g');
  if (count(moduleKey) !== 1) fail(`the glue names "${MODULE}" ${count(moduleKey)} times as a key, not once`);
  js = js.replace(moduleKey, 'a:');
  for (const [old, short] of imports) {
    // The import object's key: `name: function` (or `name(`, a method), exactly once.
    const re = new RegExp(`(?<![\\w$.])${escape(old)}(?=\\s*[:(])`, 'g');
    const n = count(re);
    if (n !== 1) fail(`import ${old}: ${n} keys in the glue, not 1`);
    if (count(new RegExp(`(?<![\\w$])${escape(old)}(?![\\w$])`, 'g')) !== 1) fail(`import ${old} is named outside the import object`);
    js = js.replace(re, short);
  }
  for (const [old, short] of exports) {
    // The glue reaches exports as properties of the instance's exports, `wasm.name`
    // (a JS export of the same name, e.g. `mountWidget`, keeps its name).
    const re = new RegExp(`(?<=(?<![\\w$.])wasm\\.)${escape(old)}(?![\\w$])`, 'g');
    if (count(re) === 0) fail(`export ${old}: the glue never uses \`wasm.${old}\``);
    js = js.replace(re, short);
  }
  return js;
}

/** Shortens the names in DIR/evidence-article_bg.wasm and DIR/evidence-article.js in place. */
export function shortenDir(dir, base = 'evidence-article') {
  const fail = (msg) => { throw new Error(`shorten: ${msg}`); };
  const wasmPath = path.join(dir, `${base}_bg.wasm`);
  const gluePath = path.join(dir, `${base}.js`);
  const before = { wasm: fs.readFileSync(wasmPath), glue: fs.readFileSync(gluePath, 'utf8') };
  // An export the glue never names (e.g. the binary's `main`) keeps its name.
  const used = (field) => new RegExp(`(?<![\\w$.])wasm\\.${escape(field)}(?![\\w$])`).test(before.glue);
  const r = renameWasm(before.wasm, fail, used);
  const glue = renameGlue(before.glue, r, fail);
  fs.writeFileSync(wasmPath, r.wasm);
  fs.writeFileSync(gluePath, glue);
  return { before, after: { wasm: r.wasm, glue }, imports: r.imports.length, exports: r.exports.length };
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const r = shortenDir(process.argv[2] || 'dist');
    console.log(`shorten: ${r.imports} imports and ${r.exports} exports renamed; wasm ${r.before.wasm.length} → ${r.after.wasm.length} B, glue ${r.before.glue.length} → ${r.after.glue.length} B`);
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  }
}
