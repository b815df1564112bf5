// Lighthouse's simulated LCP against what it observed, run by run: the observed first
// and largest paint of the unthrottled load, and when each script and the wasm was
// requested and ended. Lantern charges LCP with every request that ended before the
// observed LCP, so a wasm that finished downloading before the page's first paint
// (a race on 127.0.0.1) adds its simulated 1.6 Mbps download to LCP:
//   node scripts/perf/lhrace.mjs <dist> [runs=5] [path=/]
// It measures; it asserts nothing.
import path from 'node:path';
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';
import { startServer } from '../../tests/e2e/server.mjs';
import { benchPages } from './pages.mjs';
const dist = path.resolve(process.argv[2]);
const n = Number(process.argv[3] || 5);
const { files } = benchPages(dist);
const server = await startServer({ root: dist, compress: true, files });
const FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];
for (let i = 0; i < n; i++) {
  const chrome = await chromeLauncher.launch({ chromePath: '/usr/bin/chromium', chromeFlags: FLAGS, logLevel: 'silent' });
  const r = await lighthouse(server.url + (process.argv[4] || '/'), { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
  await chrome.kill();
  const a = r.lhr.audits;
  const m = a.metrics.details.items[0];
  const reqs = a['network-requests'].details.items.filter((x) => /wasm|\.js|\.css/.test(x.url)).map((x) => `${x.url.split('/').pop().slice(0, 22)} ${Math.round(x.networkRequestTime)}-${Math.round(x.networkEndTime)}`);
  console.log(`simulated LCP ${Math.round(m.largestContentfulPaint)} | observed FCP ${m.observedFirstContentfulPaint} LCP ${m.observedLargestContentfulPaint} | ${reqs.join(' ; ')}`);
}
await server.close?.();
process.exit(0);
