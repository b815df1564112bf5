// Render cost of interactions (issue 11 §3): a stepped audience switch on a
// 200-section article (the synthetic one of scripts/perf/synth.mjs) shows the new
// audience on screen in the first frame and ends with every section and the reference
// list in it, keeping focus, scroll position and a single announcement; with the
// test-hooks build's render counters, a popover re-renders its own section and
// citation group only, and a switch renders each section and the reference list once.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { setup, until, ROOT, DIST, expect } from './helpers.mjs';
import { synthArticle, inlineJson } from '../../scripts/perf/synth.mjs';
import { sri, stampLoader } from '../../scripts/stamp.mjs';

const html = (n) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Synthetic ${n}</title>
<link rel="icon" href="data:,"><script type="module" src="../embed.js"></script></head>
<body><main><evidence-article id="synth"><script type="application/json">${inlineJson(synthArticle(n))}</script></evidence-article></main></body></html>`;
const page = (n) => (_req, res) => { res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }); res.end(html(n)); };
const PLAIN = /^Part \d+ in plain words$/;

let env;
before(async () => { env = await setup({ routes: { '/examples/synth-200.html': page(200) } }); });
afterEach(async () => { await env?.closePages(); });
after(async () => { await env?.close(); });

test('200 sections: the switch shows the new audience on screen in its first frame, then everywhere', async () => {
  const p = await env.page();
  await p.goto(env.server.url + '/examples/synth-200.html');
  const widget = p.locator('evidence-article');
  await expect(widget.locator('.ea-body > .ea-section-host > section')).toHaveCount(200, { timeout: 20000 });
  const first = await p.evaluate(async () => {
    const sr = document.querySelector('evidence-article').shadowRoot;
    const sections = () => [...sr.querySelectorAll('.ea-body > .ea-section-host > section')];
    sections()[99].scrollIntoView({ block: 'start' });
    await new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)));
    const onScreen = () => sections().filter((s) => { const r = s.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight; });
    const live = sr.querySelector('.ea-live');
    window.__announced = [];
    new MutationObserver(() => window.__announced.push(live.textContent))
      .observe(live, { childList: true, characterData: true, subtree: true });
    const radio = sr.querySelector('input[type="radio"][value="patient"]');
    radio.focus({ preventScroll: true });
    radio.click();
    await new Promise((r) => requestAnimationFrame(r));
    const shown = onScreen();
    window.__anchor = shown[0];
    return {
      titles: shown.map((s) => s.querySelector('.ea-section__title').textContent),
      laggingSomewhere: sections().some((s) => !/in plain words/.test(s.querySelector('.ea-section__title').textContent)),
      top: shown[0].getBoundingClientRect().top,
    };
  });
  assert.ok(first.titles.length >= 1, 'sections on screen');
  for (const t of first.titles) assert.match(t, PLAIN, 'every section on screen is in the new audience in the first frame');
  assert.ok(first.laggingSomewhere, 'sections far off screen are caught up later (a stepped switch)');
  // Then every section and the reference list end in the new audience.
  await expect(widget.locator('.ea-section__title', { hasText: 'synthetic heading' })).toHaveCount(0, { timeout: 20000 });
  await expect(widget.locator('.ea-section__title', { hasText: 'in plain words' })).toHaveCount(200);
  await expect(widget.locator('.ea-refs .ea-backlink', { hasText: 'synthetic heading' })).toHaveCount(0);
  assert.ok(await widget.locator('.ea-refs .ea-backlink', { hasText: 'in plain words' }).count() >= 300, 'back-links name plain titles');
  const end = await p.evaluate(() => {
    const sr = document.querySelector('evidence-article').shadowRoot;
    return { top: window.__anchor.getBoundingClientRect().top, focused: sr.activeElement?.value, announced: window.__announced };
  });
  assert.ok(Math.abs(end.top - first.top) < 2, `the section the reader looks at stays in place: ${first.top} → ${end.top}`);
  assert.equal(end.focused, 'patient', 'focus stays on the choice');
  assert.deepEqual(end.announced, ['Now reading as: Patient or caregiver.'], 'announced once');
  await until(() => p.url().includes('aud:patient'), { message: 'share URL carries the audience' });
  assert.deepEqual(p.problems.pageErrors, []);
});

test('render counters (test-hooks build): a popover re-renders one section and one group; a switch each section once', async (t) => {
  const hooks = path.join(ROOT, 'target', 'test-hooks');
  assert.ok(fs.existsSync(path.join(hooks, 'evidence-article_bg.wasm')), 'run scripts/build-test-hooks.sh first');
  const serve = (file, type) => (_req, res) => {
    res.writeHead(200, { 'content-type': type, 'cache-control': 'no-store' });
    res.end(fs.readFileSync(path.join(hooks, file)));
  };
  const files = { version: 'test-hooks', glue: 'evidence-article.js', wasm: 'evidence-article_bg.wasm', css: 'evidence-article.css',
    integrity: { glue: sri(fs.readFileSync(path.join(hooks, 'evidence-article.js'))), wasm: sri(fs.readFileSync(path.join(hooks, 'evidence-article_bg.wasm'))),
      css: sri(fs.readFileSync(path.join(DIST, 'evidence-article.css'))) } };
  const loader = stampLoader(fs.readFileSync(path.join(DIST, 'embed.js'), 'utf8'), files);
  const hookEnv = await setup({ routes: {
    '/embed.js': (_req, res) => { res.writeHead(200, { 'content-type': 'text/javascript; charset=utf-8', 'cache-control': 'no-store' }); res.end(loader); },
    '/evidence-article.js': serve('evidence-article.js', 'text/javascript; charset=utf-8'),
    '/evidence-article_bg.wasm': serve('evidence-article_bg.wasm', 'application/wasm'),
    '/examples/synth-20.html': page(20),
  } });
  t.after(() => hookEnv.close());
  const p = await hookEnv.page();
  await p.goto(hookEnv.server.url + '/examples/synth-20.html');
  const widget = p.locator('evidence-article');
  await expect(widget.locator('.ea-body > .ea-section-host > section')).toHaveCount(20, { timeout: 20000 });
  const counts = () => widget.evaluate(async (el) => {
    const glue = await import(`/evidence-article.js?ea-instance=${el.dataset.eaInstance}`);
    return [...glue.__renderCountsForTesting()];
  });
  // Settled: the counts stop changing.
  let before = await counts();
  await until(async () => { const c = await counts(); const same = c.join() === before.join(); before = c; return same; });
  const marker = widget.locator('.ea-body > .ea-section-host > section').nth(9).locator('.ea-cite__btn').first();
  await marker.click();
  await widget.getByRole('dialog').waitFor({ state: 'visible' });
  const opened = await counts();
  assert.deepEqual([opened[0] - before[0], opened[1] - before[1]], [1, 1], 'only the marker\'s section and group re-rendered');
  await p.keyboard.press('Escape');
  await expect(widget.getByRole('dialog')).toHaveCount(0);
  const closed = await counts();
  await widget.getByLabel('Patient or caregiver', { exact: true }).click();
  await expect(widget.locator('.ea-section__title', { hasText: 'in plain words' })).toHaveCount(20, { timeout: 20000 });
  await until(async () => (await counts())[0] - closed[0] >= 20, { message: 'every section rendered' });
  const switched = await counts();
  assert.equal(switched[0] - closed[0], 20, 'each section rendered once by the switch');
  // The reference list once, when it is caught up (its props are equal until then:
  // the back-links' callback does not change with the audience).
  await expect(widget.locator('.ea-refs .ea-backlink', { hasText: 'synthetic heading' })).toHaveCount(0);
  await until(async () => (await counts())[2] - closed[2] >= 1, { message: 'the reference list rendered' });
  assert.equal((await counts())[2] - closed[2], 1, 'the reference list rendered once by the switch');
  assert.equal(opened[2] - before[2], 0, 'a popover does not re-render the reference list');
});
