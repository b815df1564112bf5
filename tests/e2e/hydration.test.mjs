// Hydration: the widget attaches to its pre-rendered markup instead of replacing it
// (standalone page and pre-rendered <evidence-article>); a share link or a stored
// audience that differs from the pre-rendered view still opens as linked.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { setup, until, expect } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
// Every context closes after each test, passed or failed; the browser and server after the file.
afterEach(async () => { await env?.closePages(); });
after(async () => { await env?.close(); });

/** Holds the wasm download until `release()` is called. */
async function holdWasm(page) {
  let release;
  const gate = new Promise((r) => { release = r; });
  await page.route('**/*_bg.wasm', async (route) => { await gate; await route.continue(); });
  return () => release();
}

/** Records, from the first byte, layout shifts and element nodes removed under `selector`. */
async function watch(page, selector) {
  await page.addInitScript((sel) => {
    window.__ea = { shift: 0, removed: [] };
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__ea.shift += e.value; })
      .observe({ type: 'layout-shift', buffered: true });
    const start = () => {
      const root = document.querySelector(sel);
      if (!root) return void requestAnimationFrame(start);
      new MutationObserver((ms) => {
        for (const m of ms) for (const n of m.removedNodes) if (n.nodeType === 1) window.__ea.removed.push(n.nodeName);
      }).observe(root, { childList: true, subtree: true });
    };
    document.addEventListener('DOMContentLoaded', start);
  }, selector);
}

/** Records, from the first byte, the ids of elements that sent `ready` and `error`. */
async function recordEvents(page) {
  await page.addInitScript(() => {
    window.__ready = [];
    window.__styleErrors = [];
    document.addEventListener('evidence-article:ready', (e) => window.__ready.push(e.target.id));
    document.addEventListener('evidence-article:error', (e) => window.__styleErrors.push([e.target.id, e.detail.message]));
  });
}

/** Waits until the element with `id` has sent its ready event. */
const untilReady = (page, id) => expect.poll(() => page.evaluate((i) => window.__ready.includes(i), id), { timeout: 20000 }).toBe(true);

test('standalone page: the pre-rendered heading is the same node after the widget is ready; nothing is rebuilt, nothing shifts', async () => {
  const page = await env.page();
  await watch(page, '#evidence-article');
  const release = await holdWasm(page);
  await page.goto(env.server.url + '/');
  const h1 = page.locator('h1.ea-title');
  await h1.waitFor({ state: 'visible' });
  assert.equal(await page.locator('#evidence-article').getAttribute('data-ea-prerendered'), 'physician');
  assert.equal(await page.locator('#evidence-article[data-ea-ready]').count(), 0, 'not interactive before the wasm');
  await h1.evaluate((el) => { el.__eaPainted = true; });
  const before = await page.locator('#evidence-article *').count();
  release();
  await page.locator('#evidence-article[data-ea-ready]').waitFor({ state: 'attached' });
  assert.equal(await h1.evaluate((el) => el.__eaPainted === true), true, 'same heading node');
  assert.equal(await page.locator('.ea-root').count(), 1, 'rendered once');
  const removed = await page.evaluate(() => window.__ea.removed.filter((n) => n !== 'NOSCRIPT'));
  assert.deepEqual(removed, [], 'no pre-rendered element was removed');
  assert.ok(await page.locator('#evidence-article *').count() >= before - 1, 'no content lost');
  assert.equal(await page.evaluate(() => window.__ea.shift), 0, 'CLS 0');
  // Hydrated nodes are live: a citation opens its popover, a section toggles.
  await page.locator('.ea-cite__btn').first().click();
  await page.getByRole('dialog').waitFor({ state: 'visible' });
  await page.keyboard.press('Escape');
  await page.getByRole('dialog').waitFor({ state: 'hidden' });
  const toggle = page.locator('#guidelines-btn');
  await toggle.click();
  await expect(toggle, 'section closed').toHaveAttribute('aria-expanded', 'false');
  assert.deepEqual(page.problems.console, []);
  assert.deepEqual(page.problems.pageErrors, []);
});

