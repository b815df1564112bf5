// node timeline.mjs <dist> <page> <kind> [cpu] [reps]
import path from 'node:path'; import fs from 'node:fs';
import { chromium } from 'playwright-core';
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const { startServer } = await import(ROOT + '/tests/e2e/server.mjs');
const { benchPages } = await import(ROOT + '/scripts/perf/pages.mjs');
const [dist, pageId, kind, cpuArg, repsArg] = process.argv.slice(2);
const cpu = Number(cpuArg || 1); const reps = Number(repsArg || 2);
const { files, pages, synth } = benchPages(path.resolve(dist));
const target = [...pages, ...synth].find((p) => p.id === pageId);
const server = await startServer({ root: path.resolve(dist), compress: true, files });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
const PROBE = fs.readFileSync(ROOT + '/scripts/perf/probe.js', 'utf8');
await ctx.addInitScript({ content: `window.__eaBenchReady = ${JSON.stringify(target.ready)};\n${PROBE}` });
const page = await ctx.newPage();
const cdp = await ctx.newCDPSession(page);
await page.goto(server.url + target.path, { waitUntil: 'load' });
await page.evaluate(() => window.__eaBench.settled());
if (cpu > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
await page.evaluate((k) => window.__eaBench.interactions(2, k), kind);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'] });
await cdp.send('Profiler.start');
const r = await page.evaluate((k) => window.__eaBench.interactions(Number(k.reps), k.kind), { kind, reps });
const { profile } = await cdp.send('Profiler.stop');
const trace = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
console.log('wall', JSON.stringify(r));
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map(); for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
const samples = []; let t = profile.startTime;
for (let i = 0; i < profile.samples.length; i++) { t += profile.timeDeltas[i]; samples.push([t, profile.samples[i], (profile.timeDeltas[i + 1] ?? 0) / 1000]); }
const main = trace.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain' && trace.some((x) => x.pid === e.pid && x.name === 'RunTask' && x.dur > 1000));
const evs = trace.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X');
const tasks = evs.filter((e) => e.name === 'RunTask' && (e.tdur ?? e.dur) > 300).sort((a, b) => a.ts - b.ts);
const t0 = tasks[0]?.ts ?? 0;
const short = (s) => s.replace(/::h[0-9a-f]{16}/g, '').replace(/yew::[a-z_:]*::/g, '').replace(/evidence_article::/g, '').slice(0, 140);
const MARK = (process.env.MARK || 'evidence_article').split(',');
for (const task of tasks) {
  const inner = evs.filter((e) => e.ts >= task.ts && e.ts < task.ts + task.dur && e !== task && e.name !== 'RunTask');
  const by = new Map(); for (const e of inner) by.set(e.name, (by.get(e.name) || 0) + (e.tdur ?? e.dur) / 1000);
  const self = new Map(); const ours = new Map();
  for (const [ts, id, d] of samples) {
    if (ts < task.ts || ts > task.ts + task.dur) continue;
    const n = byId.get(id); const nm = n.callFrame.functionName || '(anon)';
    self.set(nm, (self.get(nm) || 0) + d);
    let x = id; const seen = new Set();
    while (x !== undefined) { const f = byId.get(x).callFrame.functionName || ''; if (MARK.some((m) => f.includes(m)) && !seen.has(f)) { seen.add(f); ours.set(f, (ours.get(f) || 0) + d); } x = parent.get(x); }
  }
  const top = (m, n) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${v.toFixed(1)} ${short(k)}`).join(' | ');
  console.log(`@${((task.ts - t0) / 1000).toFixed(0)}ms cpu ${((task.tdur ?? task.dur) / 1000).toFixed(1)} wall ${(task.dur / 1000).toFixed(1)} :: ${[...by].sort((x, y) => y[1] - x[1]).slice(0, 6).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ')}`);
  console.log('   self: ' + top(self, 8));
  console.log('   ours: ' + top(ours, 10));
}
await browser.close(); await server.close();
