// Embedding in pages we do not control: the custom element under a strict CSP,
// hostile CSS, several instances, the iframe mode, sandboxing and no-WebAssembly.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { setup, until, axe, saveShot, ROOT, DIST, expect } from './helpers.mjs';
import { sri, stampLoader } from '../../scripts/stamp.mjs';

let env;
before(async () => { env = await setup(); });
// Every context closes after each test, passed or failed; the browser and server after the file.
afterEach(async () => { await env?.closePages(); });
after(async () => { await env?.close(); });

/** Opens an example page, recording CSP violations. */
async function open(path, opts) {
  const page = await env.page(opts);
  await page.addInitScript(() => {
    window.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(env.server.url + path);
  return page;
}
async function clean(page) {
  assert.deepEqual(await page.evaluate(() => window.__csp), [], 'CSP violations');
  assert.deepEqual(page.problems.console, [], 'console errors');
  assert.deepEqual(page.problems.pageErrors, [], 'page errors');
  assert.deepEqual(page.problems.offOrigin, [], 'off-origin requests');
}
const widget = (page, id) => page.locator(`evidence-article#${id}`);
const reading = (w) => w.locator('.ea-picker__current strong');

async function interact(w, page) {
  await w.locator('h1.ea-title').waitFor();
  await w.getByLabel('Student', { exact: true }).click();
  await expect(reading(w), 'audience switched').toHaveText('Student');
  const btn = w.locator('.ea-section__toggle').first();
  await btn.click();
  await expect(btn, 'section toggled').toHaveAttribute('aria-expanded', 'false');
  await btn.click();
  await w.locator('.ea-cite__btn').first().click();
  await w.getByRole('dialog').waitFor({ state: 'visible' });
  await page.keyboard.press('Escape');
  await w.getByRole('dialog').waitFor({ state: 'detached' });
}

test('intranet example: both widgets render and work under the strict CSP with hostile CSS', async () => {
  const page = await open('/examples/intranet.html');
  await interact(widget(page, 'aza'), page);
  const second = widget(page, 'aza-src');
  await second.locator('h1.ea-title').waitFor();
  await expect(reading(second), 'audience attribute is the default').toHaveText('Patient or caregiver');
  const follow = second.locator('.ea-followup__btn');
  assert.match(await follow.getAttribute('href'), /^https:\/\/intranet\.example\/ask\?q=What%20is%20the%20role/);
  await page.screenshot({ path: saveShot('intranet.png') });
  await clean(page);
});

test('hostile CSS changes nothing: computed styles equal those on a neutral page', async () => {
  const styles = async (path) => {
    const page = await open(path);
    const w = widget(page, 'aza');
    await w.locator('h1.ea-title').waitFor();
    const props = ['font-family', 'font-size', 'line-height', 'color', 'letter-spacing', 'text-transform', 'background-color', 'border-top-style'];
    const read = (sel) => w.locator(sel).first().evaluate((el, props) => {
      const cs = getComputedStyle(el);
      return Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(p)]));
    }, props);
    const out = { heading: await read('h1.ea-title'), body: await read('#guidelines-body p'), button: await read('.ea-btn'), toggle: await read('.ea-section__toggle') };
    await page.context_.close();
    return out;
  };
  assert.deepEqual(await styles('/examples/intranet.html'), await styles('/examples/neutral.html'));
});

test('a popover inside an overflow:hidden ancestor, under a max z-index sticky header, is fully visible', async () => {
  const page = await open('/examples/intranet.html');
  const w = widget(page, 'aza');
  await w.locator('h1.ea-title').waitFor();
  const m = w.locator('.ea-cite__btn').nth(3);
  await m.scrollIntoViewIfNeeded();
  await m.click();
  const pop = w.locator('.ea-popover');
  await pop.waitFor({ state: 'visible' });
  const hits = await w.evaluate((host) => {
    const p = host.shadowRoot.querySelector('.ea-popover').getBoundingClientRect();
    const pts = [[p.left + 3, p.top + 3], [p.right - 3, p.top + 3], [p.left + 3, p.bottom - 3], [p.right - 3, p.bottom - 3]];
    return pts.map(([x, y]) => !!host.shadowRoot.elementFromPoint(x, y)?.closest('.ea-popover'));
  });
  assert.deepEqual(hits, [true, true, true, true]);
});