test('standalone page: a share link to the patient view opens as linked (rendered afresh, once)', async () => {
  const page = await env.page();
  await page.goto(env.server.url + '/?ea=1;aud:patient;shut:guidelines');
  await page.locator('#evidence-article[data-ea-ready]').waitFor({ state: 'attached' });
  assert.equal(await page.locator('.ea-root').count(), 1);
  assert.equal(await page.locator('.ea-picker__current strong').innerText(), 'Patient or caregiver');
  assert.equal(await page.locator('#guidelines-btn').getAttribute('aria-expanded'), 'false');
  assert.deepEqual(page.problems.pageErrors, []);
});

test('standalone page: a reader whose stored audience is patient gets the patient view', async () => {
  const page = await env.page();
  await page.addInitScript(() => { try { localStorage.setItem('evidence-article:audience', 'patient'); } catch { /* none */ } });
  await page.goto(env.server.url + '/');
  await page.locator('#evidence-article[data-ea-ready]').waitFor({ state: 'attached' });
  assert.equal(await page.locator('.ea-picker__current strong').innerText(), 'Patient or caregiver');
  assert.equal(await page.locator('.ea-root').count(), 1);
});

test('intranet example: the pre-rendered <evidence-article> paints before the wasm and is hydrated, not replaced', async () => {
  const page = await env.page();
  const release = await holdWasm(page);
  await page.goto(env.server.url + '/examples/intranet.html');
  const el = page.locator('#aza');
  const h1 = el.locator('h1.ea-title');
  await h1.waitFor({ state: 'visible' });
  // Styled from the declarative shadow root's stylesheet before any script ran.
  assert.notEqual(await h1.evaluate((e) => getComputedStyle(e).fontFamily), await page.evaluate(() => getComputedStyle(document.body).fontFamily));
  await h1.evaluate((e) => { e.__eaPainted = true; });
  // The listener is in place before the wasm is let through (not raced against it).
  await el.evaluate((e) => { e.__eaReady = new Promise((r) => e.addEventListener('evidence-article:ready', () => r(true), { once: true })); });
  release();
  assert.equal(await el.evaluate((e) => e.__eaReady), true);
  assert.equal(await h1.evaluate((e) => e.__eaPainted === true), true, 'same heading node');
  assert.equal(await el.locator('.ea-root').count(), 1);
  await el.locator('.ea-cite__btn').first().click();
  await el.getByRole('dialog').waitFor({ state: 'visible' });
  assert.deepEqual(page.problems.pageErrors, []);
});

test('pre-rendered <evidence-article> whose stylesheet fails: the article is hydrated and says it is shown without its layout', async () => {
  const page = await env.page();
  await recordEvents(page);
  // The declarative shadow root's stylesheet fails before embed.js runs.
  await page.route('**/evidence-article.css', (route) => route.fulfill({ status: 404, body: 'gone' }));
  await page.goto(env.server.url + '/examples/intranet.html');
  const el = page.locator('#aza');
  // Clicked as soon as it is there, maybe before its section has hydrated: an early
  // click is replayed once it has.
  await el.locator('.ea-cite__btn').first().click();
  await expect(el.getByRole('dialog')).toBeVisible({ timeout: 20000 });
  await untilReady(page, 'aza');
  const note = el.getByRole('status').filter({ hasText: 'styles could not be loaded' });
  await expect(note).toHaveCount(1);
  await expect.poll(() => page.evaluate(() => window.__styleErrors.filter(([id]) => id === 'aza').length)).toBe(1);
  assert.equal(await note.evaluate((p) => Boolean(p.nextElementSibling?.querySelector('h1.ea-title'))), true, 'the note sits above the article, which stays');
});

