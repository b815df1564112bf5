// First paint of the standalone page against the plain page (issue 11's Lighthouse
// target), measured as bench.mjs measures it but only the cells that matter for it,
// so a change to how the page paints and when it fetches the wasm can be checked in a
// few minutes instead of a full `make bench`:
//
//   node scripts/perf/paint.mjs [--runs N] [--dist DIR[,DIR2,…]] [--lighthouse-runs N]
//
// Cells: the plain page and the standalone page in bench.mjs's mobile profile (4× CPU,
// 562.5 ms RTT, 1.6 Mbps down; the same page loads, probe and server, brotli on
// 127.0.0.1), then Lighthouse 12 (mobile, simulated throttling) on both. With several dist
// directories (e.g. a copy from before a change, then dist) every cell runs for each,
// interleaved round by round, so machine noise hits them alike; rows are named by
// the directories' names. One warm-up, then N runs; medians (min–max). It also
// prints when the wasm request started against the page's first contentful paint.
// It asserts nothing: timings are measurements, never tests.
import path from 'node:path';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../../tests/e2e/server.mjs';
import { benchPages } from './pages.mjs';
import { CHROMIUM, ARGS, MOBILE } from './profiles.mjs';
import { lighthouseRun } from './lighthouse.mjs';
import { summary, median, cell, ratio, fmtMs, interleaved } from './stats.mjs';
import { ROOT, opt } from './cli.mjs';

const RUNS = Number(opt('--runs', 7));
const LH_RUNS = Number(opt('--lighthouse-runs', RUNS));
const DISTS = opt('--dist', 'dist').split(',').map((d) => path.resolve(ROOT, d));
const PROBE = fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'probe.js'), 'utf8');

const ctxs = [];
for (const [i, dist] of DISTS.entries()) {
  const { files, pages } = benchPages(dist);
  const server = await startServer({ root: dist, compress: true, files });
  ctxs.push({ server, pages, tag: DISTS.length > 1 ? path.basename(dist) : '' });
}
const cells = [];
for (const id of ['plain', 'standalone']) {
  for (const x of ctxs) cells.push({ key: `${x.tag} ${id}`.trim(), target: x.pages.find((p) => p.id === id), server: x.server });
}

const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
async function run(c) {
  const ctx = await browser.newContext(MOBILE.context);
  await ctx.addInitScript({ content: `window.__eaBenchReady = ${JSON.stringify(c.target.ready)};\n${PROBE}` });
  const page = await ctx.newPage();
  try {
    const cdp = await ctx.newCDPSession(page);
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', MOBILE.net);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: MOBILE.cpu });
    await page.goto(c.server.url + c.target.path, { waitUntil: 'load', timeout: 120000 });
    if ((await page.evaluate(() => window.__eaBench.settled())) === null) throw new Error('not ready within 30 s');
    const m = await page.evaluate(() => window.__eaBench.metrics());
    if (m.error) throw new Error(`the widget shows an error: ${m.error}`);
    m.wasmStart = await page.evaluate(() => performance.getEntriesByType('resource')
      .find((e) => e.name.endsWith('.wasm'))?.startTime ?? null);
    return m;
  } finally {
    await ctx.close();
  }
}

const out = await interleaved(cells, RUNS, run, 'mobile round');
await browser.close();

const lh = Object.fromEntries(cells.map((c) => [c.key, []]));
for (let r = LH_RUNS > 0 ? -1 : 0; r < LH_RUNS; r++) {
  for (const c of cells) {
    try {
      const l = await lighthouseRun(c.server.url + c.target.path, CHROMIUM);
      if (r >= 0) lh[c.key].push(l);
    } catch (e) {
      console.error(`lighthouse ${c.key}: ${String(e.message || e).split('\n')[0]}`);
    }
  }
  console.error(`lighthouse round ${r + 1}/${LH_RUNS} done`);
}
for (const x of ctxs) await x.server.close();

const med = (xs) => cell(summary(xs), fmtMs);
const plainOf = (key) => key.replace('standalone', 'plain');
console.log(`Mobile profile (4× CPU, 562.5 ms RTT, 1.6 Mbps), ${RUNS} runs, medians (min–max), ms:\n`);
console.log('| cell | FCP | LCP | interactive | interactive ÷ plain FCP | wasm request starts | TBT |');
console.log('| --- | --- | --- | --- | --- | --- | --- |');
for (const c of cells) {
  const ms = out[c.key];
  if (!ms.length) continue;
  const plainFcp = median(out[plainOf(c.key)].map((m) => m.fcp));
  const ready = c.key.endsWith('standalone') ? med(ms.map((m) => m.ready)) : '—';
  const rr = c.key.endsWith('standalone') ? ratio(median(ms.map((m) => m.ready)), plainFcp) : '—';
  console.log(`| ${c.key} | ${med(ms.map((m) => m.fcp))} | ${med(ms.map((m) => m.lcp))} | ${ready} | ${rr} | ${med(ms.map((m) => m.wasmStart))} | ${med(ms.map((m) => m.tbt))} |`);
}
if (LH_RUNS > 0) {
  console.log(`\nLighthouse ${lh[cells[0].key][0]?.version ?? ''} mobile (simulated throttling), ${LH_RUNS} runs, medians (min–max):\n`);
  console.log('| cell | score | FCP ms | LCP ms | LCP ÷ plain | TBT ms | CLS |');
  console.log('| --- | --- | --- | --- | --- | --- | --- |');
  for (const c of cells) {
    const ls = lh[c.key];
    if (!ls.length) continue;
    const plainLcp = median(lh[plainOf(c.key)].map((l) => l.lcp));
    console.log(`| ${c.key} | ${cell(summary(ls.map((l) => l.score)), String)} | ${med(ls.map((l) => l.fcp))} | ${med(ls.map((l) => l.lcp))} | ${ratio(median(ls.map((l) => l.lcp)), plainLcp)} | ${med(ls.map((l) => l.tbt))} | ${cell(summary(ls.map((l) => l.cls)), (v) => v.toFixed(3))} |`);
  }
}
