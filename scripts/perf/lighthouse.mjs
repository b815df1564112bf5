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
    return {
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
