// Shared set-up for the end-to-end tests: one Chromium (Debian's, via playwright-core),
// one static server over dist/, and a page that records console errors, page errors
// and every request to another origin. Assertions that wait use @playwright/test's
// web-first `expect` (retries until it holds), re-exported here; no test sleeps.
import { chromium } from 'playwright-core';
import { expect } from '@playwright/test';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from './server.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST = path.join(ROOT, 'dist');
// Tests write screenshots to an ignored folder; `npm run screenshots` (EA_SCREENSHOTS=docs)
// runs the screenshot tests with docs/screenshots/ as the target instead.
export const SHOTS = process.env.EA_SCREENSHOTS === 'docs'
  ? path.join(ROOT, 'docs', 'screenshots')
  : path.join(ROOT, 'test-results', 'screenshots');

export { expect };

const ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
  '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage'];

/** Launches Chromium with a fresh profile. */
export async function launch() {
  // playwright-core gives every launch a fresh, empty profile directory.
  return chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', headless: true, args: ARGS });
}

/**
 * Starts the server and the browser; returns helpers, `closePages()` (every open
 * context: call it from `afterEach`, so a failed test leaks nothing into the next)
 * and `close()` (from `after`, or `t.after` for a per-test environment).
 */
export async function setup({ routes } = {}) {
  if (!fs.existsSync(path.join(DIST, 'index.html'))) throw new Error('dist/ is missing: run scripts/build.sh first');
  const server = await startServer({ root: DIST, routes });
  const browser = await launch();
  return {
    server, browser,
    async page(opts = {}) { return openPage(browser, server, opts); },
    async closePages() { await Promise.all(browser.contexts().map((c) => c.close())); },
    async close() { await browser.close(); await server.close(); },
  };
}

/** A new context + page recording problems in `page.problems`. */
export async function openPage(browser, server, { viewport = { width: 1280, height: 800 }, permissions = [], storage = true } = {}) {
  const context = await browser.newContext({ viewport, reducedMotion: 'reduce' });
  if (permissions.length) await context.grantPermissions(permissions, { origin: server.url });
  const page = await context.newPage();
  const problems = { console: [], pageErrors: [], offOrigin: [] };
  page.on('console', (m) => { if (m.type() === 'error') problems.console.push(m.text()); });
  page.on('pageerror', (e) => problems.pageErrors.push(String(e)));
  page.on('request', (r) => {
    const u = r.url();
    if (!u.startsWith(server.url) && !u.startsWith('data:') && !u.startsWith('blob:') && u !== 'about:blank') problems.offOrigin.push(u);
  });
  page.problems = problems;
  page.context_ = context;
  return page;
}

/**
 * Waits until the widget has rendered its article. On the standalone page the
 * pre-rendered article is visible before any script ran (its stylesheet is inline, so
 * nothing holds the first paint back): wait there until the widget has taken it over,
 * so a test reads the widget's state, not the pre-render's. Clicks during hydration
 * (recorded and replayed once a part has hydrated, src/embed/early.rs) have tests of
 * their own in hydration.test.mjs, on a slowed CPU.
 */
export async function ready(page, root = page) {
  await root.locator('h1.ea-title').first().waitFor({ state: 'visible', timeout: 20000 });
  // Not `[data-ea-prerendered]`: the widget removes that attribute as soon as it
  // starts, long before it is ready, so a test that looked after that went on while
  // the sections were still being rendered (a CI flake).
  if (root === page && await page.locator('#evidence-article').count()) {
    await page.locator('#evidence-article[data-ea-ready]').waitFor({ state: 'attached', timeout: 20000 });
  }
}

export function saveShot(name) {
  fs.mkdirSync(SHOTS, { recursive: true });
  return path.join(SHOTS, name);
}

/**
 * Retries `fn` until it returns truthy (never a blind sleep): Playwright's `expect.poll`,
 * for conditions no locator assertion expresses (URL, clipboard, page state, sums).
 */
export async function until(fn, { timeout = 5000, message = 'condition' } = {}) {
  await expect.poll(async () => Boolean(await fn()), { timeout, message, intervals: [25, 50, 100] }).toBe(true);
}

/** Id of the focused element, looking through shadow roots. */
export async function activeId(page) {
  return page.evaluate(() => {
    let a = document.activeElement;
    while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement;
    return a ? a.id : null;
  });
}

/**
 * Renders (on) or stops rendering (off) what `content-visibility: auto` skips off
 * screen (top-level sections, the reference list), in the page and every shadow root,
 * with the same containment as on screen: checks that measure or hit-test (axe's
 * contrast and target size) then see it as a reader does once it is on screen.
 */
export async function renderOffScreen(page, on) {
  await page.evaluate(onScreenInPage, on);
}

/** The page side of `renderOffScreen` (also injected for the a11y probe, a11y.test.mjs). */
export function onScreenInPage(on) {
  const css = '.ea-body > .ea-section-host > .ea-section, .ea-refs, .ea-article--long .ea-refs__item { content-visibility: visible !important; contain: layout style paint !important; }';
  const places = [document, ...[...document.querySelectorAll('*')].filter((e) => e.shadowRoot).map((e) => e.shadowRoot)];
  for (const p of places) {
    p.adoptedStyleSheets = p.adoptedStyleSheets.filter((x) => !x.__eaOnScreen);
    if (on) { const x = new CSSStyleSheet(); x.replaceSync(css); x.__eaOnScreen = true; p.adoptedStyleSheets = [...p.adoptedStyleSheets, x]; }
  }
}

/** Runs axe (on content as rendered on screen: `renderOffScreen`) and returns its violations (id + targets), for readable failures. */
export async function axe(page, include) {
  const { default: AxeBuilder } = await import('@axe-core/playwright');
  let b = new AxeBuilder({ page });
  if (include) b = b.include(include);
  await renderOffScreen(page, true);
  try {
    const r = await b.analyze();
    return r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 5) }));
  } finally {
    await renderOffScreen(page, false);
  }
}

/** A module importing `imports` (functions of no arguments) and exporting its one function, whose body is `code` (empty unless given), as each of `exports`. */
export function tinyWasm(imports, exports, code = [0x0b]) {
  const str = (s) => [s.length, ...Buffer.from(s)];
  const section = (id, items) => { const body = [items.length, ...items.flat()]; return [id, body.length, ...body]; };
  return Buffer.from([
    0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0,
    ...section(1, [[0x60, 0, 0]]),
    ...section(2, imports.map((n) => [...str('./evidence-article_bg.js'), ...str(n), 0, 0])),
    ...section(3, [[0]]),
    ...section(7, exports.map((n) => [...str(n), 0, imports.length])),
    ...section(10, [[code.length + 1, 0, ...code]]),
  ]);
}
