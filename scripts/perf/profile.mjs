// Profiling aid (not a test, not a benchmark): loads one page of a dist/ directory
// (best a copy from scripts/perf/namedbuild.sh, so wasm functions have names), records
// a V8 CPU profile and the trace's main-thread tasks, and prints, for each start-up task
// longer than --min ms (CPU), the functions its samples spent the most time in
// (self time and time under a few chosen "marker" functions).
//   node scripts/perf/profile.mjs --dist /tmp/named [--path /] [--cpu 4] [--top 25]
import path from 'node:path';
import fs from 'node:fs';
import { chromium } from 'playwright-core';
import { startServer } from '../../tests/e2e/server.mjs';
import { benchPages } from './pages.mjs';
import { CHROMIUM, ARGS, DESKTOP } from './profiles.mjs';
import { ROOT, opt } from './cli.mjs';

const dist = path.resolve(ROOT, opt('--dist', 'dist'));
const pagePath = opt('--path', '/');
const TOP = Number(opt('--top', 25));
const MIN = Number(opt('--min', 8));
const RUNS = Number(opt('--runs', 1));
const CPU = Number(opt('--cpu', 1));
const INCL = (opt('--incl', '') || '').split(',').filter(Boolean);
const { files } = benchPages(dist);
const server = await startServer({ root: dist, compress: true, files });
const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
const PROBE = fs.readFileSync(path.join(ROOT, 'scripts/perf/probe.js'), 'utf8');
for (let run = 0; run < RUNS; run++) {
  const ctx = await browser.newContext(DESKTOP);
  await ctx.addInitScript({ content: PROBE });
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  if (CPU > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: CPU });
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  await cdp.send('Profiler.start');
  await page.goto(server.url + pagePath, { waitUntil: 'load' });
  await page.evaluate(() => window.__eaBench.settled(800));
  const { profile } = await cdp.send('Profiler.stop');
  const events = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
  const main = events.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain'
    && events.some((x) => x.pid === e.pid && x.name === 'RunTask' && x.dur > 1000));
  const tasks = events.filter((e) => e.name === 'RunTask' && e.pid === main.pid && e.tid === main.tid && e.ph === 'X')
    .map((e) => ({ ts: e.ts, end: e.ts + e.dur, cpu: (e.tdur ?? e.dur) / 1000,
      kids: events.filter((x) => x.pid === main.pid && x.tid === main.tid && x.ph === 'X' && x !== e && x.ts >= e.ts && x.ts + (x.dur || 0) <= e.ts + e.dur) }))
    .filter((t) => t.cpu >= MIN).sort((a, b) => a.ts - b.ts);
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
  const name = (n) => n.callFrame.functionName || `(anon ${path.basename(n.callFrame.url)}:${n.callFrame.lineNumber})`;
  let t = profile.startTime;
  const samples = profile.samples.map((id, i) => { t += profile.timeDeltas[i]; return { id, t }; });
  for (const task of tasks) {
    const self = new Map();
    const incl = new Map();
    let n = 0;
    for (let i = 0; i < samples.length; i++) {
      const s = samples[i];
      if (s.t < task.ts || s.t > task.end) continue;
      const dt = (samples[i + 1]?.t ?? s.t) - s.t;
      n += dt;
      const node = byId.get(s.id);
      self.set(name(node), (self.get(name(node)) || 0) + dt);
      const seen = new Set();
      for (let id = s.id; id !== undefined; id = parent.get(id)) {
        const nm = name(byId.get(id));
        if (!seen.has(nm)) { seen.add(nm); incl.set(nm, (incl.get(nm) || 0) + dt); }
      }
    }
    console.log(`\n== task at +${((task.ts - tasks[0].ts) / 1000).toFixed(0)} ms: cpu ${task.cpu.toFixed(1)} ms (sampled ${(n / 1000).toFixed(1)} ms)`);
    const kinds = new Map();
    for (const k of task.kids) if (k.name !== 'RunTask') kinds.set(k.name, (kinds.get(k.name) || 0) + (k.tdur ?? k.dur ?? 0));
    console.log('  trace (cpu, nested sums): ' + [...kinds].sort((a, b) => b[1] - a[1]).slice(0, 12).map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}`).join(' | '));
    const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, TOP);
    console.log('  self: ' + top.map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}`).join(' | '));
    const inc = [...incl].filter(([k]) => !INCL.length || INCL.some((p) => k.includes(p))).sort((a, b) => b[1] - a[1]).slice(0, TOP * 2);
    console.log('  inclusive: ' + inc.map(([k, v]) => `${k} ${(v / 1000).toFixed(1)}`).join(' | '));
  }
  await ctx.close();
}
await browser.close();
await server.close();
