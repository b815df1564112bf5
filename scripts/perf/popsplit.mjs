// Scratch measurement: click on a marker -> showPopover call -> next frame, at a CPU rate.
// node scripts/perf/popsplit.mjs <dist> [cpu] [reps] [page]
import path from 'node:path'; import fs from 'node:fs';
import { chromium } from 'playwright-core';
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const { startServer } = await import(ROOT + '/tests/e2e/server.mjs');
const { benchPages } = await import(ROOT + '/scripts/perf/pages.mjs');
const [dist, cpuArg, repsArg, pageId = 'standalone'] = process.argv.slice(2);
const cpu = Number(cpuArg || 4); const reps = Number(repsArg || 8);
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
const out = await page.evaluate(async (reps) => {
  const B = window.__eaBench; const res = [];
  const sp = HTMLElement.prototype.showPopover;
  let shown = null; HTMLElement.prototype.showPopover = function (...a) { shown = performance.now(); return sp.apply(this, a); };
  const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
  for (let i = 0; i < reps; i++) {
    const root = B.root(); const ms = root.querySelectorAll('.ea-cite__btn');
    shown = null; let frames = 0; let firstFrame = null;
    const t0 = performance.now();
    let sameTask = true; setTimeout(() => { sameTask = shown !== null; }, 0);
    ms[(i * 7) % ms.length].click();
    const afterClick = performance.now() - t0;
    while (shown === null && frames < 100) { await frame(); frames++; if (firstFrame === null) firstFrame = performance.now() - t0; }
    const tShow = shown - t0;
    await frame();
    await new Promise((r) => { const c = new MessageChannel(); c.port1.onmessage = r; c.port2.postMessage(0); });
    res.push({ clickSync: +afterClick.toFixed(1), show: +tShow.toFixed(1), framesBeforeShow: frames, sameTask, painted: +(performance.now() - t0).toFixed(1) });
    root.querySelector('.ea-popover__close')?.click();
    await B.until((r) => !r.querySelector('.ea-popover'));
    await frame(); await frame();
  }
  return res;
}, reps);
for (const r of out) console.log(JSON.stringify(r));
await browser.close(); await server.close();
