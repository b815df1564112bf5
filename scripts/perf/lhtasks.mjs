// Lighthouse 12 (mobile, simulated throttling, as scripts/perf/lighthouse.mjs runs it) on
// one page of one or more dist/ directories, interleaved run by run (before, after,
// before, …) so machine noise hits them alike, with where its Total Blocking Time comes
// from: the simulated long tasks (≥ 50 ms; those after the simulated FCP count), the
// observed tasks they come from (each with what it spent its time on), and the
// main-thread breakdown (Style & Layout, Script Evaluation).
//
//   node scripts/perf/lhtasks.mjs [--runs N] [--dist DIR[,DIR2,…]] [--path /]
//
// Each server compresses every file once before the first run (as bench.mjs's warm-up
// does), so the wasm's download is not held up by brotli 11 in the first run. It
// asserts nothing: timings are measurements, never tests.
import path from 'node:path';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { MainThreadTasks } from 'lighthouse/core/lib/tracehouse/main-thread-tasks.js';
import { TraceProcessor } from 'lighthouse/core/lib/tracehouse/trace-processor.js';
import { startServer } from '../../tests/e2e/server.mjs';
import { median } from './stats.mjs';
import { opt } from './cli.mjs';

const RUNS = Number(opt('--runs', 6));
const DISTS = opt('--dist', 'dist').split(',').map((d) => path.resolve(d));
const PAGE = opt('--path', '/');
const FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const servers = [];
for (const dist of DISTS) {
  const server = await startServer({ root: dist, compress: true });
  // Warm the server's compression cache: every file the page names.
  const html = await (await fetch(server.url + PAGE, { headers: { 'accept-encoding': 'br' } })).text();
  for (const m of html.matchAll(/(?:href|src)="\.?\/?([\w./-]+\.(?:js|wasm|css))"/g)) {
    await (await fetch(`${server.url}/${m[1]}`, { headers: { 'accept-encoding': 'br' } })).arrayBuffer();
  }
  servers.push({ name: path.basename(dist), server });
}

/**
 * The observed (unthrottled) top-level main-thread tasks of at least 10 ms after the
 * observed FCP, which Lantern turns into its simulated ones (× 4, × 2 when they lay
 * out), each with the trace events it spent the most time in; and the same figures in
 * thread CPU time (trace `tdur`), which a loaded machine inflates much less than wall
 * time: `cpuTbt` is Lantern's rule (multiplier, minus 50 ms, after FCP) applied to CPU
 * time, an estimate of the TBT a quiet machine would show, not Lighthouse's figure.
 */
function observed(trace) {
  const pt = TraceProcessor.processTrace(trace);
  const nav = TraceProcessor.processNavigation(pt);
  const fcp = (nav.timestamps.firstContentfulPaint - pt.timestamps.timeOrigin) / 1000;
  const tasks = MainThreadTasks.getMainThreadTasks(pt.mainThreadEvents, pt.frames, pt.timestamps.traceEnd, pt.timestamps.timeOrigin);
  // Thread time where the event has it (complete events), else wall time.
  const cpu = (t) => (Number.isFinite(t.event.tdur) ? t.event.tdur / 1000 : t.duration);
  const lays = (t) => t.event.name === 'Layout' || t.children.some(lays);
  let cpuTbt = 0;
  let styleLayoutCpu = 0;
  const walkSL = (t) => {
    if (t.event.name === 'Layout' || t.event.name === 'UpdateLayoutTree') styleLayoutCpu += cpu(t);
    else t.children.forEach(walkSL);
  };
  const list = [];
  for (const t of tasks) {
    if (t.parent) continue;
    walkSL(t);
    if (t.endTime < fcp) continue;
    cpuTbt += Math.max(0, cpu(t) * (lays(t) ? 2 : 4) - 50);
    if (t.duration < 10) continue;
    const by = { [t.event.name]: t.selfTime };
    const walk = (n) => { for (const c of n.children) { by[c.event.name] = (by[c.event.name] || 0) + c.selfTime; walk(c); } };
    walk(t);
    const top = Object.entries(by).filter(([, v]) => v >= 1).sort((x, y) => y[1] - x[1]).slice(0, 2)
      .map(([k, v]) => `${k} ${Math.round(v)}`).join(', ');
    list.push(`${Math.round(t.startTime - fcp)}+${Math.round(t.duration)} (cpu ${Math.round(cpu(t))}) [${top}]`);
  }
  return { list, cpuTbt, styleLayoutCpu };
}