test('pre-rendered <evidence-article> whose stylesheet loads gets no style note', async () => {
  const page = await env.page();
  await recordEvents(page);
  await page.goto(env.server.url + '/examples/intranet.html');
  const el = page.locator('#aza');
  await untilReady(page, 'aza');
  await page.waitForFunction(() => document.readyState === 'complete');
  assert.equal(await el.locator('.ea-style-note').count(), 0);
});

test('pre-rendered <evidence-article> without JavaScript: readable, sections open, all references listed', async () => {
  const context = await env.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(env.server.url + '/examples/intranet.html');
  const el = page.locator('#aza');
  assert.match(await el.locator('h1.ea-title').innerText(), /^What is the role of Azathioprine/);
  assert.ok(await el.getByText('27% of patients discontinuing treatment due to side effects').isVisible());
  assert.equal(await el.locator('.ea-refs__item').count(), 5);
  await context.close();
});

test('pre-rendered <evidence-article> where WebAssembly is forbidden: the article stays, with the note above it', async () => {
  const page = await env.page();
  await page.goto(env.server.url + '/examples/no-wasm.html');
  const el = page.locator('#prerendered');
  await el.getByRole('alert').waitFor();
  assert.match(await el.getByRole('alert').innerText(), /does not allow WebAssembly/);
  assert.ok(await el.locator('h1.ea-title').isVisible(), 'the article is still there');
  assert.equal(await el.locator('.ea-refs__item').count(), 5);
});

