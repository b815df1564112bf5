// Size and speed benchmark. Prints figures and ratios against baselines measured in
// the same run; it asserts nothing (timings are not tests).
//   sizes: release wasm/js/css raw, gzip -9, brotli 11; baseline: the seed article as
//          plain text (what the reader actually gets, with no widget at all)
//   speed: navigation → article heading rendered (median of 10) vs a plain HTML page
//          with the same text; click on a citation → popover open (median of 20) vs a
//          native HTML `popovertarget` button on a plain page.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { chromium } from 'playwright-core';
import { startServer } from '../tests/e2e/server.mjs';

const dist = process.argv[2] || 'dist';
const kb = (n) => (n / 1024).toFixed(1) + ' KiB';
const sizes = (buf) => ({
  raw: buf.length,
  gzip: zlib.gzipSync(buf, { level: 9 }).length,
  brotli: zlib.brotliCompressSync(buf, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
});
const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };

// Only the widget's files at the top of dist/: the studio (dist/studio/) is another app
// with its own wasm and is not part of what a host page ships.
const files = fs.readdirSync(dist).filter((f) => /\.(wasm|js|css)$/.test(f));
let total = { raw: 0, gzip: 0, brotli: 0 };
console.log('== sizes (release build) ==');
for (const f of files) {
  const s = sizes(fs.readFileSync(path.join(dist, f)));
  for (const k of Object.keys(total)) total[k] += s[k];
  console.log(`${f.padEnd(34)} raw ${kb(s.raw).padStart(10)}  gzip ${kb(s.gzip).padStart(10)}  brotli ${kb(s.brotli).padStart(10)}`);
}
console.log(`${'total'.padEnd(34)} raw ${kb(total.raw).padStart(10)}  gzip ${kb(total.gzip).padStart(10)}  brotli ${kb(total.brotli).padStart(10)}`);
const seedText = fs.readFileSync('tests/fixtures/azathioprine-ild-uip.txt');
const base = sizes(seedText);
console.log(`baseline: seed article as plain text: raw ${kb(base.raw)}, brotli ${kb(base.brotli)}; widget/baseline (brotli) = ${(total.brotli / base.brotli).toFixed(1)}x`);

// Size guard (a byte count, not a timing): shipped wasm + JS, brotli, may not grow more
// than 2 % over the figure recorded in bench/size-budget.json. Raise that figure only
// in a commit that says which feature earned the bytes.
const budget = JSON.parse(fs.readFileSync('bench/size-budget.json', 'utf8'));
let shipped = 0;
for (const f of files.filter((x) => /\.(wasm|js)$/.test(x))) shipped += sizes(fs.readFileSync(path.join(dist, f))).brotli;
const limit = Math.floor(budget.wasmJsBrotliBytes * 1.02);
console.log(`size guard: wasm + JS ${shipped} bytes brotli; recorded ${budget.wasmJsBrotliBytes}, limit (+2 %) ${limit}; ${(100 * (shipped / budget.wasmJsBrotliBytes - 1)).toFixed(1)} % vs recorded`);
if (shipped > limit) {
  console.error(`size guard FAILED: wasm + JS grew to ${shipped} bytes brotli, more than 2 % over ${budget.wasmJsBrotliBytes} (bench/size-budget.json)`);
  process.exit(1);
}

if (!fs.existsSync('/usr/bin/chromium') || !fs.existsSync(path.join(dist, 'index.html'))) process.exit(0);

const esc = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const lines = seedText.toString().split('\n').filter((l) => l.trim());
const plainPage = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>baseline</title><link rel="icon" href="data:,"></head><body><h1 class="ea-title">${esc(lines[0])}</h1>${lines.slice(1).map((l) => `<p>${esc(l)}</p>`).join('')}
<button id="m" popovertarget="p">1</button><div id="p" popover>Reference 1</div></body></html>`;
const server = await startServer({ root: dist, routes: { '/bench-baseline.html': (req, res) => { res.writeHead(200, { 'content-type': 'text/html' }); res.end(plainPage); } } });
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'] });

// Time from navigation start until `selector` exists, measured in the page.
async function timeTo(url, selector) {
  const out = [];
  for (let i = 0; i < 10; i++) {
    const ctx = await browser.newContext();
    const page = await ctx.newPage();
    await page.addInitScript((sel) => {
      const check = () => {
        if (!window.__t && document.querySelector(sel)) window.__t = performance.now();
        else if (!window.__t) requestAnimationFrame(check);
      };
      new MutationObserver(check).observe(document, { childList: true, subtree: true, attributes: true });
    }, selector);
    await page.goto(url, { waitUntil: 'commit' });
    await page.waitForSelector(selector, { timeout: 20000, state: 'attached' });
    await page.waitForFunction(() => window.__t !== undefined);
    out.push(await page.evaluate(() => window.__t));
    await ctx.close();
  }
  return median(out);
}

async function clickToPopover(url, markerSel, popSel) {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto(url);
  await page.waitForSelector(markerSel);
  const times = await page.evaluate(async ({ markerSel, popSel }) => {
    const out = [];
    const frame = () => new Promise((r) => requestAnimationFrame(() => r()));
    for (let i = 0; i < 20; i++) {
      const m = document.querySelector(markerSel);
      const t0 = performance.now();
      m.click();
      for (let k = 0; k < 200; k++) {
        const p = document.querySelector(popSel);
        if (p && p.matches(':popover-open')) break;
        await new Promise((r) => setTimeout(r, 0));
      }
      await frame();
      out.push(performance.now() - t0);
      m.click(); // close again (toggle)
      await frame();
    }
    return out;
  }, { markerSel, popSel });
  await ctx.close();
  return median(times);
}

const widget = await timeTo(server.url + '/', 'h1.ea-title');
const interactive = await timeTo(server.url + '/', '#evidence-article[data-ea-ready]');
const plain = await timeTo(server.url + '/bench-baseline.html', 'h1.ea-title');
console.log('== speed (headless Chromium, this machine) ==');
console.log(`navigation → article heading in the DOM: widget page ${widget.toFixed(1)} ms (pre-rendered), plain HTML ${plain.toFixed(1)} ms, ratio ${(widget / plain).toFixed(2)}x (median of 10)`);
console.log(`navigation → widget interactive (wasm mounted): ${interactive.toFixed(1)} ms, ratio to plain HTML heading ${(interactive / plain).toFixed(2)}x (median of 10)`);
const wPop = await clickToPopover(server.url + '/', '.ea-cite__btn', '.ea-popover');
const pPop = await clickToPopover(server.url + '/bench-baseline.html', '#m', '#p');
console.log(`click → popover open (next frame): widget ${wPop.toFixed(1)} ms, native HTML popover ${pPop.toFixed(1)} ms, ratio ${(wPop / pPop).toFixed(2)}x (median of 20)`);
await browser.close();
await server.close();