async function run(url) {
  const chrome = await chromeLauncher.launch({ chromePath: '/usr/bin/chromium', chromeFlags: FLAGS, logLevel: 'silent' });
  try {
    const { lhr, artifacts } = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
    if (lhr.runtimeError) throw new Error(`lighthouse: ${lhr.runtimeError.code}`);
    const a = (id) => lhr.audits[id];
    const fcp = a('first-contentful-paint').numericValue;
    const debug = a('long-tasks')?.details?.debugData;
    const tasks = (debug?.tasks || []).map((t) => ({ url: debug.urls[t.urlIndex], start: t.startTime, dur: t.duration }));
    const mt = Object.fromEntries((a('mainthread-work-breakdown')?.details?.items || []).map((it) => [it.group, it.duration]));
    return {
      score: Math.round(lhr.categories.performance.score * 100), fcp, lcp: a('largest-contentful-paint').numericValue,
      tbt: a('total-blocking-time').numericValue, cls: a('cumulative-layout-shift').numericValue, styleLayout: mt.styleLayout ?? 0,
      script: mt.scriptEvaluation ?? 0, tasks, ...(({ list, cpuTbt, styleLayoutCpu }) => ({ observed: list, cpuTbt, styleLayoutCpu }))(observed(artifacts.Trace)),
    };
  } finally {
    await chrome.kill();
  }
}

const results = servers.map(() => []);
for (let i = 0; i < RUNS; i++) {
  for (const [j, s] of servers.entries()) {
    const r = await run(s.server.url + PAGE);
    results[j].push(r);
    const long = r.tasks.sort((x, y) => x.start - y.start)
      .map((t) => `${Math.round(t.start)}+${Math.round(t.dur)}${t.start + 1 >= r.fcp ? '' : ' (before FCP)'}`).join(', ');
    console.log(`${s.name} #${i + 1}: score ${r.score} TBT ${Math.round(r.tbt)} LCP ${Math.round(r.lcp)} FCP ${Math.round(r.fcp)} CLS ${r.cls.toFixed(3)} style&layout ${Math.round(r.styleLayout)} script ${Math.round(r.script)} | CPU-time estimates: TBT ${Math.round(r.cpuTbt)} style&layout ${Math.round(r.styleLayoutCpu)}\n  simulated long tasks: ${long}\n  observed tasks after FCP: ${r.observed.join(', ')}`);
  }
}
const fmt = (xs) => `${Math.round(median(xs))} (${Math.round(Math.min(...xs))}–${Math.round(Math.max(...xs))})`;
console.log('\n| dist | score | TBT ms | LCP ms | FCP ms | CLS | Style & Layout ms | Script Evaluation ms | longest task ms | TBT from CPU time ms | Style & Layout CPU ms |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const [j, s] of servers.entries()) {
  const rs = results[j];
  const col = (f) => fmt(rs.map(f));
  console.log(`| ${s.name} | ${col((r) => r.score)} | ${col((r) => r.tbt)} | ${col((r) => r.lcp)} | ${col((r) => r.fcp)} | ${Math.max(...rs.map((r) => r.cls)).toFixed(3)} | ${col((r) => r.styleLayout)} | ${col((r) => r.script)} | ${col((r) => Math.max(0, ...r.tasks.map((t) => t.dur)))} | ${col((r) => r.cpuTbt)} | ${col((r) => r.styleLayoutCpu)} |`);
}
for (const s of servers) s.server.close();
process.exit(0);