test('pre-rendered <evidence-article> whose inline article is broken: its error panel replaces the pre-render, start-up ends', async () => {
  const page = await env.page();
  // The article is parsed in a task after the one that starts recording clicks on the
  // pre-render: a failure there must still end the start (error panel, no marker left).
  await page.route('**/examples/intranet.html', async (route) => {
    const res = await route.fetch();
    const body = (await res.text()).replace(/(<script type="application\/json">)\{/, '$1{,');
    await route.fulfill({ response: res, body });
  });
  await page.goto(env.server.url + '/examples/intranet.html');
  const el = page.locator('#aza');
  await el.getByRole('alert').waitFor({ timeout: 20000 });
  assert.match(await el.getByRole('alert').innerText(), /not valid JSON/);
  await expect(el.locator('[data-ea-starting]')).toHaveCount(0);
  await expect(el.locator('h1.ea-title')).toHaveCount(0);
  await expect(page.locator('#aza-src h1.ea-title')).toHaveCount(1, { timeout: 20000 });
  assert.deepEqual(page.problems.pageErrors, []);
});

test('standalone page: clicks that land after the wasm started but before hydration are replayed on the hydrated nodes', async () => {
  const page = await env.page();
  // A fake clock holds the start-up's later tasks (timers), so the clicks surely
  // land in between: after the first task (clicks recorded; the article is parsed
  // in the next) and before the hydrating one.
  await page.clock.install({ time: new Date('2026-01-01T10:00:00') });
  await page.clock.pauseAt(new Date('2026-01-01T10:00:01'));
  await page.goto(env.server.url + '/');
  await page.locator('#evidence-article[data-ea-starting]').waitFor({ state: 'attached' });
  assert.equal(await page.locator('#evidence-article[data-ea-ready]').count(), 0, 'not hydrated yet');
  const toggle = page.locator('#guidelines-btn');
  assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
  await toggle.evaluate((el) => { el.__eaEarly = true; });
  await toggle.click();
  await page.locator('.ea-cite__btn').nth(3).click();
  await page.clock.resume();
  await page.locator('#evidence-article[data-ea-ready]').waitFor({ state: 'attached' });
  await until(async () => (await toggle.getAttribute('aria-expanded')) === 'false', { message: 'the early toggle click applied' });
  assert.equal(await toggle.evaluate((el) => el.__eaEarly === true), true, 'same button node');
  await page.getByRole('dialog').waitFor({ state: 'visible' });
  assert.equal(await page.locator('#evidence-article[data-ea-starting]').count(), 0);
  assert.deepEqual(page.problems.pageErrors, []);
  await page.context_.close();
});

test('standalone page: early clicks on the header\'s tools and the audience picker (parts of their own) are replayed on the same nodes', async () => {
  const page = await env.page();
  // Timers held: the clicks land after the wasm started, before any part hydrated.
  await page.clock.install({ time: new Date('2026-01-01T10:00:00') });
  await page.clock.pauseAt(new Date('2026-01-01T10:00:01'));
  await page.goto(env.server.url + '/');
  await page.locator('#evidence-article[data-ea-starting]').waitFor({ state: 'attached' });
  const collapse = page.getByRole('button', { name: 'Collapse all' });
  const radio = page.locator('#audience-patient');
  await collapse.evaluate((el) => { el.__eaEarly = true; });
  await radio.evaluate((el) => { el.__eaEarly = true; });
  await collapse.click();
  await page.getByLabel('Patient or caregiver', { exact: true }).click();
  await page.clock.resume();
  await page.locator('#evidence-article[data-ea-ready]').waitFor({ state: 'attached' });
  await expect(page.locator('.ea-picker__current strong'), 'the early radio click applied').toHaveText('Patient or caregiver');
  assert.equal(await radio.isChecked(), true);
  await expect(page.locator('#guidelines-btn'), 'the early "Collapse all" applied').toHaveAttribute('aria-expanded', 'false');
  assert.equal(await collapse.evaluate((el) => el.__eaEarly === true), true, 'same button node');
  assert.equal(await radio.evaluate((el) => el.__eaEarly === true), true, 'same radio node');
  assert.deepEqual(page.problems.pageErrors, []);
  await page.context_.close();
});

test('standalone page on a slow CPU: clicks before the sections hydrate are replayed once each, after the hydrated buttons listen', async () => {
  const page = await env.page();
  const cdp = await page.context_.newCDPSession(page);
  // Slow enough that Yew's scheduler yields to the browser (after 16 ms) between
  // the hydrating tasks: a replay run before a section has hydrated clicks a dead
  // button, one run while it is live applies the click twice.
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 10 });
  const ids = ['guidelines-btn', 'research-treatment-outcomes-btn', 'cite-17-4'];
  await page.addInitScript((ids) => {
    // Every change of the buttons' aria-expanded, as [id, old value].
    window.__eaChanges = [];
    new MutationObserver((ms) => {
      for (const m of ms) if (ids.includes(m.target.id) && m.oldValue !== m.target.getAttribute('aria-expanded')) window.__eaChanges.push([m.target.id, m.oldValue]);
    }).observe(document, { subtree: true, attributes: true, attributeOldValue: true, attributeFilter: ['aria-expanded'] });
    // Clicks in the task after the wasm has marked the sections as hydrating later
    // (their clicks are recorded from then on): a toggle in each, a marker in the last.
    new MutationObserver((ms, obs) => {
      if (!document.querySelector('[data-ea-deferred] #cite-17-4')) return;
      obs.disconnect();
      setTimeout(() => {
        window.__eaDeferredAtClick = document.querySelectorAll('[data-ea-deferred]').length;
        for (const id of ids) document.getElementById(id).click();
      }, 0);
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-ea-deferred'] });
  }, ids);
  await page.goto(env.server.url + '/');
  await page.locator('#evidence-article[data-ea-ready]').waitFor({ state: 'attached', timeout: 30000 });
  assert.equal(await page.evaluate(() => window.__eaDeferredAtClick), 5, 'clicked before any part (header, picker, two sections, then references, disclaimer and follow-up) hydrated');
  await expect(page.locator('#cite-17-4'), 'the early marker click opened its popover').toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByRole('dialog')).toContainText('Reference 4');
  await expect(page.locator('#guidelines-btn')).toHaveAttribute('aria-expanded', 'false');
  await expect(page.locator('#research-treatment-outcomes-btn')).toHaveAttribute('aria-expanded', 'false');
  const changes = await page.evaluate(() => window.__eaChanges);
  assert.deepEqual(changes.filter(([id]) => id !== 'cite-17-4'), [['guidelines-btn', 'true'], ['research-treatment-outcomes-btn', 'true']], 'each toggle applied once');
  assert.deepEqual(page.problems.pageErrors, []);
});