test('three instances: independent state, no duplicate ids, events with the right detail', async () => {
  const page = await open('/examples/multi.html');
  const all = page.locator('evidence-article');
  await expect(page.locator('evidence-article h1.ea-title'), 'three rendered').toHaveCount(3);
  await until(async () => (await page.evaluate(() => window.eaEvents.filter((e) => e.type === 'evidence-article:ready').length)) === 3, { message: 'three ready events' });
  const one = widget(page, 'one');
  const two = widget(page, 'two');
  const third = all.nth(2);
  await expect(reading(two)).toHaveText('Nurse, pharmacist or allied health professional');
  await one.getByLabel('Patient or caregiver', { exact: true }).click();
  await expect(reading(one)).toHaveText('Patient or caregiver');
  await expect(reading(two), 'two unchanged').toHaveText('Nurse, pharmacist or allied health professional');
  await expect(reading(third), 'third unchanged').toHaveText('Physician or advanced practice clinician');
  await two.locator('#guidelines-btn').click();
  await expect(two.locator('#guidelines-btn')).toHaveAttribute('aria-expanded', 'false');
  assert.equal(await one.locator('#guidelines-btn').getAttribute('aria-expanded'), 'true');
  const change = await page.evaluate(() => window.eaEvents.filter((e) => e.type === 'evidence-article:audience-change'));
  assert.deepEqual(change, [{ type: 'evidence-article:audience-change', target: 'one', detail: { audience: 'patient' } }]);
  await one.locator('.ea-followup__btn').click();
  const follow = await page.evaluate(() => window.eaEvents.filter((e) => e.type === 'evidence-article:follow-up'));
  assert.equal(follow.length, 1);
  assert.equal(follow[0].target, 'one');
  assert.equal(follow[0].detail.audience, 'patient');
  assert.match(follow[0].detail.question, /^What is the role of Azathioprine/);
  // ids are unique within each tree (document and every shadow root).
  const dupes = await page.evaluate(() => {
    const trees = [document, ...[...document.querySelectorAll('evidence-article')].map((e) => e.shadowRoot)];
    return trees.flatMap((t) => {
      const ids = [...t.querySelectorAll('[id]')].map((e) => e.id);
      return ids.filter((id, i) => ids.indexOf(id) !== i);
    });
  });
  assert.deepEqual(dupes, []);
  await clean(page); // before axe: axe's own injected styles trip the CSP
  const violations = await axe(page);
  assert.deepEqual(violations, [], 'axe on a page with three widgets');
});

test('attributes changed after connection take effect; removal tears down cleanly', async () => {
  const page = await open('/examples/multi.html');
  const third = page.locator('evidence-article').nth(2);
  await third.locator('h1.ea-title').waitFor();
  await third.evaluate((el) => el.setAttribute('audience', 'student'));
  await expect(reading(third), 'audience attribute applied').toHaveText('Student');
  const left = await third.evaluateHandle((el) => { const sr = el.shadowRoot; el.remove(); return sr; });
  await expect(page.locator('evidence-article')).toHaveCount(2);
  // Teardown is observable: the removed element's shadow root no longer holds an article.
  await until(() => left.evaluate((sr) => sr.querySelector('h1.ea-title') === null), { message: 'the removed widget is torn down' });
  await clean(page);
});

test('iframe mode: height follows content; spoofed messages are ignored', async () => {
  const page = await open('/examples/iframe.html');
  const iframe = page.locator('#frame');
  const frame = page.frameLocator('#frame');
  await frame.locator('h1.ea-title').waitFor();
  const inner = () => page.frames().find((f) => f.url().includes('frame.html?audience=patient'))
    .evaluate(() => Math.ceil(document.documentElement.getBoundingClientRect().height));
  const outer = () => iframe.evaluate((f) => f.clientHeight);
  await until(async () => Math.abs((await outer()) - (await inner())) <= 1, { message: 'initial height matches' });
  const noScroll = await page.frames().find((f) => f.url().includes('frame.html?audience=patient'))
    .evaluate(() => document.documentElement.scrollHeight <= innerHeight + 1);
  assert.ok(noScroll, 'no scrollbar inside the frame');
  const before = await outer();
  // Toggle from the parent (same origin) and count animation frames until the
  // iframe's height has changed.
  const frames = await page.evaluate(() => new Promise((resolve) => {
    const f = document.getElementById('frame');
    const h0 = f.clientHeight;
    const shadow = f.contentDocument.querySelector('evidence-article').shadowRoot;
    [...shadow.querySelectorAll('button')].find((b) => b.textContent === 'Collapse all').click();
    let n = 0;
    const tick = () => {
      n += 1;
      if (f.clientHeight !== h0 || n > 120) resolve(f.clientHeight !== h0 ? n : -1);
      else requestAnimationFrame(tick);
    };
    requestAnimationFrame(tick);
  }));
  console.log(`iframe height followed a section toggle after ${frames} animation frame(s)`);
  // A count of frames is a timing on a shared machine: printed above, not asserted.
  assert.ok(frames >= 1, 'the height changed after the toggle');
  await until(async () => (await outer()) < before - 100 && Math.abs((await outer()) - (await inner())) <= 1, { timeout: 2000, message: 'height matches after collapse' });
  const collapsed = await outer();
  // Messages to one window are dispatched in order: when the probe posted after the spoof
  // arrives, the host has already handled (and ignored) the spoof.
  await page.evaluate(() => new Promise((resolve) => {
    window.addEventListener('message', function probe(e) {
      if (e.data === 'probe') { window.removeEventListener('message', probe); resolve(); }
    });
    window.postMessage({ type: 'evidence-article:height', height: 7 }, '*');
    window.postMessage('probe', '*');
  }));
  assert.equal(await outer(), collapsed, 'spoofed message from another window ignored');
  await clean(page);
});

