// The request chain of the embedding pages on bench.mjs's mobile profile (4× CPU,
// 562.5 ms RTT, 1.6 Mbps down): when each file's request left and when its last byte
// arrived, beside FCP, LCP and the widgets' ready signal, so a serial round trip shows
// as a file that starts only after another one ended.
//
//   node scripts/perf/chain.mjs [--runs N] [--dist DIR[,DIR2,…]] [--pages intranet,host]
//                               [--variants none,hints]
//
// Pages are bench.mjs's (scripts/perf/pages.mjs). A variant other than `none` serves the
// page with hints from scripts/hints.mjs (`hints`: the snippet's; `wasm`, `glue`,
// `css`: one of them; joined by `+`) added to its head, and with `async` on its
// embed.js script tag if the variant names `async`, generated in memory from the dist's stamped
// embed.js, so a hint can be measured without a rebuild. With several dists or variants
// the cells run interleaved round by round. One warm-up, then N runs (fresh context
// each); medians (min–max), ms from the document's request, as CDP reports them (a
// request a preload served counts once). It asserts nothing: timings are measurements.
import path from 'node:path';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startServer } from '../../tests/e2e/server.mjs';
import { benchPages } from './pages.mjs';
import { CHROMIUM, ARGS, MOBILE } from './profiles.mjs';
import { summary, cell, fmtMs, interleaved } from './stats.mjs';
import { readStamp } from '../stamp.mjs';
import { hintTags } from './hints.mjs';
import { ROOT, opt } from './cli.mjs';

const RUNS = Number(opt('--runs', 5));
const DISTS = opt('--dist', 'dist').split(',').map((d) => path.resolve(ROOT, d));
const PAGES = opt('--pages', 'intranet,host').split(',');
const VARIANTS = opt('--variants', 'none').split(',');
// When embed.js defined the element, and when the document was parsed (page clock).
const DEFINED = `customElements.whenDefined('evidence-article').then(() => { window.__chainDefined = performance.now(); });`;
const PROBE = fs.readFileSync(path.join(path.dirname(fileURLToPath(import.meta.url)), 'probe.js'), 'utf8');

/** The page with `tags` put before its first stylesheet or script in the head. */
const withHints = (html, tags) => html.replace(/(\s*)(<link rel="stylesheet"|<script)/, (_m, ws, tag) => `${ws}${tags.join(ws)}${ws}${tag}`);

const cells = [];
const servers = [];
for (const dist of DISTS) {
  const { files, pages } = benchPages(dist);
  const stamp = readStamp(fs.readFileSync(path.join(dist, 'embed.js'), 'utf8'));
  const extra = {};
  const wanted = [];
  for (const id of PAGES) {
    const page = pages.find((p) => p.id === id);
    if (!page) throw new Error(`no page ${id}`);
    const file = page.path.endsWith('/') ? `${page.path}index.html` : page.path;
    const src = files[page.path] ?? fs.readFileSync(path.join(dist, file), 'utf8');
    for (const v of VARIANTS) {
      if (v === 'none') { wanted.push({ page, v, path: page.path }); continue; }
      const parts = v.split('+');
      const which = v === 'hints' || v === 'hints+async' ? undefined : parts.filter((x) => x !== 'async');
      const p = file.replace(/\.html$/, `.chain-${v}.html`);
      const html = parts.includes('async') ? src.replace('<script type="module" src=', '<script type="module" async src=') : src;
      extra[p] = which?.length === 0 ? html : withHints(html, hintTags(stamp, '../', which));
      wanted.push({ page, v, path: p });
    }
  }
  const server = await startServer({ root: dist, compress: true, files: { ...files, ...extra } });
  servers.push({ server });
  const tag = DISTS.length > 1 ? `${path.basename(dist)} ` : '';
  for (const w of wanted) cells.push({ key: `${tag}${w.page.id}${w.v === 'none' ? '' : ` +${w.v}`}`, target: { ...w.page, path: w.path }, server });
}

const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ARGS });
const short = (url) => {
  const u = new URL(url);
  const base = u.pathname.split('/').pop() || '/';
  return (base.replace(/-[0-9a-f]{16}/, '-H') + u.search).replace(/\.chain-[\w+]+\.html$/, '.html');
};

