// Start-up without a pre-render (issue 11, no long tasks): an <evidence-article> with
// inline JSON and nothing pre-rendered builds its shell and first sections in one
// task and the other top-level sections in later ones, in order, below what is
// shown; `ready` fires once all are there; a share link to a section deep in the
// article still lands there; the reader can switch audience meanwhile; removing the
// element mid-way stops the rest.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { setup, until, expect } from './helpers.mjs';
import { synthArticle, inlineJson } from '../../scripts/perf/synth.mjs';

const N = 120;
const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Synthetic ${N}</title>
<link rel="icon" href="data:,"><script type="module" src="../embed.js"></script></head>
<body><main><evidence-article id="synth"><script type="application/json">${inlineJson(synthArticle(N))}</script></evidence-article></main></body></html>`;
const serve = (body) => (_req, res) => { res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }); res.end(body); };
// The seed article (embedded in the wasm) in an empty element: a host page without a pre-render.
const hostHtml = html.replace(/<evidence-article id="synth">[\s\S]*<\/evidence-article>/, '<evidence-article></evidence-article>');
const SECTIONS = '.ea-body > .ea-section-host > section';

let env;
before(async () => {
  env = await setup({ routes: { '/examples/startup-synth.html': serve(html), '/examples/startup-host.html': serve(hostHtml) } });
});
afterEach(async () => { await env?.closePages(); });
after(async () => { await env?.close(); });

/**
 * From the first byte: layout shifts; a MutationObserver on the widget's shadow root
 * recording, at each callback, how many sections exist, whether the references are
 * displayed, and the task it runs in (`epoch`: a message posted from the callback
 * ends it, so callbacks of one task share one); the section count when `ready`
 * fires. `act(sr, n)` runs in each callback (n: sections so far).
 */
async function watch(page, act = '') {
  await page.addInitScript(({ sel, act }) => {
    const w = (window.__ea = { shift: 0, seen: [], readyAt: null, done: false, epoch: 0 });
    new PerformanceObserver((l) => { for (const e of l.getEntries()) w.shift += e.value; })
      .observe({ type: 'layout-shift', buffered: true });
    const step = new Function('sr', 'n', act);
    const ch = new MessageChannel();
    let pinged = false;
    ch.port1.onmessage = () => { w.epoch++; pinged = false; };
    const attach = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function (init) {
      const sr = attach.call(this, init);
      new MutationObserver(() => {
        if (w.done) return;
        const n = sr.querySelectorAll(sel).length;
        const refs = sr.querySelector('.ea-refs');
        if (n) w.seen.push({ n, epoch: w.epoch, refs: !!refs && getComputedStyle(refs).display !== 'none' });
        if (!pinged) { pinged = true; ch.port2.postMessage(0); }
        step(sr, n);
      }).observe(sr, { childList: true, subtree: true });
      return sr;
    };
    document.addEventListener('evidence-article:ready', (e) => {
      w.readyAt = e.target.shadowRoot.querySelectorAll(sel).length;
      w.done = true;
    });
  }, { sel: SECTIONS, act });
}

test('no pre-render: sections arrive over several tasks, in order, below the shell; ready once all are there; nothing shifts', async () => {
  const page = await env.page();
  await watch(page);
  await page.goto(env.server.url + '/examples/startup-synth.html');
  await until(() => page.evaluate(() => window.__ea.done), { timeout: 20000, message: 'ready' });
  const w = await page.evaluate(() => window.__ea);
  assert.equal(w.readyAt, N, 'ready fires once every section is there');
  const partial = w.seen.filter((s) => s.n < N);
  assert.ok(partial.length >= 1, `the article was seen partly rendered (${JSON.stringify(w.seen.slice(0, 5))})`);
  assert.ok(new Set(w.seen.map((s) => s.epoch)).size >= 2, 'sections were added in more than one task');
  assert.ok(w.seen.every((s, i) => i === 0 || s.n >= w.seen[i - 1].n), 'sections are only added');
  assert.deepEqual(partial.filter((s) => s.refs), [], 'the references wait until the sections are all there');
  const ids = await page.locator('evidence-article').evaluate((el, sel) =>
    [...el.shadowRoot.querySelectorAll(sel)].map((s) => s.id.replace(/^ea\d+-/, '')), SECTIONS);
  assert.deepEqual(ids, Array.from({ length: N }, (_, i) => `s-${String(i + 1).padStart(3, '0')}`), 'document order');
  await expect(page.locator('evidence-article .ea-refs')).toBeVisible();
  assert.equal(w.shift, 0, 'CLS 0');
  assert.deepEqual(page.problems.pageErrors, []);
  assert.deepEqual(page.problems.console, []);
});

test('no pre-render: a share link to a closed section deep in the article opens it and scrolls there; its citation popover opens', async () => {
  const page = await env.page();
  // s-099 is closed by default (every third section); reference 170 is first cited
  // in a section rendered after the first task.
  await page.goto(env.server.url + '/examples/startup-synth.html?ea-synth=1;at:s-099;cite:170');
  const target = page.locator('evidence-article section[id$="s-099"]');
  await expect(page.locator('evidence-article button[id$="s-099-btn"]')).toHaveAttribute('aria-expanded', 'true', { timeout: 20000 });
  await expect(target).toBeInViewport();
  await expect(page.getByRole('dialog')).toBeVisible();
  assert.deepEqual(page.problems.pageErrors, []);
});

test('no pre-render: the reader switches audience while sections are still arriving; every section ends in the new one', async () => {
  const page = await env.page();
  // As soon as some but not all sections are there: pick "patient".
  await watch(page, `if (n > 0 && n < ${N} && !window.__eaSwitched) {
    const r = sr.querySelector('input[value="patient"]');
    if (r) { r.click(); window.__eaSwitched = n; }
  }`);
  await page.goto(env.server.url + '/examples/startup-synth.html');
  await until(() => page.evaluate(() => window.__ea.done), { timeout: 20000, message: 'ready' });
  assert.ok(await page.evaluate(() => window.__eaSwitched > 0), 'switched while filling');
  const widget = page.locator('evidence-article');
  await expect(widget.locator('.ea-section__title', { hasText: 'synthetic heading' })).toHaveCount(0, { timeout: 20000 });
  await expect(widget.locator('.ea-section__title', { hasText: /^Part \d+ in plain words$/ })).toHaveCount(N);
  await expect(widget.locator('input[value="patient"]')).toBeChecked();
  assert.deepEqual(page.problems.pageErrors, []);
  assert.deepEqual(page.problems.console, []);
});

test('no pre-render: removing the element while sections are still arriving stops the rest, without an error', async () => {
  const page = await env.page();
  await watch(page, `if (n > 0 && n < ${N} && !window.__eaGone) {
    window.__eaGone = { n, empty: [...sr.querySelectorAll('.ea-body > .ea-section-host:empty')] };
    window.__ea.done = true;
    sr.host.remove();
  }`);
  await page.goto(env.server.url + '/examples/startup-synth.html');
  await until(() => page.evaluate(() => !!window.__eaGone), { timeout: 20000, message: 'removed mid-way' });
  // Fifty more tasks (turns of the task queue, not a timed wait), then look.
  const after = await page.evaluate(async () => {
    await new Promise((r) => { let k = 0; const t = () => (++k > 50 ? r() : setTimeout(t, 0)); t(); });
    const g = window.__eaGone;
    return { left: g.empty.length, filled: g.empty.filter((w) => w.childElementCount > 0).length, ready: window.__ea.readyAt };
  });
  assert.ok(after.left > 0, 'some sections were still to come');
  assert.equal(after.filled, 0, 'none rendered after removal');
  assert.equal(after.ready, null, 'no ready event');
  assert.deepEqual(page.problems.pageErrors, []);
  assert.deepEqual(page.problems.console, []);
});

/**
 * The wrappers of the parts that fill one by one (the header, the audience picker,
 * the top-level sections: `section_host/fill.rs`'s PARTS, without the tail's, which
 * comes after the body), as `[filled, root]` pairs: whether it has content, and
 * whether it is the host of a Yew root of its own (Yew brands a root's host element
 * with `__yew_subtree_id`; a part rendered in the article's tree is not one).
 */
const PARTS_STATE = `[...sr.querySelectorAll('.ea-article > .ea-section-host, .ea-body > .ea-section-host')]
  .filter((w) => !w.matches('.ea-body ~ .ea-section-host'))
  .map((w) => [w.childElementCount > 0, w.__yew_subtree_id !== undefined])`;

test('no pre-render: the header, the picker, the sections and each source\'s charts render in roots of their own, in document order, as when hydrating; nothing after charts still to come is shown', async () => {
  const page = await env.page();
  await page.addInitScript((expr) => {
    const w = (window.__ea = { states: [], done: false, emptyCharts: 0, charts: 0 });
    const attach = Element.prototype.attachShadow;
    Element.prototype.attachShadow = function (init) {
      const sr = attach.call(this, init);
      const state = new Function('sr', `return ${expr}`);
      new MutationObserver(() => {
        if (w.done) return;
        const s = state(sr).map(([filled]) => (filled ? 1 : 0)).join('');
        if (s && s !== w.states.at(-1)) w.states.push(s);
        // What follows an empty charts wrapper in its section, shown (it would move).
        const empty = [...sr.querySelectorAll('.ea-glance-host:empty')];
        w.charts = Math.max(w.charts, empty.length);
        for (const g of empty) {
          const after = [...g.closest('.ea-body > .ea-section-host').querySelectorAll('*')]
            .filter((e) => g.compareDocumentPosition(e) & Node.DOCUMENT_POSITION_FOLLOWING);
          w.emptyCharts += after.filter((e) => e.checkVisibility()).length;
        }
      }).observe(sr, { childList: true, subtree: true, attributes: true });
      return sr;
    };
    document.addEventListener('evidence-article:ready', () => { w.done = true; });
  }, PARTS_STATE);
  await page.goto(env.server.url + '/examples/startup-host.html');
  await until(() => page.evaluate(() => window.__ea.done), { timeout: 20000, message: 'ready' });
  const { states, emptyCharts, charts } = await page.evaluate(() => window.__ea);
  assert.ok(charts >= 2, `the charts' wrappers were seen empty before they filled (${charts})`);
  assert.equal(emptyCharts, 0, 'nothing after charts still to come is shown');
  // Each state seen: the filled wrappers are the first ones, nothing filled after an empty one.
  assert.ok(states.length >= 2, `filled over more than one step (${JSON.stringify(states)})`);
  for (const s of states) assert.match(s, /^1*0*$/, `filled in document order (${JSON.stringify(states)})`);
  assert.match(states.at(-1), /^1{4,}$/, 'all filled at ready (header, picker, two sections or more)');
  const parts = await page.locator('evidence-article').evaluate((el, expr) =>
    new Function('sr', `return ${expr}`)(el.shadowRoot), PARTS_STATE);
  assert.ok(parts.every(([, root]) => root), `every part is a root of its own (${JSON.stringify(parts)})`);
  const glances = await page.locator('evidence-article').evaluate((el) =>
    [...el.shadowRoot.querySelectorAll('.ea-glance-host')].map((g) => g.childElementCount > 0 && g.__yew_subtree_id !== undefined));
  assert.ok(glances.length >= 2 && glances.every(Boolean), `each source's charts are a root of their own (${JSON.stringify(glances)})`);
  assert.deepEqual(await page.locator('evidence-article').evaluate((el) => [
    !!el.shadowRoot.querySelector('.ea-article > .ea-section-host:nth-child(1) > header.ea-header .ea-title'),
    !!el.shadowRoot.querySelector('.ea-article > .ea-section-host:nth-child(2) .ea-picker'),
  ]), [true, true], 'the first wrapper holds the header, the second the picker');
  // Hydrating a pre-render (the intranet example), the same wrappers are roots of their own.
  const hydrated = await env.page();
  await hydrated.goto(env.server.url + '/examples/intranet.html');
  const el = hydrated.locator('#aza');
  await el.locator('.ea-tools button').first().waitFor();
  await until(() => el.evaluate((e, expr) => new Function('sr', `return ${expr}`)(e.shadowRoot).every(([f, r]) => f && r), PARTS_STATE),
    { timeout: 20000, message: 'the intranet example\'s parts hydrated as roots of their own' });
  assert.deepEqual(page.problems.pageErrors, []);
  assert.deepEqual(page.problems.console, []);
});