test('sandboxed iframe (localStorage throws): the widget works and switches audience from memory', async () => {
  const page = await open('/examples/iframe.html');
  const frame = page.frameLocator('#sandboxed');
  await frame.locator('h1.ea-title').waitFor();
  await frame.getByLabel('Patient or caregiver', { exact: true }).click();
  await expect(frame.locator('.ea-picker__current strong'), 'switched in sandbox').toHaveText('Patient or caregiver');
  await clean(page);
});

test('a page without wasm-unsafe-eval shows the fallback text', async () => {
  const page = await open('/examples/no-wasm.html');
  const alert = page.locator('evidence-article').first().getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.innerText(), /does not allow WebAssembly/);
});

test('mount API: mount(), setAudience() and destroy() on a host-rendered element', async () => {
  const page = await open('/examples/mount.html');
  const slot = page.locator('#slot');
  await slot.locator('h1.ea-title').waitFor();
  await expect(reading(slot)).toHaveText('Patient or caregiver');
  await page.locator('#student').click();
  await expect(reading(slot), 'setAudience applied').toHaveText('Student');
  assert.equal(await page.evaluate(() => window.eaHandle.setAudience('surgeon')), false, 'unknown audience refused');
  await page.locator('#destroy').click();
  await until(async () => (await slot.evaluate((s) => s.childElementCount)) === 0, { message: 'destroyed' });
  await clean(page);
  assert.deepEqual(await page.context_.cookies(), [], 'no cookies');
});

test('a panic inside one widget shows a message there; the other widgets keep working', async (t) => {
  // The shipped module has no way to panic on purpose: this test serves the
  // test-hooks build (scripts/build-test-hooks.sh) in its place.
  const hooks = path.join(ROOT, 'target', 'test-hooks');
  assert.ok(fs.existsSync(path.join(hooks, 'evidence-article_bg.wasm')), 'run scripts/build-test-hooks.sh first');
  const serve = (file, type) => (_req, res) => {
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
    res.end(fs.readFileSync(path.join(hooks, file)));
  };
  // The shipped embed.js checks the shipped files' hashes: serve one stamped for these.
  const hookFiles = { version: 'test-hooks', glue: 'evidence-article.js', wasm: 'evidence-article_bg.wasm', css: 'evidence-article.css',
    integrity: { glue: sri(fs.readFileSync(path.join(hooks, 'evidence-article.js'))), wasm: sri(fs.readFileSync(path.join(hooks, 'evidence-article_bg.wasm'))),
      css: sri(fs.readFileSync(path.join(DIST, 'evidence-article.css'))) } };
  const loader = stampLoader(fs.readFileSync(path.join(DIST, 'embed.js'), 'utf8'), hookFiles);
  const hookEnv = await setup({ routes: {
    '/embed.js': (_req, res) => { res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' }); res.end(loader); },
    '/evidence-article.js': serve('evidence-article.js', 'text/javascript; charset=utf-8'),
    '/evidence-article_bg.wasm': serve('evidence-article_bg.wasm', 'application/wasm'),
  } });
  t.after(() => hookEnv.close());
  const page = await hookEnv.page();
  await page.goto(hookEnv.server.url + '/examples/multi.html');
  await expect(page.locator('evidence-article h1.ea-title'), 'three rendered').toHaveCount(3);
  const instances = await page.locator('evidence-article').evaluateAll((els) => els.map((e) => e.dataset.eaInstance));
  assert.equal(new Set(instances).size, 3, `one WebAssembly instance per widget: ${instances}`);
  const thrown = await page.locator('evidence-article#two').evaluate(async (el) => {
    const glue = await import(`/evidence-article.js?ea-instance=${el.dataset.eaInstance}`);
    try { glue.__panicForTesting(); return null; } catch (e) { return String(e); }
  });
  assert.match(thrown, /unreachable/i, 'the panic aborted that instance');
  const two = widget(page, 'two');
  const alert = two.getByRole('alert');
  await alert.waitFor();
  assert.match(await alert.innerText(), /stopped working because of an internal error/);
  // The others still respond.
  const one = widget(page, 'one');
  await one.getByLabel('Student', { exact: true }).click();
  await expect(reading(one), 'widget one still works').toHaveText('Student');
  const third = page.locator('evidence-article').nth(2);
  await third.locator('.ea-cite__btn').first().click();
  await third.getByRole('dialog').waitFor({ state: 'visible' });
});
