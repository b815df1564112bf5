// Profiling aid (not a test, not a benchmark): where the time between a page's first
// paint and the widget's ready signal goes, from a trace. Per load: FCP, the wasm's
// response end, ready (the probe's `data-ea-ready` / `evidence-article:ready`, marked
// in the trace), then every main-thread task in between with its start, wall and CPU
// time and largest trace events, and a split of the FCP → ready interval into task
// CPU, task wall beyond CPU (throttling, waiting inside a task) and idle gaps.
//   node scripts/perf/ready.mjs [--dist a[,b]] [--path /] [--cpu 4] [--runs 5] [--quiet] [--min 0.3] [--mobile] [--events]
// --mobile adds the benchmark's mobile network (562.5 ms RTT, 1.6 Mbps down, 750 kbps up)
// in the bench's mobile browser context (412×823, touch); --events sums every trace event in the FCP → ready window by name.
// With two dist directories the loads interleave and a summary gives medians (min–max).
import path from 'node:path';
import fs from 'node:fs';
import { chromium } from 'playwright-core';
import { startServer } from '../../tests/e2e/server.mjs';
import { benchPages } from './pages.mjs';
import { CHROMIUM, ARGS, DESKTOP, MOBILE as MOBILE_PROFILE } from './profiles.mjs';
import { ROOT, opt, flag } from './cli.mjs';

const DISTS = opt('--dist', 'dist').split(',').map((d) => path.resolve(ROOT, d));
const QUIET = flag('--quiet');
const pagePath = opt('--path', '/');
const CPU = Number(opt('--cpu', 4));
const RUNS = Number(opt('--runs', 5));
const MIN = Number(opt('--min', 0.3));
const MOBILE = flag('--mobile');
const PROBE = fs.readFileSync(path.join(ROOT, 'scripts/perf/probe.js'), 'utf8');
// Marks the ready signal in the trace (blink.user_timing), beside the probe's own record.
const MARK = `(() => {
  const done = () => { if (!window.__eaReadyMarked) { window.__eaReadyMarked = true; performance.mark('ea-ready'); } };
  const check = () => { if (window.__eaBench && window.__eaBench.readyAt() !== null) done(); };
  new MutationObserver(check).observe(document, { attributes: true, subtree: true, attributeFilter: ['data-ea-ready'] });
  document.addEventListener('evidence-article:ready', () => queueMicrotask(check), true);
})();`;
const servers = [];
for (const dist of DISTS) servers.push(await startServer({ root: dist, compress: true, files: benchPages(dist).files }));
const keys = ['fcp', 'wasmEnd', 'ready', 'fcpToReady', 'wasmToReady', 'wasmToReadyCpu', 'afterReadyCpu', 'cpu', 'stretch', 'idle', 'tasks', 'lazyCompile', 'gc', 'render', 'stream'];
// Trace events summed (thread CPU) over the tasks between FCP and ready.
const KINDS = { lazyCompile: ['wasm.CompileLazy'], gc: ['MinorGC', 'MajorGC'],
  render: ['UpdateLayoutTree', 'Layout', 'PrePaint', 'Paint', 'Layerize', 'Commit'],
  stream: ['v8.wasm.compileConsume', 'wasm.OnBytesReceived'] };
