// The post-build guard: the shipped scripts carry no HTML sink, and
// scripts/postbuild.mjs fails the build unless it replaced exactly the expected
// sink in the glue (no browser needed).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, DIST, tinyWasm } from './helpers.mjs';

const SINK = /\.(?:inner|outer)HTML\s*=(?!=)|\binsertAdjacentHTML\b|\bdocument\.write\b/;

// The glue's name carries its content hash (scripts/stamp.mjs).
const glueName = () => fs.readdirSync(DIST).find((f) => /^evidence-article-[0-9a-f]{16}\.js$/.test(f));

test('the shipped scripts in dist/ have no innerHTML sink left; the glue has the throwing stand-in', () => {
  const scripts = fs.readdirSync(DIST).filter((f) => f.endsWith('.js'));
  assert.ok(glueName(), `glue shipped: ${scripts}`);
  for (const f of scripts) {
    const m = fs.readFileSync(path.join(DIST, f), 'utf8').match(SINK);
    assert.equal(m, null, `${f} has an HTML sink: ${m && m[0]}`);
  }
  // The stand-in (postbuild's `evidenceArticleNoHtml`, inlined by terser where it is called).
  assert.match(fs.readFileSync(path.join(DIST, glueName()), 'utf8'), /throw new Error\("evidence-article: raw HTML is disabled"\)/);
});

test('the shipped module exports no test hook', () => {
  const glue = fs.readFileSync(path.join(DIST, glueName()), 'utf8');
  assert.doesNotMatch(glue, /__panicForTesting/);
});

/** Runs postbuild on a scratch dist/ whose glue has `sinks` innerHTML setters. */
function postbuild(sinks) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'ea-postbuild-'));
  try {
    const setter = (i) => `export function s${i}(arg0,arg1,arg2){arg0.innerHTML=getStringFromWasm0(arg1,arg2)}`;
    const imports = 'export const i={"./evidence-article_bg.js":{__wbg_log_0123456789abcdef(){}}};';
    const glue = `${imports}function getStringFromWasm0(){}\n${Array.from({ length: sinks }, (_, i) => setter(i)).join('\n')}\n`;
    fs.writeFileSync(path.join(dir, 'evidence-article.js'), glue);
    // Exported and calling the import (`call 0`): postbuild's wasm-opt -Oz drops what nothing uses.
    fs.writeFileSync(path.join(dir, 'evidence-article_bg.wasm'), tinyWasm(['__wbg_log_0123456789abcdef'], ['f'], [0x10, 0, 0x0b]));
    fs.writeFileSync(path.join(dir, 'index.html'), '<!doctype html><html><head><meta charset="utf-8"><title>x</title></head><body><main id="evidence-article"></main></body></html>');
    const r = spawnSync(process.execPath, ['scripts/postbuild.mjs', dir], { cwd: ROOT, encoding: 'utf8' });
    return { status: r.status, stderr: r.stderr, glue: fs.readFileSync(path.join(dir, 'evidence-article.js'), 'utf8') };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

test('postbuild fails when the glue has no sink or more sinks than expected, and passes with exactly one', () => {
  const none = postbuild(0);
  assert.notEqual(none.status, 0, 'no sink found must fail the build');
  assert.match(none.stderr, /expected 1 innerHTML sink/);
  const two = postbuild(2);
  assert.notEqual(two.status, 0, 'an unexpected second sink must fail the build');
  const one = postbuild(1);
  assert.equal(one.status, 0, one.stderr);
  assert.doesNotMatch(one.glue, /innerHTML/);
  assert.match(one.glue, /function s0\(\w+,\w+,\w+\)\{[^}]*throw new Error\("evidence-article: raw HTML is disabled"\)/);
  assert.match(one.glue, /const i=\{a:\{a\(\)\{\}\}\}/, 'the import renamed (scripts/shorten.mjs)');
});