test('intranet example on a slow CPU: a click on the follow-up button before the part after the sections hydrates is replayed once', async () => {
  const page = await env.page();
  const cdp = await page.context_.newCDPSession(page);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 10 });
  await recordEvents(page);
  await page.addInitScript(() => {
    window.__eaFollowUps = 0;
    document.addEventListener('evidence-article:follow-up', () => { window.__eaFollowUps += 1; });
    // The element's shadow root is out of reach of a document observer: checked
    // once per task until the wasm has marked the part as hydrating later.
    const poll = () => {
      const b = document.getElementById('aza')?.shadowRoot?.querySelector('[data-ea-deferred] .ea-followup__btn');
      if (!b) return void setTimeout(poll, 0);
      window.__eaDeferredAtClick = b.getRootNode().querySelectorAll('[data-ea-deferred]').length;
      b.click();
    };
    poll();
  });
  await page.goto(env.server.url + '/examples/intranet.html');
  await untilReady(page, 'aza');
  assert.ok(await page.evaluate(() => window.__eaDeferredAtClick) >= 1, 'clicked before the part hydrated');
  await until(async () => (await page.evaluate(() => window.__eaFollowUps)) >= 1, { message: 'the early click reported the follow-up question' });
  assert.equal(await page.evaluate(() => window.__eaFollowUps), 1, 'reported once');
  assert.deepEqual(page.problems.pageErrors, []);
});

test('standalone page: the header, the audience picker and the top-level sections (and the glance charts) hydrate later, each in a task of its own, on the same nodes, and take part in every interaction', async () => {
  const page = await env.page();
  // Each task's mutations reach a MutationObserver in one callback: sections that
  // hydrate in tasks of their own arrive in callbacks of their own.
  await page.addInitScript(() => {
    window.__eaBatches = [];
    new MutationObserver((ms) => {
      // Each part by its first element: a section's id, else its first class.
      const ids = ms.filter((m) => m.oldValue !== null && !m.target.hasAttribute('data-ea-deferred'))
        .map((m) => m.target.firstElementChild?.id || m.target.firstElementChild?.classList[0]);
      if (ids.length) window.__eaBatches.push(ids);
    }).observe(document, { subtree: true, attributes: true, attributeOldValue: true, attributeFilter: ['data-ea-deferred'] });
  });
  const release = await holdWasm(page);
  await page.goto(env.server.url + '/');
  const research = page.locator('#research');
  await research.waitFor({ state: 'attached' });
  const below = page.locator('#research-treatment-outcomes-btn');
  await below.evaluate((el) => { el.__eaPainted = true; });
  await research.evaluate((el) => { el.__eaPainted = true; });
  // The charts of "Evidence at a glance": a part of their own inside the section.
  const chart = page.locator('#research-evidence-at-a-glance .ea-glance__source').first();
  await chart.evaluate((el) => { el.__eaPainted = true; });
  const collapse = page.getByRole('button', { name: 'Collapse all' });
  await collapse.evaluate((el) => { el.__eaPainted = true; });
  release();
  await page.locator('#evidence-article[data-ea-ready]').waitFor({ state: 'attached' });
  assert.deepEqual(await page.evaluate(() => window.__eaBatches), [['ea-header'], ['ea-picker'], ['guidelines'], ['research'], ['ea-refs']],
    'one part per task, in order: the header, the audience picker, the sections, then references, disclaimer and follow-up');
  assert.equal(await page.locator('[data-ea-deferred]').count(), 0, 'all hydrated when ready');
  assert.equal(await research.evaluate((el) => el.__eaPainted === true), true, 'same section node');
  assert.equal(await below.evaluate((el) => el.__eaPainted === true), true, 'same button node');
  assert.equal(await chart.evaluate((el) => el.__eaPainted === true), true, 'same chart node');
  assert.equal(await collapse.evaluate((el) => el.__eaPainted === true), true, 'same header button node');
  // Live: its toggle, a citation popover from it, and the audience switch reaches it.
  const before = await below.getAttribute('aria-expanded');
  await below.click();
  await expect(below).toHaveAttribute('aria-expanded', before === 'true' ? 'false' : 'true');
  await page.locator('#research-comparison-with-other-treatments .ea-cite__btn').first().click();
  await page.getByRole('dialog').waitFor({ state: 'visible' });
  await page.keyboard.press('Escape');
  await page.getByRole('dialog').waitFor({ state: 'hidden' });
  const text = await page.locator('#research-azathioprine-in-ild-uip').innerText();
  const charts = await page.locator('.ea-glance').innerText();
  await page.getByLabel('Patient or caregiver', { exact: true }).click();
  await until(async () => (await page.locator('#research-azathioprine-in-ild-uip').innerText()) !== text, { message: 'the patient wording reached a separately hydrated section' });
  await until(async () => (await page.locator('.ea-glance').innerText()) !== charts, { message: 'the patient wording reached the separately hydrated charts' });
  await expect(page.locator('.ea-picker__current strong'), 'the separately hydrated picker follows').toHaveText('Patient or caregiver');
  await collapse.click();
  await expect(page.locator('#guidelines-btn'), 'the separately hydrated header\'s tools work').toHaveAttribute('aria-expanded', 'false');
  assert.equal(await chart.evaluate((el) => el.__eaPainted === true), true, 'the charts updated in place');
  assert.deepEqual(page.problems.pageErrors, []);
  assert.deepEqual(page.problems.console, []);
});