async function run(c) {
  const ctx = await browser.newContext(MOBILE.context);
  await ctx.addInitScript({ content: `window.__eaBenchReady = ${JSON.stringify(c.target.ready)};\n${PROBE}\n${DEFINED}` });
  const page = await ctx.newPage();
  try {
    const cdp = await ctx.newCDPSession(page);
    await cdp.send('Network.enable');
    const reqs = new Map();
    let t0 = null;
    cdp.on('Network.requestWillBeSent', (e) => {
      if (!e.request.url.startsWith('http')) return;
      if (t0 === null) t0 = e.timestamp;
      reqs.set(e.requestId, { file: short(e.request.url), start: e.timestamp, end: null, type: e.type });
    });
    cdp.on('Network.loadingFinished', (e) => { const r = reqs.get(e.requestId); if (r) r.end = e.timestamp; });
    cdp.on('Network.loadingFailed', (e) => { const r = reqs.get(e.requestId); if (r) { r.end = e.timestamp; r.failed = e.errorText; } });
    await cdp.send('Network.emulateNetworkConditions', MOBILE.net);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: MOBILE.cpu });
    await page.goto(c.server.url + c.target.path, { waitUntil: 'load', timeout: 120000 });
    if ((await page.evaluate(() => window.__eaBench.settled())) === null) throw new Error('not ready within 30 s');
    const m = await page.evaluate(() => window.__eaBench.metrics());
    if (m.error) throw new Error(`the widget shows an error: ${m.error}`);
    Object.assign(m, await page.evaluate(() => ({
      defined: window.__chainDefined ?? null,
      parsed: performance.getEntriesByType('navigation')[0]?.domInteractive ?? null,
      dcl: performance.getEntriesByType('navigation')[0]?.domContentLoadedEventStart ?? null,
      longtasks: window.__eaBench.longtasks,
    })));
    m.requests = [...reqs.values()].map((r) => ({ ...r, start: (r.start - t0) * 1000, end: r.end === null ? null : (r.end - t0) * 1000 }));
    return m;
  } finally {
    await ctx.close();
  }
}

const out = await interleaved(cells, RUNS, run);
await browser.close();
for (const s of servers) await s.server.close();

const med = (xs) => cell(summary(xs), fmtMs);
console.log(`Mobile profile (4× CPU, 562.5 ms RTT, 1.6 Mbps down), ${RUNS} runs per cell, interleaved; medians (min–max), ms from the document's request:\n`);
console.log('| cell | parsed | DOMContentLoaded | element defined | FCP | LCP | interactive | longest task | requests (wasm) |');
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
for (const c of cells) {
  const ms = out[c.key];
  if (!ms.length) continue;
  const n = ms.map((m) => m.requests.length);
  const wasm = ms.map((m) => m.requests.filter((q) => q.file.endsWith('.wasm')).length);
  console.log(`| ${c.key} | ${med(ms.map((m) => m.parsed))} | ${med(ms.map((m) => m.dcl))} | ${med(ms.map((m) => m.defined))} | ${med(ms.map((m) => m.fcp))} | ${med(ms.map((m) => m.lcp))} | ${med(ms.map((m) => m.ready))} | ${med(ms.map((m) => m.longest))} | ${med(n)} (${med(wasm)}) |`);
}
for (const c of cells) {
  const ms = out[c.key];
  if (!ms.length) continue;
  console.log(`\n${c.key}: request start → end per file (Chromium's view: CDP)\n`);
  console.log('| file | start | end |');
  console.log('| --- | --- | --- |');
  const files = [];
  for (const q of ms[0].requests) if (!files.includes(q.file)) files.push(q.file);
  for (const f of files) {
    const rs = ms.map((m) => m.requests.find((q) => q.file === f)).filter(Boolean);
    console.log(`| ${f} | ${med(rs.map((q) => q.start))} | ${med(rs.map((q) => q.end))} |`);
  }
  const lt = ms[0].longtasks ?? [];
  if (lt.length) console.log(`\nfirst run's long tasks (start + duration): ${lt.map((t) => `${Math.round(t.start)}+${Math.round(t.duration)}`).join(', ')}`);
}
