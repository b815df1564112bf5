// The set-up the interaction profilers share (profile-clicks.mjs, timeline.mjs,
// clicktask.mjs): one bench page at 1280×800 with the probe, settled, the CPU
// throttled, one warm-up; then interactions recorded under a trace and a CPU profile
// on the same clock. It measures; it asserts nothing.
import path from 'node:path';
import fs from 'node:fs';
import { chromium } from 'playwright-core';
import { startServer } from '../../tests/e2e/server.mjs';
import { benchPages } from './pages.mjs';

const PROBE = fs.readFileSync(new URL('./probe.js', import.meta.url), 'utf8');

/** Opens bench page `pageId` of `dist` at `cpu`× after 2 warm-up interactions of `kind`: { page, cdp, browser, close }. */
export async function openPage(dist, pageId, kind, cpu) {
  const { files, pages, synth } = benchPages(path.resolve(dist));
  const target = [...pages, ...synth].find((p) => p.id === pageId);
  if (!target) throw new Error(`no bench page "${pageId}"`);
  const server = await startServer({ root: path.resolve(dist), compress: true, files });
  const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  const ctx = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  await ctx.addInitScript({ content: `window.__eaBenchReady = ${JSON.stringify(target.ready)};\n${PROBE}` });
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  await page.goto(server.url + target.path, { waitUntil: 'load' });
  await page.evaluate(() => window.__eaBench.settled());
  if (cpu > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: cpu });
  await page.evaluate((k) => window.__eaBench.interactions(2, k), kind);
  return { page, cdp, browser, close: async () => { await browser.close(); await server.close(); } };
}

/**
 * `reps` interactions of `kind` under a trace of `categories` and a CPU profile sampled
 * every `interval` µs: { r (the probe's figures), profile, trace (its events) }.
 */
export async function record({ page, cdp, browser }, kind, reps, categories, interval) {
  await browser.startTracing(page, { categories });
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval });
  await cdp.send('Profiler.start');
  const r = await page.evaluate(([k, n]) => window.__eaBench.interactions(n, k), [kind, reps]);
  const { profile } = await cdp.send('Profiler.stop');
  const trace = JSON.parse((await browser.stopTracing()).toString()).traceEvents;
  return { r, profile, trace };
}

/** A profile's nodes by id, each node's parent id, and function names shortened (hashes, trait casts) to `width` characters. */
export function profileTree(profile, width) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
  const short = (name) => name.replace(/::h[0-9a-f]{16}/g, '').replace(/<([^<>]*) as [^<>]*>/g, '$1').slice(0, width);
  return { byId, parent, short };
}

/** The trace's renderer main thread (the one with tasks over 1 ms). */
export const mainThread = (trace) => trace.find((e) => e.name === 'thread_name' && e.args?.name === 'CrRendererMain'
  && trace.some((x) => x.pid === e.pid && x.name === 'RunTask' && x.dur > 1000));