const summary = DISTS.map(() => Object.fromEntries(keys.map((k) => [k, []])));
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
for (let run = -1; run < RUNS; run++) for (const [di, server] of servers.entries()) {
  const ctx = await browser.newContext(MOBILE ? MOBILE_PROFILE.context : DESKTOP);
  await ctx.addInitScript({ content: PROBE });
  await ctx.addInitScript({ content: MARK });
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  if (CPU > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU });
  if (MOBILE) {
    await cdp.send('Network.enable');
    await cdp.send('Network.emulateNetworkConditions', MOBILE_PROFILE.net);
  }
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing', 'loading', 'v8.wasm', 'disabled-by-default-v8.wasm.detailed'] });
  await page.goto(server.url + pagePath, { waitUntil: 'load' });
  await page.evaluate(() => window.__eaBench.settled(500));
  const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
  await ctx.close();
  if (run < 0) continue;
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain'
    && events.some((x) => x.pid === e.pid && x.name === 'RunTask' && x.dur > 1000));
  const mine = events.filter((x) => x.pid === main.pid && x.tid === main.tid);
  const nav = mine.find((e) => e.name === 'navigationStart') ?? events.find((e) => e.name === 'navigationStart');
  const t0 = nav.ts;
  const at = (name) => { const e = events.find((x) => x.name === name && x.pid === main.pid); return e ? (e.ts - t0) / 1000 : NaN; };
  const fcp = at('firstContentfulPaint');
  const ready = at('ea-ready');
  const wasmReq = events.filter((e) => e.name === 'ResourceSendRequest' && /\.wasm/.test(e.args?.data?.url ?? ''));
  const ids = new Set(wasmReq.map((e) => e.args.data.requestId));
  const fin = events.find((e) => e.name === 'ResourceFinish' && ids.has(e.args?.data?.requestId));
  const wasmEnd = fin ? (fin.ts - t0) / 1000 : NaN;
  const tasks = mine.filter((e) => e.name === 'RunTask' && e.ph === 'X').sort((a, b) => a.ts - b.ts);
  const lines = [];
  let cpu = 0; let wall = 0; let n = 0;
  const sums = Object.fromEntries(Object.keys(KINDS).map((k) => [k, 0]));
  for (const e of tasks) {
    const s = (e.ts - t0) / 1000; const d = e.dur / 1000; const c = (e.tdur ?? e.dur) / 1000;
    const end = s + d;
    if (end <= fcp || s >= ready) continue;
    // Clip to the interval.
    const cs = Math.max(s, fcp); const ce = Math.min(end, ready);
    wall += ce - cs; cpu += c * (ce - cs) / d; n++;
    for (const k of mine) {
      if (k.ph !== 'X' || k.ts < e.ts || k.ts + (k.dur || 0) > e.ts + e.dur) continue;
      for (const [kind, names] of Object.entries(KINDS)) if (names.includes(k.name)) sums[kind] += (k.tdur ?? k.dur ?? 0) / 1000;
    }
    if (c < MIN) continue;
    const kinds = new Map();
    for (const k of mine) if (k !== e && k.ph === 'X' && k.name !== 'RunTask' && k.ts >= e.ts && k.ts + (k.dur || 0) <= e.ts + e.dur) kinds.set(k.name, (kinds.get(k.name) || 0) + (k.tdur ?? k.dur ?? 0));
    const top = [...kinds].sort((a, b) => b[1] - a[1]).slice(0, 4).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}`).join(', ');
    lines.push(`  ${s.toFixed(1).padStart(7)} wall ${d.toFixed(1).padStart(5)} cpu ${c.toFixed(1).padStart(5)}  [${top}]`);
  }
  const span = ready - fcp;
  // Thread CPU of the tasks from the wasm's response end to ready (what a slow network
  // adds one for one once the download ends).
  let wasmToReadyCpu = 0;
  for (const e of tasks) {
    const s = (e.ts - t0) / 1000; const d = e.dur / 1000;
    const cs = Math.max(s, wasmEnd); const ce = Math.min(s + d, ready);
    if (ce > cs && d > 0) wasmToReadyCpu += ((e.tdur ?? e.dur) / 1000) * (ce - cs) / d;
  }
  // Script tasks (timers, calls) after ready until the trace ends: what start-up left
  // for after the ready signal.
  let afterReadyCpu = 0;
  for (const e of tasks) {
    if ((e.ts - t0) / 1000 < ready) continue;
    const script = mine.some((k) => k.ph === 'X' && (k.name === 'TimerFire' || k.name === 'FunctionCall') && k.ts >= e.ts && k.ts + (k.dur || 0) <= e.ts + e.dur);
    if (script) afterReadyCpu += (e.tdur ?? e.dur) / 1000;
  }
  const row = { fcp, wasmEnd, ready, fcpToReady: span, wasmToReady: ready - wasmEnd, wasmToReadyCpu, afterReadyCpu, cpu, stretch: wall - cpu, idle: span - wall, tasks: n, ...sums };
  for (const k of keys) summary[di][k].push(row[k]);
  const tag = DISTS.length > 1 ? ` ${path.basename(DISTS[di])}` : '';
  console.log(`run ${run + 1}${tag}: FCP ${fcp.toFixed(0)}, wasm end ${wasmEnd.toFixed(0)}, ready ${ready.toFixed(0)}; wasm end→ready CPU ${wasmToReadyCpu.toFixed(0)}, script CPU after ready ${afterReadyCpu.toFixed(0)}; FCP→ready ${span.toFixed(0)} = task cpu ${cpu.toFixed(0)} + in-task wait ${(wall - cpu).toFixed(0)} + idle ${(span - wall).toFixed(0)} (${n} tasks); of the CPU: ${Object.entries(sums).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(", ")}`);
  if (!QUIET) console.log(lines.join('\n'));
  if (flag('--events')) {
    // Every trace event inside the window's tasks, summed by name (nested ones count in each).
    const all = new Map();
    for (const k of mine) {
      if (k.ph !== 'X' || k.name === 'RunTask') continue;
      const s = (k.ts - t0) / 1000;
      if (s < fcp || s > ready) continue;
      const v = all.get(k.name) || [0, 0];
      all.set(k.name, [v[0] + (k.tdur ?? k.dur ?? 0) / 1000, v[1] + 1]);
    }
    console.log([...all].sort((a, b) => b[1][0] - a[1][0]).slice(0, 30).map(([k, [v, n]]) => `  ${k}: ${v.toFixed(1)} ms in ${n}`).join('\n'));
  }
}
await browser.close();
for (const s of servers) await s.close();
const med = (xs) => { const v = xs.filter((x) => !Number.isNaN(x)).sort((a, b) => a - b); if (!v.length) return '—'; const m = v.length % 2 ? v[(v.length - 1) / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2; return `${m.toFixed(0)} (${v[0].toFixed(0)}–${v.at(-1).toFixed(0)})`; };
console.log(`\n${pagePath} at ${CPU}× CPU, ${RUNS} loads each, ms from navigation, median (min–max)`);
console.log(`| build | ${keys.join(' | ')} |`);
for (const [i, d] of DISTS.entries()) console.log(`| ${path.basename(d)} | ${keys.map((k) => med(summary[i][k])).join(' | ')} |`);
