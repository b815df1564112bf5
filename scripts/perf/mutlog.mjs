// Scratch: which DOM mutations happen in which frame after an interaction.
// node scripts/perf/mutlog.mjs <dist> <popover|audience|section> [cpu] [page]
import path from 'node:path'; import fs from 'node:fs';
import { chromium } from 'playwright-core';
const ROOT = path.resolve(path.dirname(new URL(import.meta.url).pathname), '../..');
const { startServer } = await import(ROOT + '/tests/e2e/server.mjs');
const { benchPages } = await import(ROOT + '/scripts/perf/pages.mjs');
const [dist, kind, cpuArg, pageId = 'standalone'] = process.argv.slice(2);
const cpu = Number(cpuArg || 1);
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
for (let rep = 0; rep < 3; rep++) {
  const out = await page.evaluate(async ({ kind, rep }) => {
    const B = window.__eaBench; const root = B.root(); const log = [];
    let frameNo = 0;
    const mo = new MutationObserver((rs) => { for (const r of rs) log.push(`f${frameNo} ${r.type} ${r.attributeName || ''} <${r.target.nodeName?.toLowerCase()} ${r.target.className || r.target.id || ''}> +${r.addedNodes.length} -${r.removedNodes.length}`); });
    mo.observe(root, { subtree: true, childList: true, attributes: true, characterData: true });
    const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
    await frame();
    const t0 = performance.now();
    if (kind === 'popover') root.querySelectorAll('.ea-cite__btn')[(rep * 7) % 20].click();
    else if (kind === 'audience') root.querySelector(`input[type="radio"][value="${rep % 2 ? 'physician' : 'patient'}"]`).click();
    else root.querySelector('.ea-section__toggle').click();
    const times = [];
    for (let f = 0; f < 12; f++) { await frame(); frameNo++; times.push(Math.round(performance.now() - t0)); }
    mo.disconnect();
    if (kind === 'popover') { root.querySelector('.ea-popover__close')?.click(); await B.until((r) => !r.querySelector('.ea-popover')); }
    // collapse duplicates
    const c = new Map(); for (const l of log) c.set(l, (c.get(l) || 0) + 1);
    return { times, log: [...c].map(([k, v]) => `${v}x ${k}`) };
  }, { kind, rep });
  console.log('frames at', out.times.join(' '));
  for (const l of out.log.slice(0, 40)) console.log('  ', l);
  if (out.log.length > 40) console.log('   ...', out.log.length);
}
await browser.close(); await server.close();
