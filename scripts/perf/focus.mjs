// A smaller, targeted companion to bench.mjs for the main-thread figures of issue 11 §3
// (no long tasks, popover, audience switch, scaling), so a change can be measured in a
// couple of minutes instead of a full `make bench`:
//
//   node scripts/perf/focus.mjs [--runs N] [--dist DIR[,DIR2]] [--only standalone,synth-200]
//
// With two dist directories (before,after) every cell runs for both, interleaved, so
// machine noise hits them alike.
//
// Cells: the standalone page at 4× CPU (start-up long tasks, TBT, click → frame), the
// standalone page on desktop (longest task), the intranet example (two pre-rendered
// <evidence-article> elements) at 4× and 1×, the host page without a pre-render (an empty
// <evidence-article>) at 4× and 1×, and the synthetic 10/50/200-section
// articles on desktop (start-up, longest task, audience switch, popover). Each cell: one
// warm-up load, then N loads in fresh contexts; prints medians (min–max). It asserts
// nothing: timings are measurements, never tests.
import path from 'node:path';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../../tests/e2e/server.mjs';
import { benchPages } from './pages.mjs';
import { CHROMIUM, ARGS, DESKTOP } from './profiles.mjs';
import { summary, median, cell, ratio, fmtMs, interleaved } from './stats.mjs';
import { ROOT, opt } from './cli.mjs';

const RUNS = Number(opt('--runs', 5));
const DISTS = opt('--dist', 'dist').split(',').map((d) => path.resolve(ROOT, d));
const ONLY = opt('--only', null)?.split(',');
const PROBE = fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'probe.js'), 'utf8');

const ctxs = [];
for (const [i, dist] of DISTS.entries()) {
  const { files, pages, synth } = benchPages(dist);
  const server = await startServer({ root: dist, compress: true, files });
  const tag = DISTS.length > 1 ? `${i ? 'after' : 'before'} ` : '';
  ctxs.push({ server, pages, synth, tag });
}
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
const cells = [];
const kinds = [
  ...[4, 1].map((cpu) => ({ key: `standalone@${cpu}x`, pick: (x) => x.pages.find((p) => p.id === 'standalone'), cpu })),
  ...[4, 1].map((cpu) => ({ key: `intranet@${cpu}x`, pick: (x) => x.pages.find((p) => p.id === 'intranet'), cpu })),
  ...[4, 1].map((cpu) => ({ key: `host@${cpu}x`, pick: (x) => x.pages.find((p) => p.id === 'host'), cpu })),
  ...ctxs[0].synth.map((s) => ({ key: `${s.id}@1x`, pick: (x) => x.synth.find((y) => y.id === s.id), cpu: 1 })),
].filter((k) => !ONLY || ONLY.some((o) => k.key.startsWith(o)));
for (const k of kinds) for (const x of ctxs) cells.push({ key: `${x.tag}${k.key}`, target: k.pick(x), cpu: k.cpu, server: x.server });

// Thread CPU time of the renderer's main-thread tasks (trace events' `tdur`): on a
// shared, overloaded machine wall-clock task lengths grow with the load, CPU time much
// less. Chromium's CPU throttling pauses the thread, so `tdur` is the unthrottled cost.
const CATS = ['devtools.timeline', 'disabled-by-default-devtools.timeline'];
async function traced(page, fn) {
  await browser.startTracing(page, { categories: CATS });
  // A load that fails must still end its trace, or every later cell fails with
  // "Cannot start recording trace while already recording trace".
  try { await fn(); } catch (e) { await browser.stopTracing().catch(() => {}); throw e; }
  const buf = await browser.stopTracing();
  const events = JSON.parse(buf.toString()).traceEvents;
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain'
    && events.some((x) => x.pid === e.pid && x.name === 'RunTask' && x.dur > 1000));
  const clicks = events.filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'click' && main && e.pid === main.pid && e.tid === main.tid);
  return events.filter((e) => e.name === 'RunTask' && main && e.pid === main.pid && e.tid === main.tid && e.ph === 'X')
    .map((e) => ({ wall: e.dur / 1000, cpu: (e.tdur ?? e.dur) / 1000,
      click: clicks.some((c) => c.ts >= e.ts && c.ts < e.ts + e.dur) }));
}
const topCpu = (tasks, n) => tasks.map((t) => t.cpu).sort((a, b) => b - a).slice(0, n);

