// Lighthouse 12 runs (its default mobile configuration: simulated throttling, Moto G
// Power viewport) through the Node API, with Debian's Chromium started by
// chrome-launcher. A fresh browser and profile for every run.
import lighthouse from 'lighthouse';
import * as chromeLauncher from 'chrome-launcher';

const FLAGS = ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/** One Lighthouse performance run of `url`: score (0-100) and lab metrics in ms. */
export async function lighthouseRun(url, chromePath = '/usr/bin/chromium') {
  const chrome = await chromeLauncher.launch({ chromePath, chromeFlags: FLAGS, logLevel: 'silent' });
  try {
    const result = await lighthouse(url, { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance'] });
    const lhr = result.lhr;
    const a = (id) => lhr.audits[id]?.numericValue ?? null;
    if (lhr.runtimeError) throw new Error(`lighthouse: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    // Lantern charges LCP with every request that ended before the LCP it observed on
    // the unthrottled load: whether the wasm (if any) did is the race lhrace.mjs shows.
    const observedLcp = lhr.audits.metrics?.details?.items?.[0]?.observedLargestContentfulPaint ?? null;
    const wasm = (lhr.audits['network-requests']?.details?.items || []).find((x) => /\.wasm$/.test(x.url));
    return {
      observedLcp,
      wasmEnd: wasm ? wasm.networkEndTime : null,
      score: lhr.categories.performance.score === null ? null : Math.round(lhr.categories.performance.score * 100),
      fcp: a('first-contentful-paint'),
      lcp: a('largest-contentful-paint'),
      tbt: a('total-blocking-time'),
      cls: a('cumulative-layout-shift'),
      si: a('speed-index'),
      version: lhr.lighthouseVersion,
    };
  } finally {
    await chrome.kill();
  }
}
