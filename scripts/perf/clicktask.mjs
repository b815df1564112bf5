// Where the click's own task of an interaction goes (a stepped switch: the on-screen
// parts' render), summed over N interactions after a warm-up: inclusive and self time
// per function from a CPU profile (TASKS=timer: its timer tasks over 1.5 ms instead) cut at the click tasks' bounds (a build keeping
// names, `scripts/perf/namedbuild.sh`), and the trace's CPU of those tasks:
//   node scripts/perf/clicktask.mjs <dist> <page id> [kind=audience] [cpu=1] [reps=8]
// It measures; it asserts nothing.
import { openPage, record, profileTree, mainThread } from './clicks.mjs';

const [dist, pageId, kind = 'audience', cpuArg = '1', repsArg = '8'] = process.argv.slice(2);
const ses = await openPage(dist, pageId, kind, Number(cpuArg));
const { r, profile, trace } = await record(ses, kind, Number(repsArg),
  ['devtools.timeline', 'disabled-by-default-devtools.timeline'], 50);
const { byId, parent, short } = profileTree(profile, Number(process.env.NAMEW || 110));
const main = mainThread(trace);
const evs = trace.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X').sort((a, b) => a.ts - b.ts);
const clicks = evs.filter((e) => e.name === 'EventDispatch' && e.args?.data?.type === 'click');
// TASKS=timer: the timer tasks instead (a stepped switch's later steps).
const marks = process.env.TASKS === 'timer' ? evs.filter((e) => e.name === 'TimerFire') : clicks;
const tasks = evs.filter((e) => e.name === 'RunTask' && marks.some((c) => c.ts >= e.ts && c.ts < e.ts + e.dur)
  && (process.env.TASKS !== 'timer' || (e.tdur ?? e.dur) > 1500));
console.log('wall (probe)', JSON.stringify(r[kind].map((x) => Math.round(x))), 'on screen', JSON.stringify((r.audienceOnScreen || []).map((x) => Math.round(x))));
console.log(`${process.env.TASKS || 'click'} tasks (${tasks.length}) CPU`, tasks.map((t) => ((t.tdur ?? t.dur) / 1000).toFixed(1)).join(' '));
// Click → the end of the first frame's commit after it (the main thread hands the
// frame that shows the click's render to the compositor; the probe's figure ends
// after that frame's rendering, a little later).
const commits = evs.filter((e) => e.name === 'Commit');
const toCommit = clicks.map((c) => {
  const task = tasks.find((k) => c.ts >= k.ts && c.ts < k.ts + k.dur);
  const after = task ? task.ts + task.dur : c.ts;
  const inTask = commits.find((e) => e.ts >= c.ts && task && e.ts < after);
  const m = inTask ?? commits.find((e) => e.ts >= after);
  return m ? (m.ts + m.dur - c.ts) / 1000 : null;
});
console.log('click → first commit after its render (ms)', toCommit.map((x) => x?.toFixed(1)).join(' '));
const self = new Map(); const total = new Map(); let all = 0;
let t = profile.startTime;
for (const [i, s] of profile.samples.entries()) {
  t += profile.timeDeltas[i];
  const d = (profile.timeDeltas[i + 1] ?? 0) / 1000;
  if (!tasks.some((k) => t >= k.ts && t < k.ts + k.dur)) continue;
  all += d;
  const nm = short(byId.get(s).callFrame.functionName || `(${byId.get(s).callFrame.url.split('/').pop()})`);
  // UNDER=name: only samples with that function on their stack.
  if (process.env.UNDER) {
    let hit = false;
    for (let x = s; x !== undefined && !hit; x = parent.get(x)) hit = (byId.get(x).callFrame.functionName || '').includes(process.env.UNDER);
    if (!hit) continue;
  }
  self.set(nm, (self.get(nm) || 0) + d);
  const seen = new Set();
  for (let x = s; x !== undefined; x = parent.get(x)) {
    const n2 = short(byId.get(x).callFrame.functionName || '(anon)');
    if (!seen.has(n2)) { seen.add(n2); total.set(n2, (total.get(n2) || 0) + d); }
  }
}
const top = (m, n) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${(v / tasks.length).toFixed(2).padStart(7)}  ${k}`).join('\n');
console.log(`sampled ${(all / tasks.length).toFixed(1)} ms per click task`);
console.log('--- self ms per click\n' + top(self, Number(process.env.SELFN || 30)));
console.log('--- total ms per click\n' + top(total, Number(process.env.TOPN || 60)));
for (const k of tasks.slice(0, 3)) {
  const inner = evs.filter((e) => e.ts >= k.ts && e.ts < k.ts + k.dur && e !== k);
  const by = new Map();
  for (const e of inner) by.set(e.name, (by.get(e.name) || 0) + (e.tdur ?? e.dur) / 1000);
  console.log(((k.tdur ?? k.dur) / 1000).toFixed(1), [...by].sort((x, y) => y[1] - x[1]).slice(0, 10).map(([a, v]) => `${a} ${v.toFixed(1)}`).join(', '));
}
await ses.close();