async function run(c) {
  const ctx = await browser.newContext(DESKTOP);
  await ctx.addInitScript({ content: `window.__eaBenchReady = ${JSON.stringify(c.target.ready)};\n${PROBE}` });
  const page = await ctx.newPage();
  try {
    const cdp = await ctx.newCDPSession(page);
    if (c.cpu > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: c.cpu });
    let m;
    const load = await traced(page, async () => {
      await page.goto(c.server.url + c.target.path, { waitUntil: 'load', timeout: 120000 });
      const ready = await page.evaluate(() => window.__eaBench.settled());
      if (ready === null) throw new Error('not ready');
      m = await page.evaluate(() => window.__eaBench.metrics());
    });
    m.tasks = await page.evaluate(() => window.__eaBench.longtasks.map((t) => Math.round(t.duration)));
    m.cpuLongest = topCpu(load, 1)[0] ?? 0;
    m.cpuTbt = load.reduce((a, t) => a + Math.max(0, t.cpu - 50), 0);
    m.cpuTasks = topCpu(load, 3).map(Math.round);
    // All main-thread work from navigation to ready (the start-up's CPU cost).
    m.cpuStart = load.reduce((a, t) => a + t.cpu, 0);
    m.inter = {};
    m.cpuInter = {};
    for (const kind of ['popover', 'audience', 'section']) {
      let r;
      const tasks = await traced(page, async () => { r = await page.evaluate((k) => window.__eaBench.interactions(4, k), kind); });
      m.inter[kind] = r[kind];
      if (kind === 'audience') m.inter.audienceOnScreen = r.audienceOnScreen;
      // 4 clicks: the 4 costliest tasks (popover closes are counted in too, as cheap).
      m.cpuInter[kind] = topCpu(tasks, 4);
      // All main-thread work of the 4 interactions, per interaction (a stepped switch
      // spreads over many tasks: its whole cost, not only its costliest task).
      (m.cpuInterTotal ??= {})[kind] = tasks.reduce((a, t) => a + t.cpu, 0) / 4;
      // The click's own task (for a stepped switch: the on-screen parts' render).
      (m.cpuClick ??= {})[kind] = median(tasks.filter((t) => t.click).map((t) => t.cpu)) ?? 0;
    }
    return m;
  } finally {
    await ctx.close();
  }
}

const out = await interleaved(cells, RUNS, run);
await browser.close();
for (const x of ctxs) await x.server.close();

const med = (xs) => cell(summary(xs), fmtMs);
const flat = (ms, k) => ms.map((m) => summary(m.inter[k]).med);
const cpu = (ms, k) => ms.map((m) => summary(m.cpuInter[k]).med);
console.log('Wall clock (grows with the machine load):\n');
console.log('| cell | ready ms | longest task ms | TBT ms | long tasks (last run) | popover ms | audience ms (all sections) | audience ms (sections on screen) | on screen ÷ all | section ms |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const c of cells) {
  const ms = out[c.key];
  if (!ms.length) continue;
  console.log(`| ${c.key} | ${med(ms.map((m) => m.ready))} | ${med(ms.map((m) => m.longest))} | ${med(ms.map((m) => m.tbt))} | ${ms.at(-1).tasks.join(' ')} | ${med(flat(ms, 'popover'))} | ${med(flat(ms, 'audience'))} | ${med(flat(ms, 'audienceOnScreen'))} | ${ratio(median(flat(ms, 'audienceOnScreen')), median(flat(ms, 'audience')))} | ${med(flat(ms, 'section'))} |`);
}
console.log('\nMain-thread CPU time per task (trace `tdur`, unthrottled: × 4 estimates the 4× CPU profile):\n');
console.log('| cell | start-up CPU ms (all tasks) | longest start-up task ms | TBT (CPU) ms | 3 costliest start-up tasks (last run) | popover task ms | audience task ms | section task ms | audience switch CPU ms (all its tasks) | audience click task ms |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const c of cells) {
  const ms = out[c.key];
  if (!ms.length) continue;
  console.log(`| ${c.key} | ${med(ms.map((m) => m.cpuStart))} | ${med(ms.map((m) => m.cpuLongest))} | ${med(ms.map((m) => m.cpuTbt))} | ${ms.at(-1).cpuTasks.join(' ')} | ${med(cpu(ms, 'popover'))} | ${med(cpu(ms, 'audience'))} | ${med(cpu(ms, 'section'))} | ${med(ms.map((m) => m.cpuInterTotal.audience))} | ${med(ms.map((m) => m.cpuClick.audience))} |`);
}

// Start-up CPU per added section between the synthetic sizes (medians), and how much
// the second step's cost per section exceeds the first's (linear growth: 1.00x).
const synthCells = (tag) => ctxs[0].synth.map((s) => ({ s, ms: out[`${tag}${s.id}@1x`] || [] })).filter((x) => x.ms.length);
for (const x of ctxs) {
  const cs = synthCells(x.tag);
  if (cs.length < 2) continue;
  const startCpu = (c) => median(c.ms.map((m) => m.cpuStart));
  const slopes = cs.slice(1).map((c, i) => (startCpu(c) - startCpu(cs[i])) / (c.s.sections - cs[i].s.sections));
  const steps = cs.slice(1).map((c, i) => `${cs[i].s.sections}→${c.s.sections}: ${slopes[i].toFixed(2)} ms`).join(', ');
  const growth = slopes.length > 1 ? `, ${(slopes.at(-1) / slopes[0]).toFixed(2)}×` : '';
  console.log(`\n${x.tag}start-up CPU per added section: ${steps}${growth}`);
}
