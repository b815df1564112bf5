// One small page API over three automation protocols, so each smoke test body runs
// unchanged in every engine:
// - Firefox ESR (Debian's /usr/bin/firefox-esr) through puppeteer-core over WebDriver BiDi;
// - WebKitGTK (Debian's MiniBrowser) through selenium-webdriver and WebKitWebDriver,
//   bound to 127.0.0.1 (it needs an X display: run the suite under `xvfb-run -a`);
// - Chromium (/usr/bin/chromium) through puppeteer-core over CDP, as the reference
//   engine the rest of the browser tests already use.
// No browser is downloaded. `EA_ENGINES=firefox,webkit` picks engines (default: all).
//
// Page API: goto(url), run(fn, ...args) (fn runs in the page, may return a promise),
// click(selector) (a real pointer click; `host >>> inner` reaches into a shadow root),
// press(key) (a real key press on the focused element), quit().
import puppeteer from 'puppeteer-core';
import { Builder, Key } from 'selenium-webdriver';
import remote from 'selenium-webdriver/remote/index.js';

const FIREFOX = process.env.FIREFOX || '/usr/bin/firefox-esr';
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const WEBKIT_DRIVER = process.env.WEBKIT_DRIVER || '/usr/bin/WebKitWebDriver';
const MINIBROWSER = process.env.MINIBROWSER || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';

/**
 * Finds the element for `sel` with the probe's lookup (see probe.js) and scrolls it to
 * the middle of the viewport, as a reader would before clicking (a host's sticky
 * header may cover an element the driver's own scrolling leaves at an edge).
 */
const FIND = (sel) => {
  const el = window.__eaProbe.q(sel);
  if (el) el.scrollIntoView({ block: 'center', inline: 'center' });
  return el;
};

/** Wraps a puppeteer browser (Firefox over BiDi, Chromium over CDP). */
async function puppeteerPage(name, browser) {
  const page = await browser.newPage();
  return {
    name,
    async goto(url) { await page.goto(url, { waitUntil: 'load' }); },
    run: (fn, ...args) => page.evaluate(fn, ...args),
    async click(sel) {
      const handle = await page.evaluateHandle(FIND, sel);
      const el = handle.asElement();
      if (!el) { await handle.dispose(); throw new Error(`${name}: no element for ${sel}`); }
      await el.click();
      await el.dispose();
    },
    async press(key) { await page.keyboard.press(key); },
    async quit() { await browser.close(); },
  };
}

async function firefox() {
  // headless Firefox; puppeteer gives it a fresh temporary profile.
  const browser = await puppeteer.launch({ browser: 'firefox', executablePath: FIREFOX, headless: true });
  return puppeteerPage('firefox', browser);
}

async function chromium() {
  const browser = await puppeteer.launch({
    browser: 'chrome', executablePath: CHROMIUM, headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'],
  });
  return puppeteerPage('chromium', browser);
}

const KEYS = { Escape: Key.ESCAPE, Enter: Key.ENTER, Tab: Key.TAB, Space: Key.SPACE };

async function webkit() {
  // Without setHostname the client waits on the machine's other address and times out.
  const service = new remote.DriverService.Builder(WEBKIT_DRIVER).setHostname('127.0.0.1').build();
  const url = await service.start();
  let driver;
  try {
    driver = await new Builder().usingServer(url).withCapabilities({
      browserName: 'MiniBrowser',
      'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
    }).build();
  } catch (e) {
    await service.kill();
    throw e;
  }
  return {
    name: 'webkit',
    async goto(u) { await driver.get(u); },
    async run(fn, ...args) {
      // executeAsyncScript's last argument is the callback; errors come back as data.
      const out = await driver.executeAsyncScript(
        `const done = arguments[arguments.length - 1];
         const args = Array.prototype.slice.call(arguments, 0, -1);
         Promise.resolve().then(() => (${fn})(...args))
           .then((v) => done({ v: v === undefined ? null : v }), (e) => done({ e: String(e && e.stack || e) }));`,
        ...args);
      if (out && out.e) throw new Error(`webkit: in page: ${out.e}`);
      return out ? out.v : out;
    },
    async click(sel) {
      const el = await driver.executeScript(`return (${FIND})(arguments[0]);`, sel);
      if (!el) throw new Error(`webkit: no element for ${sel}`);
      await el.click();
    },
    async press(key) { await driver.actions({ async: true }).sendKeys(KEYS[key] ?? key).perform(); },
    async quit() {
      try { await driver.quit(); } finally { await service.kill(); }
    },
  };
}

const ALL = { firefox, webkit, chromium };

/** The engines to run: `EA_ENGINES` (comma-separated) or all three. */
export function engines() {
  const wanted = (process.env.EA_ENGINES || 'firefox,webkit,chromium').split(',').map((s) => s.trim()).filter(Boolean);
  for (const w of wanted) if (!ALL[w]) throw new Error(`unknown engine ${w} (known: ${Object.keys(ALL).join(', ')})`);
  return wanted.map((name) => ({ name, launch: ALL[name] }));
}

/** Polls `fn` (run on the Node side) until it returns truthy; never a blind sleep. */
export async function until(fn, { timeout = 10000, interval = 50, message = 'condition' } = {}) {
  const end = Date.now() + timeout;
  let last;
  while (Date.now() < end) {
    last = await fn();
    if (last) return last;
    await new Promise((r) => setTimeout(r, interval));
  }
  throw new Error(`timed out after ${timeout} ms waiting for ${message} (last: ${JSON.stringify(last)})`);
}
