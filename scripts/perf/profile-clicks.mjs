// Where the time of one interaction goes, for a dist/ built with function names kept
// (wasm-bindgen output of the release .wasm before wasm-opt, e.g. copied over a dist/):
//   node scripts/perf/profile-clicks.mjs <dist> <standalone|synth-200|...> <audience|popover|section> [cpu] [fn]
// Prints a CPU profile (self and total ms per function over 4 interactions after a
// warm-up), the trace's main-thread events (Layout, PrePaint, ...), the costliest
// tasks, and with [fn] the self time of everything called under that function.
// It measures; it asserts nothing.
import { openPage, record, profileTree, mainThread } from './clicks.mjs';

const [dist, pageId, kind, cpuArg] = process.argv.slice(2);
const ses = await openPage(dist, pageId, kind, Number(cpuArg || 1));
const { r, profile, trace } = await record(ses, kind, 4, ['devtools.timeline', 'disabled-by-default-devtools.timeline'], 50);
console.log('wall', JSON.stringify(r[kind]));
// self & total time per function
const { byId, parent } = profileTree(profile, 150);
const self = new Map(); const total = new Map();
const dt = profile.timeDeltas; let i = 0;
for (const s of profile.samples) {
  const d = (dt[i + 1] ?? 0) / 1000; i++;
  const n = byId.get(s); const name = n.callFrame.functionName || `(${n.callFrame.url.split('/').pop()})`;
  self.set(name, (self.get(name) || 0) + d);
  const seen = new Set(); let id = s;
  while (id !== undefined) { const nn = byId.get(id); const nm = nn.callFrame.functionName || '(anon)'; if (!seen.has(nm)) { seen.add(nm); total.set(nm, (total.get(nm) || 0) + d); } id = parent.get(id); }
}
const top = (m, n) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, v]) => `${v.toFixed(1).padStart(8)}  ${k.slice(0, Number(process.env.NAMEW || 150))}`).join('\n');
console.log('--- self ms (4 interactions)\n' + top(self, 45));
console.log('--- total ms\n' + top(total, Number(process.env.TOPN || 70)));
// trace: main thread categories
const main = mainThread(trace);
const evs = trace.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X');
const agg = new Map();
for (const e of evs) agg.set(e.name, (agg.get(e.name) || 0) + (e.tdur ?? e.dur) / 1000);
console.log('--- trace (cpu ms summed by event name, nested counted separately)\n' + top(agg, 25));
const runTasks = evs.filter((e) => e.name === 'RunTask').sort((a, b) => (b.tdur ?? b.dur) - (a.tdur ?? a.dur));
console.log('top tasks', runTasks.slice(0, 10).map((t) => ((t.tdur ?? t.dur) / 1000).toFixed(1)).join(' '));
// The costliest tasks and what the trace shows inside each (event dispatch = a click,
// TimerFire = a later step, FireAnimationFrame = the frame).
for (const task of runTasks.slice(0, 8)) {
  const inner = evs.filter((e) => e.ts >= task.ts && e.ts < task.ts + task.dur && e !== task && e.name !== 'RunTask');
  const by = new Map();
  for (const e of inner) by.set(e.name, (by.get(e.name) || 0) + (e.tdur ?? e.dur) / 1000);
  console.log(((task.tdur ?? task.dur) / 1000).toFixed(1), [...by].sort((x, y) => y[1] - x[1]).slice(0, 6).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', '));
}
// Self time of the functions under one function (argument 5: a name fragment).
const under = process.argv[6];
if (under) {
  const selfUnder = new Map();
  let k = 0;
  for (const s of profile.samples) {
    const d = (profile.timeDeltas[k + 1] ?? 0) / 1000; k++;
    let id = s; let hit = false;
    while (id !== undefined) { if ((byId.get(id).callFrame.functionName || '').includes(under)) { hit = true; break; } id = parent.get(id); }
    if (!hit) continue;
    const nm = byId.get(s).callFrame.functionName || '(anon)';
    selfUnder.set(nm, (selfUnder.get(nm) || 0) + d);
  }
  console.log(`--- self ms under ${under}\n` + top(selfUnder, 30));
}
await ses.close();
