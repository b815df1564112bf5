// The embed loader against faults and changes: transient network failures of the
// wasm module and of one instance's glue, attribute changes after mounting, frames
// added to an iframe host later, and timers that must not outlive a widget.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { setup, until, DIST, expect } from './helpers.mjs';

// A second article (another title) for `src` changes.
const alt = JSON.parse(fs.readFileSync(path.join(DIST, 'articles/azathioprine-ild-uip.json'), 'utf8'));
alt.question = { professional: 'Second article: the same evidence under another title?', plain: 'Second article: the same evidence under another title?' };
const routes = {
  '/alt-article.json': (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify(alt));
  },
};

// A host page with one element whose article comes from `src`.
const srcPage = (src, attrs = '') => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>src host</title>
<link rel="icon" href="data:,"><script type="module" src="/embed.js"></script></head>
<body><evidence-article id="s" src="${src}" share-state="off"${attrs}></evidence-article></body></html>`;
routes['/src-host.html'] = (_req, res) => {
  res.writeHead(200, { 'content-type': 'text/html' });
  res.end(srcPage('/alt-article.json'));
};
routes['/src-timeout.html'] = (_req, res) => {
  res.writeHead(200, { 'content-type': 'text/html' });
  res.end(srcPage('/held-article.json', ' fetch-timeout="600"'));
};

let env;
before(async () => { env = await setup({ routes }); });
// Every context closes after each test, passed or failed; the browser and server after the file.
afterEach(async () => { await env?.closePages(); });
after(async () => { await env?.close(); });

const CSP_TEXT = /does not allow WebAssembly/;
const NETWORK_TEXT = /could not be loaded: the network or the server did not answer/;

/**
 * Opens `path`, answering the first `failures` requests for `pattern` with 503;
 * returns the page and a live count of requests for it.
 */
async function withFailures(path, pattern, failures, opts) {
  const page = await env.page(opts);
  const seen = { n: 0 };
  await page.route(pattern, (route) => {
    seen.n += 1;
    return seen.n <= failures ? route.fulfill({ status: 503, body: 'busy' }) : route.continue();
  });
  await page.goto(env.server.url + path);
  return { page, seen };
}
const addWidget = (page, id) => page.evaluate((id) => {
  const el = document.createElement('evidence-article');
  el.id = id;
  el.setAttribute('share-state', 'off');
  document.body.append(el);
}, id);
const reading = (w) => w.locator('.ea-picker__current strong');

// The wasm's name carries its content hash (scripts/stamp.mjs).
const WASM = /\/evidence-article-[0-9a-f]{16}_bg\.wasm$/;

test('a 503 for the wasm is retried with backoff: every widget loads, and one added later needs no new request', async () => {
  // An attempt is the checked fetch and, when that fails, a plain one that tells a
  // network failure from changed bytes: two 503s fail the first attempt.
  const { page, seen } = await withFailures('/examples/multi.html', WASM, 2);
  await expect(page.locator('evidence-article h1.ea-title'), 'three rendered after the retry').toHaveCount(3, { timeout: 15000 });
  assert.equal(seen.n, 3, 'one failed attempt (two requests), one retry');
  assert.equal(await page.getByRole('alert').count(), 0, 'no failure message left');
  await addWidget(page, 'late');
  await page.locator('evidence-article#late h1.ea-title').waitFor();
  assert.equal(seen.n, 3, 'the compiled module is reused');
  assert.deepEqual(page.problems.pageErrors, []);
});

test('a lasting network failure shows a network message with "Try again"; a widget added later tries again', async () => {
  const { page, seen } = await withFailures('/examples/neutral.html', WASM, 6);
  const first = page.locator('evidence-article#aza');
  const alert = first.getByRole('alert');
  await alert.waitFor({ state: 'visible', timeout: 15000 });
  assert.match(await alert.innerText(), NETWORK_TEXT);
  assert.match(await alert.innerText(), /503/);
  assert.doesNotMatch(await alert.innerText(), CSP_TEXT, 'not blamed on the page\'s policy');
  assert.equal(seen.n, 6, 'the first attempt and two retries with backoff, two requests each');
  const retry = first.getByRole('button', { name: 'Try again' });
  assert.ok(await retry.isVisible());
  // The failure was not cached: a new widget fetches again, and now gets the module.
  await addWidget(page, 'late');
  await page.locator('evidence-article#late h1.ea-title').waitFor();
  assert.equal(seen.n, 7);
  await retry.click();
  await first.locator('h1.ea-title').waitFor();
  assert.equal(await first.getByRole('alert').count(), 0);
  assert.equal(seen.n, 7, 'Try again reused the module the other widget compiled');
});

test('a failed instance (its glue answered 503) shows "Try again", which makes a new instance', async () => {
  const { page, seen } = await withFailures('/examples/neutral.html', /\/evidence-article-[0-9a-f]{16}\.js\?ea-instance=0$/, 1);
  const w = page.locator('evidence-article#aza');
  await w.getByRole('alert').waitFor({ state: 'visible' });
  assert.match(await w.getByRole('alert').innerText(), NETWORK_TEXT);
  await w.getByRole('button', { name: 'Try again' }).click();
  await w.locator('h1.ea-title').waitFor();
  assert.equal(await w.evaluate((el) => el.dataset.eaInstance), '1');
  assert.equal(seen.n, 2, 'the failed preload and the plain fetch that found its bytes right (a network failure, not a changed file)');
});

test('the CSP refusal keeps its own message and offers no retry', async () => {
  const page = await env.page();
  let wasm = 0;
  page.on('request', (r) => { if (/\.wasm$|\/evidence-article-[0-9a-f]{16}\.js/.test(r.url())) wasm += 1; });
  await page.goto(env.server.url + '/examples/no-wasm.html');
  const w = page.locator('evidence-article').first();
  await w.getByRole('alert').waitFor({ state: 'visible' });
  assert.match(await w.getByRole('alert').innerText(), CSP_TEXT);
  assert.equal(await w.getByRole('button', { name: 'Try again' }).count(), 0);
  assert.equal(await page.locator('evidence-article#prerendered').getByRole('button', { name: 'Try again' }).count(), 0);
  assert.equal(wasm, 0, 'nothing downloaded that cannot run (neither the wasm nor its glue)');
});

test('an audience attribute change applies in place, and the reader\'s own choice still wins', async () => {
  const page = await env.page();
  await page.goto(env.server.url + '/examples/multi.html');
  const third = page.locator('evidence-article').nth(2);
  await third.locator('h1.ea-title').waitFor();
  const toggle = third.locator('#guidelines-btn');
  await toggle.click();
  await expect(toggle, 'collapsed').toHaveAttribute('aria-expanded', 'false');
  await third.evaluate((el) => { el.shadowRoot.querySelector('h1.ea-title').dataset.probe = 'same'; });
  await third.evaluate((el) => el.setAttribute('audience', 'student'));
  await expect(reading(third), 'new default applied').toHaveText('Student');
  assert.equal(await third.locator('h1.ea-title').getAttribute('data-probe'), 'same', 'not re-mounted');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false', 'the reader\'s collapsed section stays collapsed');
  await third.getByLabel('Patient or caregiver', { exact: true }).click();
  await expect(reading(third)).toHaveText('Patient or caregiver');
  await third.evaluate((el) => el.setAttribute('audience', 'nurse'));
  // A change that should not happen has nothing to wait for: queue a reader action
  // after it and wait for that; the widget handles both in order.
  await toggle.click();
  await expect(toggle, 'expanded after the attribute change').toHaveAttribute('aria-expanded', 'true');
  await expect(reading(third), 'the reader\'s choice wins over the new default').toHaveText('Patient or caregiver');
  assert.deepEqual(page.problems.pageErrors, []);
});

test('other attribute changes re-mount with the reader\'s sections, audience and open citation', async () => {
  const page = await env.page();
  await page.goto(env.server.url + '/examples/multi.html');
  const one = page.locator('evidence-article#one');
  await one.locator('h1.ea-title').waitFor();
  await one.evaluate((el) => el.setAttribute('share-state', 'off'));
  await one.locator('h1.ea-title').waitFor();
  await one.getByLabel('Student', { exact: true }).click();
  const toggle = one.locator('#guidelines-btn');
  await toggle.click();
  await expect(toggle, 'collapsed').toHaveAttribute('aria-expanded', 'false');
  await one.locator('.ea-cite__btn:visible').nth(1).click();
  await one.getByRole('dialog').waitFor({ state: 'visible' });
  const before = await one.getByRole('dialog').innerText();
  await one.evaluate((el) => el.setAttribute('follow-up-href', 'https://example.org/ask'));
  await expect(one.locator('.ea-followup__btn'), 'new follow-up link').toHaveAttribute('href', /^https:\/\/example\.org\/ask/);
  await expect(reading(one)).toHaveText('Student');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
  await one.getByRole('dialog').waitFor({ state: 'visible' });
  assert.equal(await one.getByRole('dialog').innerText(), before, 'the same citation is open');
});

test('a src change shows the new article with nothing of the old one: no popover, default sections, no stale URL state', async () => {
  const page = await env.page();
  await page.goto(env.server.url + '/examples/intranet.html');
  const w = page.locator('evidence-article#aza-src');
  await w.locator('h1.ea-title').waitFor();
  const toggle = w.locator('#guidelines-btn');
  await toggle.click();
  await expect(toggle, 'collapsed').toHaveAttribute('aria-expanded', 'false');
  await w.locator('.ea-cite__btn:visible').first().click();
  await w.getByRole('dialog').waitFor({ state: 'visible' });
  await expect(page, 'state in the URL').toHaveURL(/ea-aza-src=[^&#]*cite/);
  await w.evaluate((el) => el.setAttribute('src', '/alt-article.json'));
  await expect(w.locator('h1.ea-title'), 'new article').toHaveText(/^Second article/);
  assert.equal(await w.getByRole('dialog').count(), 0, 'no popover carried over');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true', 'sections at the new article\'s defaults');
  await expect(reading(w), 'the host default audience').toHaveText('Patient or caregiver');
  await expect(page, 'old state gone from the URL').not.toHaveURL(/ea-aza-src=[^&#]*(cite|shut)/);
  assert.deepEqual(page.problems.pageErrors, []);
});

/**
 * Holds every request for the wasm until `release()`; counts the requests whose path
 * is `wanted` (or matches it, a RegExp).
 * @param {string | RegExp} wanted
 */
async function holdWasm(page, wanted) {
  let release;
  const held = new Promise((r) => { release = r; });
  await page.route(WASM, async (route) => { await held; await route.continue(); });
  const asked = { n: 0 };
  page.on('request', (r) => {
    const p = new URL(r.url()).pathname;
    if (typeof wanted === 'string' ? p === wanted : wanted.test(p)) asked.n += 1;
  });
  return { asked, release };
}

test('each widget\'s glue is requested while the wasm downloads', async () => {
  const page = await env.page();
  const { asked, release } = await holdWasm(page, /\/evidence-article-[0-9a-f]{16}\.js$/);
  await page.goto(env.server.url + '/examples/multi.html');
  await until(() => asked.n === 3, { message: 'three glue copies requested before the wasm arrived' });
  release();
  await expect(page.locator('evidence-article h1.ea-title'), 'three rendered').toHaveCount(3, { timeout: 15000 });
  assert.equal(asked.n, 3, 'one glue copy per widget');
});

test('a src article is requested while the wasm downloads, and only once', async () => {
  const page = await env.page();
  const { asked, release } = await holdWasm(page, '/alt-article.json');
  await page.goto(env.server.url + '/src-host.html');
  await until(() => asked.n === 1, { message: 'the article requested before the wasm arrived' });
  release();
  await expect(page.locator('evidence-article h1.ea-title'), 'the article rendered').toHaveText(/^Second article/, { timeout: 15000 });
  assert.equal(asked.n, 1, 'the widget took the loader\'s request over instead of asking again');
  assert.deepEqual(page.problems.pageErrors, []);
});

test('the loader\'s request keeps the fetch timeout and its message; "Try again" asks afresh', async () => {
  const page = await env.page();
  const { asked, release } = await holdWasm(page, '/held-article.json');
  let answer = false;
  await page.route('**/held-article.json', (route) => (answer
    ? route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(alt) })
    : undefined)); // not answered: the request hangs until aborted
  await page.goto(env.server.url + '/src-timeout.html');
  await until(() => asked.n === 1, { message: 'the article requested before the wasm arrived' });
  release();
  const w = page.locator('evidence-article');
  await expect(w.getByRole('alert'), 'the timeout message').toContainText('took longer than 600 milliseconds', { timeout: 15000 });
  answer = true;
  await w.getByRole('button', { name: 'Try again' }).click();
  await expect(w.locator('h1.ea-title'), 'the article after Try again').toHaveText(/^Second article/);
  assert.equal(asked.n, 2, 'one request from the loader, one from Try again');
});

test('a stylesheet slower than the wasm: the article waits for it and first shows styled (no unstyled flash that then moves)', async () => {
  const page = await env.page();
  // Every frame until an article title shows: then note whether its stylesheet had loaded.
  await page.addInitScript(() => {
    window.__firstShown = null;
    const tick = () => {
      const root = document.querySelector('evidence-article')?.shadowRoot;
      if (root?.querySelector('h1.ea-title')) {
        const sheet = root.querySelector('link[rel=stylesheet]')?.sheet;
        window.__firstShown = { styled: Boolean(sheet && sheet.cssRules.length > 0) };
      } else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  });
  // The sheet arrives only once the widget's module is ready and the loader says it
  // waits for the sheet (an old loader never waits, so the article would show first).
  await page.route(/\/evidence-article-[0-9a-f]{16}\.css$/, async (route) => {
    await page.locator('evidence-article[data-ea-instance][data-ea-styling]').waitFor({ state: 'attached', timeout: 20000 });
    await route.continue();
  });
  await page.goto(env.server.url + '/examples/neutral.html');
  await expect.poll(() => page.evaluate(() => window.__firstShown), { timeout: 20000 }).toEqual({ styled: true });
  assert.equal(await page.locator('evidence-article .ea-style-note').count(), 0, 'no style note: the sheet loaded');
  await expect(page.locator('evidence-article'), 'no longer waiting').not.toHaveAttribute('data-ea-styling', /.*/);
});

test('iframe host: a frame added later and a frame whose src moves to another origin are both sized', async () => {
  const page = await env.page();
  // Without the host page's CSP, so a frame may come from the second origin.
  await page.goto(env.server.url + '/examples/iframe.html?nocsp');
  await page.frameLocator('#frame').locator('h1.ea-title').waitFor();
  const height = (sel) => page.locator(sel).evaluate((f) => f.clientHeight);
  await page.evaluate(() => {
    const f = document.createElement('iframe');
    f.id = 'late';
    f.title = 'Evidence article added later';
    f.setAttribute('data-evidence-article', '');
    f.src = '../frame.html?audience=student';
    document.querySelector('main').append(f);
  });
  await page.frameLocator('#late').locator('h1.ea-title').waitFor();
  await until(async () => (await height('#late')) > 1000, { timeout: 10000, message: 'the late frame is sized to its content' });
  const other = env.server.url.replace('127.0.0.1', 'localhost');
  await page.locator('#frame').evaluate((f, u) => { f.style.height = '150px'; f.src = `${u}/frame.html?audience=nurse`; }, other);
  await page.frameLocator('#frame').locator('h1.ea-title').waitFor();
  await until(async () => (await height('#frame')) > 1000, { timeout: 10000, message: 'the moved frame is sized from its new origin' });
});

test('a destroyed widget leaves no timer behind (the back-link flash)', async () => {
  // Motion allowed, so a marker reached by a back-link flashes (a 1.6 s timer).
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.addInitScript(() => {
    const pending = new Map();
    const set = window.setTimeout;
    const clear = window.clearTimeout;
    window.setTimeout = (fn, ms, ...args) => {
      const id = set((...a) => { pending.delete(id); return typeof fn === 'function' ? fn(...a) : undefined; }, ms, ...args);
      pending.set(id, ms);
      return id;
    };
    window.clearTimeout = (id) => { pending.delete(id); return clear(id); };
    window.__pendingTimers = () => [...pending.values()];
  });
  await page.goto(env.server.url + '/examples/mount.html');
  const slot = page.locator('#slot');
  await slot.locator('h1.ea-title').waitFor();
  const back = slot.locator('.ea-backlink').first();
  await back.scrollIntoViewIfNeeded();
  await back.click();
  await expect(slot.locator('.ea-cite__btn.ea-flash'), 'the marker flashes').toHaveCount(1);
  assert.ok((await page.evaluate(() => window.__pendingTimers())).includes(1600), 'flash timer running');
  await page.locator('#destroy').click();
  await until(async () => (await slot.evaluate((s) => s.childElementCount)) === 0, { message: 'destroyed' });
  assert.deepEqual(await page.evaluate(() => window.__pendingTimers().filter((ms) => ms > 0)), [], 'timers left running after destroy');
  assert.deepEqual(errors, []);
  await context.close();
});