test('standalone page: the glance charts (no control of their own) hydrate after the ready signal, on the same nodes; an audience switch clicked before they hydrated still reaches them', async () => {
  // The charts' wrappers that are Yew roots when the ready signal is set (its
  // MutationObserver callback runs before any later task).
  const roots = () => [...document.querySelectorAll('.ea-glance-host')].map((g) => g.__yew_subtree_id !== undefined);
  const watchReady = () => {
    new MutationObserver(() => {
      const m = document.getElementById('evidence-article');
      if (m?.hasAttribute('data-ea-ready') && !window.__eaAtReady) {
        window.__eaAtReady = [...document.querySelectorAll('.ea-glance-host')].map((g) => g.__yew_subtree_id !== undefined);
      }
    }).observe(document, { subtree: true, attributes: true, attributeFilter: ['data-ea-ready'] });
  };
  const page = await env.page();
  await page.addInitScript(watchReady);
  const release = await holdWasm(page);
  await page.goto(env.server.url + '/');
  const chart = page.locator('#research-evidence-at-a-glance .ea-glance__source').first();
  await chart.evaluate((el) => { el.__eaPainted = true; });
  release();
  await page.locator('#evidence-article[data-ea-ready]').waitFor({ state: 'attached' });
  const atReady = await page.evaluate(() => window.__eaAtReady);
  assert.ok(atReady.length >= 2 && atReady.every((r) => !r), `no charts root at ready (${JSON.stringify(atReady)})`);
  await until(async () => (await page.evaluate(roots)).every(Boolean), { message: 'each source\'s charts hydrate as a root of their own after ready' });
  assert.equal(await chart.evaluate((el) => el.__eaPainted === true), true, 'same chart node');
  assert.deepEqual(page.problems.pageErrors, []);
  assert.deepEqual(page.problems.console, []);

  // Switched before any part hydrated (the click is replayed): the charts follow.
  const early = await env.page();
  // Timers held: the click lands after the wasm started, before any part hydrated.
  await early.clock.install({ time: new Date('2026-01-01T10:00:00') });
  await early.clock.pauseAt(new Date('2026-01-01T10:00:01'));
  await early.goto(env.server.url + '/');
  await early.locator('#evidence-article[data-ea-starting]').waitFor({ state: 'attached' });
  const name = () => early.locator('#research-evidence-at-a-glance svg[role="img"]').first().getAttribute('aria-label');
  const professional = await name();
  const first = early.locator('#research-evidence-at-a-glance .ea-glance__source').first();
  await first.evaluate((el) => { el.__eaPainted = true; });
  await early.getByLabel('Patient or caregiver', { exact: true }).click();
  await early.clock.resume();
  await early.locator('#evidence-article[data-ea-ready]').waitFor({ state: 'attached' });
  await expect(early.locator('.ea-picker__current strong')).toHaveText('Patient or caregiver');
  await until(async () => (await name()) !== professional, { message: 'the charts show the patient wording' });
  assert.equal(await first.evaluate((el) => el.__eaPainted === true), true, 'same chart node');
  assert.deepEqual(early.problems.pageErrors, []);
});

