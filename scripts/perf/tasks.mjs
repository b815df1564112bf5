// Profiling aid (not a test, not a benchmark): the start-up task sequence of one page
// from a trace, without a sampling profiler (whose overhead distorts task lengths):
// every main-thread task of at least --min ms CPU, in order, with the trace events it
// holds (TimerFire, Layout, ParseHTML, v8.wasm.*, …), so the long ones can be told
// apart (with profile.mjs naming the functions of a task at the same position).
//   node scripts/perf/tasks.mjs [--dist dist[,dist2]] [--path /] [--cpu 4] [--runs 3] [--min 10] [--quiet]
// With two dist directories (before,after) the runs interleave, and a summary gives, for
// each, the median (min–max) of the longest script task (one holding a timer, a function
// call, a module evaluation or wasm compilation: the page's own layout and paint tasks
// left out) and of the sum of the script tasks' excess over 50 ms, in CPU time.
import path from 'node:path';
import fs from 'node:fs';
import { chromium } from 'playwright-core';
import { startServer } from '../../tests/e2e/server.mjs';
import { benchPages } from './pages.mjs';
import { CHROMIUM, ARGS, DESKTOP } from './profiles.mjs';
import { ROOT, opt, flag } from './cli.mjs';

const DISTS = opt('--dist', 'dist').split(',').map((d) => path.resolve(ROOT, d));
const QUIET = flag('--quiet');
const pagePath = opt('--path', '/');
const CPU = Number(opt('--cpu', 4));
const RUNS = Number(opt('--runs', 3));
const MIN = Number(opt('--min', 10));
const servers = [];
for (const dist of DISTS) servers.push(await startServer({ root: dist, compress: true, files: benchPages(dist).files }));
const summary = DISTS.map(() => ({ longest: [], tbt: [] }));
const SCRIPT = /^(TimerFire|FunctionCall|v8\.evaluateModule|v8\.wasm)/;
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
const PROBE = fs.readFileSync(path.join(ROOT, 'scripts/perf/probe.js'), 'utf8');
for (let run = -1; run < RUNS; run++) for (const [di, server] of servers.entries()) {
  const ctx = await browser.newContext(DESKTOP);
  await ctx.addInitScript({ content: PROBE });
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  if (CPU > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU });
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  await page.goto(server.url + pagePath, { waitUntil: 'load' });
  await page.evaluate(() => window.__eaBench.settled(800));
  const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
  const lt = await page.evaluate(() => window.__eaBench.longtasks.map((t) => Math.round(t.duration)));
  await ctx.close();
  if (run < 0) continue;
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain'
    && events.some((x) => x.pid === e.pid && x.name === 'RunTask' && x.dur > 1000));
  const mine = events.filter((x) => x.pid === main.pid && x.tid === main.tid && x.ph === 'X');
  const tasks = mine.filter((e) => e.name === 'RunTask').sort((a, b) => a.ts - b.ts);
  const t0 = tasks[0].ts;
  const out = [];
  let longest = 0;
  let tbt = 0;
  for (const e of tasks) {
    const cpu = (e.tdur ?? e.dur) / 1000;
    if (cpu < MIN) continue;
    const kinds = new Map();
    for (const k of mine) if (k !== e && k.name !== 'RunTask' && k.ts >= e.ts && k.ts + (k.dur || 0) <= e.ts + e.dur) kinds.set(k.name, (kinds.get(k.name) || 0) + (k.tdur ?? k.dur ?? 0));
    if ([...kinds.keys()].some((k) => SCRIPT.test(k))) {
      longest = Math.max(longest, cpu);
      tbt += Math.max(0, cpu - 50);
    }
    const top = [...kinds].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([k, v]) => `${k} ${(v / 1000).toFixed(0)}`).join(', ');
    out.push(`  +${((e.ts - t0) / 1000).toFixed(0)} ms cpu ${cpu.toFixed(0)} wall ${(e.dur / 1000).toFixed(0)} [${top}]`);
  }
  summary[di].longest.push(longest);
  summary[di].tbt.push(tbt);
  const tag = DISTS.length > 1 ? ` ${path.basename(DISTS[di])}` : '';
  console.log(`run ${run + 1}${tag}: longest script task ${longest.toFixed(0)}, script TBT ${tbt.toFixed(0)}; longtask observer ${lt.join(' ')}`);
  if (!QUIET) console.log(out.join('\n'));
}
await browser.close();
for (const s of servers) await s.close();
const med = (xs) => { const v = [...xs].sort((a, b) => a - b); const m = v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2; return `${m.toFixed(0)} (${v[0].toFixed(0)}–${v.at(-1).toFixed(0)})`; };
console.log(`\n${pagePath} at ${CPU}× CPU, ${RUNS} runs, CPU ms: longest script task | script TBT`);
for (const [i, d] of DISTS.entries()) console.log(`${path.basename(d)}: ${med(summary[i].longest)} | ${med(summary[i].tbt)}`);
