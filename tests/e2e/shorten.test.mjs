// scripts/shorten.mjs (run by postbuild.mjs): the shipped wasm's imports and exports
// have short names, every one of them is where the glue looks for it, and the rename
// fails rather than ship a glue and a module that no longer match (no browser needed;
// the other end-to-end tests run the renamed pair).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DIST, tinyWasm } from './helpers.mjs';
import { shortenDir, shortName } from '../../scripts/shorten.mjs';

const shipped = (re) => fs.readdirSync(DIST).find((f) => re.test(f));

test('the shipped wasm imports from module "a" under short names, each a key of the glue, and the glue names no long import', async () => {
  const wasm = fs.readFileSync(path.join(DIST, shipped(/^evidence-article-[0-9a-f]{16}_bg\.wasm$/)));
  const glue = fs.readFileSync(path.join(DIST, shipped(/^evidence-article-[0-9a-f]{16}\.js$/)), 'utf8');
  const mod = await WebAssembly.compile(wasm);
  const imports = WebAssembly.Module.imports(mod);
  assert.ok(imports.length > 100, `${imports.length} imports`);
  for (const i of imports) {
    assert.equal(i.module, 'a');
    assert.match(i.name, /^[a-zA-Z]{1,2}$/);
    assert.match(glue, new RegExp(`[{,]${i.name}[:(]`), `import ${i.name} in the glue`);
  }
  // Exports the glue never names (`main`, wasm-bindgen's `__abort_handler`, …) keep theirs.
  const exports = WebAssembly.Module.exports(mod).map((e) => e.name);
  assert.ok(exports.filter((e) => /^_[a-zA-Z]{1,2}$/.test(e)).length > 10, exports.join(' '));
  for (const e of exports) {
    if (e !== 'memory' && !/^_[a-zA-Z]{1,2}$/.test(e)) assert.doesNotMatch(glue, new RegExp(`\\b${e}\\b`), `export ${e} named in the glue`);
  }
  assert.doesNotMatch(glue, /__wbg_\w+_[0-9a-f]{16}|evidence-article_bg\.js|__wbindgen_malloc/);
});

/** Runs shortenDir on a scratch directory holding `wasm` and `glue`. */
function shorten(wasm, glue) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ea-shorten-'));
  try {
    fs.writeFileSync(path.join(dir, 'evidence-article_bg.wasm'), wasm);
    fs.writeFileSync(path.join(dir, 'evidence-article.js'), glue);
    const r = shortenDir(dir);
    return { ...r, wasm: fs.readFileSync(path.join(dir, 'evidence-article_bg.wasm')), glue: fs.readFileSync(path.join(dir, 'evidence-article.js'), 'utf8') };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test('shorten renames imports, the module and the exports the glue uses, in both files, and leaves the rest', async () => {
  const wasm = tinyWasm(['__wbg_log_0123456789abcdef', '__wbg_now_fedcba9876543210'], ['__wbindgen_start', 'main']);
  const glue = 'const i={"./evidence-article_bg.js":{__wbg_log_0123456789abcdef:function(){log()},__wbg_now_fedcba9876543210(){}}};wasm.__wbindgen_start();export function __wbindgen_start(){}';
  const r = shorten(wasm, glue);
  assert.equal(r.glue, 'const i={a:{a:function(){log()},b(){}}};wasm._a();export function __wbindgen_start(){}');
  const mod = await WebAssembly.compile(r.wasm);
  assert.deepEqual(WebAssembly.Module.imports(mod).map((i) => `${i.module}.${i.name}`), ['a.a', 'a.b']);
  assert.deepEqual(WebAssembly.Module.exports(mod).map((e) => e.name), ['_a', 'main']);
  let calls = 0;
  const inst = await WebAssembly.instantiate(mod, { a: { a: () => calls++, b: () => calls++ } });
  inst.exports._a();
  assert.equal(calls, 0, 'the function body is unchanged (it calls nothing)');
});

test('shorten fails when an import is not a key of the glue, or is named elsewhere too', () => {
  const wasm = tinyWasm(['__wbg_log_0123456789abcdef'], []);
  assert.throws(() => shorten(wasm, 'const i={"./evidence-article_bg.js":{}}'), /__wbg_log_0123456789abcdef: 0 keys/);
  assert.throws(() => shorten(wasm, 'const i={"./evidence-article_bg.js":{__wbg_log_0123456789abcdef(){}}};f(__wbg_log_0123456789abcdef)'), /named outside/);
  assert.throws(() => shorten(wasm, 'const i={}'), /evidence-article_bg\.js" 0 times/);
});

test('short names are distinct and never a two-letter keyword', () => {
  const names = Array.from({ length: 3000 }, (_, i) => shortName(i));
  assert.equal(new Set(names).size, names.length);
  for (const n of names) assert.doesNotMatch(n, /^(do|if|in)$/);
  assert.deepEqual(names.slice(0, 3), ['a', 'b', 'c']);
});
