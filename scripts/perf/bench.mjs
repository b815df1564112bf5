// Speed benchmark of the release build (dist/): `make bench`, or
//   node scripts/perf/bench.mjs [--runs N] [--quick] [--no-lighthouse] [--no-scaling]
//                               [--dist DIR] [--out FILE]
// Prints figures and writes them to bench/results.md. It asserts nothing: timings
// are measurements, never tests. See README ("Benchmark") for what it measures.
//
// dist/ is served with brotli/gzip from 127.0.0.1 by tests/e2e/server.mjs; Debian's
// Chromium runs through playwright-core (+ CDP for throttling, bytes, heap). Every
// run gets a fresh browser context (empty cache and storage); each cell has one
// warm-up run (discarded), then N runs; pages alternate within each round so that
// machine noise hits them alike. Figures are medians with min–max over the runs.
import fs from 'node:fs';
import os from 'node:os';
import zlib from 'node:zlib';
import path from 'node:path';
import { execSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../../tests/e2e/server.mjs';
import { benchPages } from './pages.mjs';
import { CHROMIUM, ARGS, PROFILES } from './profiles.mjs';
import { lighthouseRun } from './lighthouse.mjs';
import { report } from './report.mjs';
import { ROOT, opt, flag } from './cli.mjs';

if (flag('--help')) {
  console.log('usage: node scripts/perf/bench.mjs [--runs N] [--quick] [--no-lighthouse] [--no-scaling] [--dist DIR] [--out FILE]');
  process.exit(0);
}
const quick = flag('--quick');
const RUNS = Number(opt('--runs', quick ? 3 : 7));
const LH_RUNS = Number(opt('--lighthouse-runs', quick ? 1 : RUNS));
const DIST = path.resolve(ROOT, opt('--dist', 'dist'));
const OUT = path.resolve(ROOT, opt('--out', 'bench/results.md'));
if (!(RUNS >= 1)) throw new Error('--runs needs a positive number');

const PROBE = fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'probe.js'), 'utf8');

const t0 = Date.now();
const log = (...a) => console.error(`[${((Date.now() - t0) / 1000).toFixed(0).padStart(4)} s]`, ...a);
const { files, pages, synth } = benchPages(DIST);
const server = await startServer({ root: DIST, compress: true, files });
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
const load0 = os.loadavg();
const chromiumVersion = browser.version();

/** One page load in a fresh context; `what` adds interactions and/or memory cycles. */
async function run(target, profile, what = {}) {
  const ctx = await browser.newContext(profile.context);
  await ctx.addInitScript({ content: `window.__eaBenchReady = ${JSON.stringify(target.ready)};\n${PROBE}` });
  const page = await ctx.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  try {
    const cdp = await ctx.newCDPSession(page);
    await cdp.send('Network.enable');
    let bytes = 0;
    cdp.on('Network.loadingFinished', (e) => { bytes += e.encodedDataLength; });
    if (profile.net) await cdp.send('Network.emulateNetworkConditions', profile.net);
    if (profile.cpu > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: profile.cpu });
    await page.goto(server.url + target.path, { waitUntil: 'load', timeout: 120000 });
    const ready = await page.evaluate(() => window.__eaBench.settled());
    if (ready === null) throw new Error(`not ready within 30 s ${errors.join('; ')}`);
    const m = await page.evaluate(() => window.__eaBench.metrics());
    if (m.error) throw new Error(`the widget shows an error: ${m.error}`);
    m.bytes = bytes;
    m.nodes = await page.evaluate(() => window.__eaBench.nodes());
    const heap = async () => {
      await cdp.send('HeapProfiler.collectGarbage');
      return (await cdp.send('Runtime.getHeapUsage')).usedSize;
    };
    m.jsHeap = await heap();
    if (what.interactions) m.inter = await page.evaluate((reps) => window.__eaBench.interactions(reps), what.reps ?? 4);
    if (what.memory) {
      const wasm = () => page.evaluate(() => window.__eaBench.metrics().wasmBytes);
      const before = { wasm: await wasm(), heap: await heap() };
      await page.evaluate(() => window.__eaBench.cycles(100, 20));
      const after = { wasm: await wasm(), heap: await heap() };
      // A second batch tells one-time growth (JIT, caches) from a leak (not with --quick).
      let again = null;
      if (!quick) {
        await page.evaluate(() => window.__eaBench.cycles(100, 20));
        again = { wasm: await wasm(), heap: await heap() };
      }
      m.memory = { before, after, again };
    }
    if (errors.length) m.errors = errors;
    return m;
  } finally {
    await ctx.close();
  }
}

