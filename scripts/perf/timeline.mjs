// The main thread's tasks of each interaction, in order, from one trace: when each
// starts after the click, its wall and CPU time, what it is (click, timer, frame,
// message, ...) and the largest events inside it, so two pages (or builds) can be
// compared switch by switch:
//   node scripts/perf/timeline.mjs <dist> <page id> [kind=audience] [cpu=4] [reps=4]
// It measures; it asserts nothing.
import { openPage, record, profileTree, mainThread } from './clicks.mjs';

const [dist, pageId, kind = 'audience', cpuArg = '4', repsArg = '4'] = process.argv.slice(2);
const ses = await openPage(dist, pageId, kind, Number(cpuArg));
// A CPU profile at the same time (same clock as the trace): which of our functions
// each task ran (with a build keeping names).
const { r, profile, trace } = await record(ses, kind, Number(repsArg),
  ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink.user_timing'], 100);
// Per sample: its time and the innermost frame naming one of our functions (or Yew's scheduler).
const { byId, parent, short } = profileTree(profile, 90);
const ours = (id) => {
  for (let x = id; x !== undefined; x = parent.get(x)) {
    const nm = byId.get(x).callFrame.functionName || '';
    if (nm.includes('evidence_article') && !nm.includes('closures') && !nm.includes('{{closure}}')) return short(nm);
  }
  for (let x = id; x !== undefined; x = parent.get(x)) {
    const nm = byId.get(x).callFrame.functionName || '';
    if (nm.includes('evidence_article')) return short(nm);
  }
  return null;
};
const samples = [];
{
  let t = profile.startTime;
  for (const [i, s] of profile.samples.entries()) {
    t += profile.timeDeltas[i];
    const next = profile.timeDeltas[i + 1] ?? 0;
    samples.push({ t, dt: next / 1000, who: ours(s), self: short(byId.get(s).callFrame.functionName || `(${byId.get(s).callFrame.url.split('/').pop()})`) });
  }
}
const whoIn = (task) => {
  const m = new Map();
  for (const s of samples) if (s.t >= task.ts && s.t < task.ts + task.dur && s.who) m.set(s.who, (m.get(s.who) || 0) + 1);
  const top = [...m].sort((a, b) => b[1] - a[1]).slice(0, 3).map(([k, v]) => `${k}×${v}`).join(' | ');
  if (!process.env.DETAIL) return top;
  const selfs = new Map();
  for (const s of samples) if (s.t >= task.ts && s.t < task.ts + task.dur) selfs.set(s.self, (selfs.get(s.self) || 0) + s.dt);
  const n = Number(process.env.DETAIL);
  return top + '\n           self: ' + [...selfs].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(' | ');
};
console.log('wall (probe)', JSON.stringify(r[kind].map((x) => Math.round(x))));
const main = mainThread(trace);
const evs = trace.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X').sort((a, b) => a.ts - b.ts);
const tasks = evs.filter((e) => e.name === 'RunTask');
const clicks = evs.filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'click');
const inside = (t) => evs.filter((e) => e.ts >= t.ts && e.ts < t.ts + t.dur && e !== t && e.name !== 'RunTask');
const what = (inner) => {
  const names = new Set(inner.map((e) => e.name));
  if (inner.some((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'click')) return 'click';
  if (names.has('TimerFire')) return 'timer';
  if (names.has('FireAnimationFrame') || names.has('PrePaint') || names.has('Paint')) return 'frame';
  if (names.has('FunctionCall')) return 'call';
  return 'other';
};
for (const [n, c] of clicks.entries()) {
  const t0 = c.ts;
  const end = clicks[n + 1]?.ts ?? t0 + 2e6;
  console.log(`\n#${n + 1}  (probe ${Math.round(r[kind][n])} ms)`);
  let cpuSum = 0;
  for (const t of tasks.filter((x) => x.ts + x.dur >= t0 && x.ts < end && x.ts < t0 + 600e3)) {
    const inner = inside(t);
    const tcpu = (t.tdur ?? t.dur) / 1000;
    if (tcpu < 0.3) continue;
    cpuSum += tcpu;
    const by = new Map();
    for (const e of inner) if (!['FunctionCall', 'EventDispatch', 'TimerFire', 'v8.callFunction'].includes(e.name)) by.set(e.name, (by.get(e.name) || 0) + (e.tdur ?? e.dur) / 1000);
    const top = [...by].sort((x, y) => y[1] - x[1]).slice(0, 5).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ');
    // Layout: objects it had to lay out (dirty) of those in the tree.
    const lay = inner.filter((e) => e.name === 'Layout').map((e) => `${e.args?.beginData?.dirtyObjects ?? '?'}/${e.args?.beginData?.totalObjects ?? '?'}`).join(' ');
    const style = inner.filter((e) => e.name === 'UpdateLayoutTree').map((e) => e.args?.elementCount ?? '?').join(' ');
    console.log(`  +${((t.ts - t0) / 1000).toFixed(0).padStart(4)} ms  wall ${(t.dur / 1000).toFixed(1).padStart(5)}  cpu ${tcpu.toFixed(1).padStart(5)}  ${what(inner).padEnd(6)} ${top}${lay ? `  [layout ${lay}]` : ''}${style ? ` [style ${style}]` : ''}`);
    const who = whoIn(t);
    if (who) console.log(`           ${who}`);
  }
  console.log(`  CPU of these tasks: ${cpuSum.toFixed(1)} ms`);
}
await ses.close();