test('intranet example: the pre-rendered element\'s sections hydrate on the same nodes and work', async () => {
  const page = await env.page();
  const release = await holdWasm(page);
  await page.goto(env.server.url + '/examples/intranet.html');
  const el = page.locator('#aza');
  const btn = el.locator('#research-treatment-outcomes-btn');
  await btn.waitFor({ state: 'attached' });
  await btn.evaluate((b) => { b.__eaPainted = true; });
  await el.evaluate((e) => { e.__eaReady = new Promise((r) => e.addEventListener('evidence-article:ready', () => r(true), { once: true })); });
  release();
  assert.equal(await el.evaluate((e) => e.__eaReady), true);
  assert.equal(await el.locator('[data-ea-deferred]').count(), 0, 'all sections hydrated when ready');
  assert.equal(await btn.evaluate((b) => b.__eaPainted === true), true, 'same button node');
  const before = await btn.getAttribute('aria-expanded');
  await btn.click();
  await expect(btn).toHaveAttribute('aria-expanded', before === 'true' ? 'false' : 'true');
  assert.deepEqual(page.problems.pageErrors, []);
});

test('a pre-render from another build (no data-ea-build, as an older CLI made it) is rendered afresh, with a console warning', async () => {
  const page = await env.page();
  const warnings = [];
  page.on('console', (m) => { if (m.type() === 'warning') warnings.push(m.text()); });
  await page.route(env.server.url + '/', async (route) => {
    const res = await route.fetch();
    const body = (await res.text()).replace(/ data-ea-build="[0-9a-f]+"/, '');
    await route.fulfill({ response: res, body });
  });
  const release = await holdWasm(page);
  await page.goto(env.server.url + '/');
  const h1 = page.locator('h1.ea-title');
  await h1.waitFor({ state: 'visible' });
  assert.equal(await page.locator('#evidence-article [data-ea-build]').count(), 0, 'the served pre-render names no build');
  await h1.evaluate((el) => { el.__eaPainted = true; });
  release();
  await page.locator('#evidence-article[data-ea-ready]').waitFor({ state: 'attached' });
  assert.equal(await h1.evaluate((el) => el.__eaPainted === true), false, 'rendered afresh: a new heading node');
  assert.equal(await page.locator('.ea-root').count(), 1, 'rendered once');
  assert.match(await page.locator('.ea-root').getAttribute('data-ea-build'), /^[0-9a-f]{16}$/);
  assert.ok(warnings.some((w) => /another build/.test(w)), `console warning: ${warnings}`);
  const toggle = page.locator('#guidelines-btn');
  await toggle.click();
  await expect(toggle, 'live after the fresh render').toHaveAttribute('aria-expanded', 'false');
  assert.deepEqual(page.problems.pageErrors, []);
});