/** Warm-up + RUNS rounds over `cells` ([{ key, path, profile, what }]), pages alternating. */
async function rounds(cells, label) {
  const out = Object.fromEntries(cells.map((c) => [c.key, []]));
  const failures = Object.fromEntries(cells.map((c) => [c.key, []]));
  for (let r = -1; r < RUNS; r++) {
    log(`${label}: ${r < 0 ? 'warm-up' : `run ${r + 1}/${RUNS}`}`);
    for (const c of cells) {
      try {
        const m = await run(c.target, c.profile, r < 0 ? {} : c.what);
        if (r >= 0) out[c.key].push(m);
      } catch (e) {
        failures[c.key].push(String(e.message || e).split('\n')[0]);
        log(`  ${c.key}: FAILED ${String(e.message || e).split('\n')[0]}`);
      }
    }
  }
  return { out, failures };
}

const results = { runs: RUNS, profiles: {}, failures: {}, lighthouse: null, scaling: null };
for (const profile of PROFILES) {
  const cells = pages.map((p) => ({
    key: p.id, target: p, profile,
    what: { interactions: p.widget, memory: p.widget && profile.id === 'desktop' },
  }));
  const { out, failures } = await rounds(cells, profile.id);
  results.profiles[profile.id] = out;
  results.failures[profile.id] = failures;
}

if (!flag('--no-scaling')) {
  const profile = PROFILES[0];
  const cells = synth.map((s) => ({ key: s.id, target: s, profile, what: { interactions: true } }));
  const { out, failures } = await rounds(cells, 'scaling');
  results.scaling = { sizes: synth, runs: out };
  results.failures.scaling = failures;
}

await browser.close();

if (!flag('--no-lighthouse')) {
  results.lighthouse = { runs: LH_RUNS, pages: {} };
  for (const p of pages.filter((x) => x.id === 'standalone' || x.id === 'plain')) results.lighthouse.pages[p.id] = [];
  for (let r = -1; r < LH_RUNS; r++) {
    log(`lighthouse: ${r < 0 ? 'warm-up' : `run ${r + 1}/${LH_RUNS}`}`);
    for (const id of Object.keys(results.lighthouse.pages)) {
      const p = pages.find((x) => x.id === id);
      try {
        const lr = await lighthouseRun(server.url + p.path, CHROMIUM);
        if (r >= 0) results.lighthouse.pages[id].push(lr);
      } catch (e) {
        log(`  lighthouse ${id}: FAILED ${e.message}`);
      }
    }
  }
}
await server.close();

// What the widget ships (the files every widget page loads), raw and brotli.
// (The glue, wasm and the loader's stylesheet have content-hashed names: scripts/stamp.mjs.)
const hashed = (re) => fs.readdirSync(DIST).filter((f) => re.test(f));
const shipped = [...hashed(/^evidence-article-[0-9a-f]{16}_bg\.wasm$/), ...hashed(/^evidence-article-[0-9a-f]{16}\.js$/), 'embed.js',
  ...hashed(/^evidence-article-[0-9a-f]{16}\.css$/)]
  .filter((f) => fs.existsSync(path.join(DIST, f)))
  .map((f) => {
    const buf = fs.readFileSync(path.join(DIST, f));
    return { file: f, raw: buf.length, brotli: zlib.brotliCompressSync(buf, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length };
  });
const git = (cmd) => { try { return execSync(`git ${cmd}`, { cwd: ROOT, stdio: ['ignore', 'pipe', 'ignore'] }).toString().trim(); } catch { return '?'; } };
const env = {
  date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
  commit: git('rev-parse --short HEAD'),
  dirty: git('status --porcelain --untracked-files=no -- src static examples index.html Cargo.toml') !== '',
  distTime: fs.statSync(path.join(DIST, 'index.html')).mtime.toISOString().replace(/\.\d+Z$/, 'Z'),
  chromium: chromiumVersion,
  node: process.version,
  cpu: `${os.cpus().length} × ${os.cpus()[0]?.model || '?'}`,
  load: [load0, os.loadavg()].map((l) => l.map((x) => x.toFixed(1)).join(' ')),
  seconds: Math.round((Date.now() - t0) / 1000),
  shipped,
  quick,
};
const md = report({ env, results, pages, profiles: PROFILES });
fs.mkdirSync(path.dirname(OUT), { recursive: true });
fs.writeFileSync(OUT, md);
fs.writeFileSync(OUT.replace(/\.md$/, '') + '.json', JSON.stringify({ env, results }, null, 1) + '\n');
console.log(md);
log(`wrote ${path.relative(ROOT, OUT)}`);
