// Articles supplied by the host: validation errors, network failures with "Try
// again", and naughty strings that must never execute.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { setup, until, ROOT } from './helpers.mjs';

const seed = JSON.parse(fs.readFileSync(path.join(ROOT, 'static/articles/azathioprine-ild-uip.json'), 'utf8'));
const blns = JSON.parse(fs.readFileSync(path.join(ROOT, 'tests/fixtures/blns.json'), 'utf8'));
const mode = { missing: 404, html: 'html', slow: 'slow' };
const json = (res, body) => { res.writeHead(200, { 'content-type': 'application/json' }); res.end(body); };
const host = (body) => (req, res) => {
  res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; require-trusted-types-for 'script'; trusted-types 'none'" });
  res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>host</title><link rel="icon" href="data:,"><script type="module" src="/embed.js"></script></head><body><main>${body}</main></body></html>`);
};
const escapeMarkup = (s) => s.replace(/[\\*[\]()@{}]/g, (c) => (c === '{' || c === '}' ? c : `\\${c}`));

function broken() {
  const a = structuredClone(seed);
  a.sections[1].subsections[0].blocks[0].items[2].text.plain += ' [@matson2023]';
  a.review.status = 'done';
  a['last-updated'] = '2025-02-30';
  return a;
}

function naughty() {
  const a = structuredClone(seed);
  let i = 0;
  const next = () => escapeMarkup(blns[(i++) % blns.length]);
  const fill = (t) => { for (const k of Object.keys(t)) t[k] = `${next()} ${t[k]}`; };
  fill(a.question);
  const walk = (secs) => secs.forEach((s) => {
    fill(s.title);
    s.blocks.forEach((b) => (b.type === 'paragraph' ? fill(b.text) : (b.items || []).forEach((it) => fill(it.text))));
    walk(s.subsections || []);
  });
  walk(a.sections);
  a.glossary.forEach((g) => { g.definition = `${next()} ${g.definition}`; });
  a.references.forEach((r) => { r.title = `${blns[(i++) % blns.length]} ${r.title}`; r['key-finding'] = { professional: `${next()}`, plain: `${next()}` };
    (r.findings || []).forEach((f) => { fill(f.measure); fill(f.reading); (f.groups || []).forEach((g) => fill(g.label)); });
  });
  a['editor-notes'].forEach((n) => fill(n.note));
  fill(a.disclaimer.text);
  return a;
}

let env;
before(async () => {
  env = await setup({
    routes: {
      '/t/broken.html': host(`<evidence-article><script type="application/json">${JSON.stringify(broken()).replace(/</g, '\\u003c')}</script></evidence-article>`),
      '/t/flaky.html': host('<evidence-article src="/t/flaky.json" fetch-timeout="1500"></evidence-article>'),
      '/t/flaky.json': (req, res) => {
        if (mode.current === 'missing') { res.writeHead(404, { 'content-type': 'text/plain' }); return res.end('no'); }
        if (mode.current === 'html') { res.writeHead(200, { 'content-type': 'text/html' }); return res.end('<!doctype html><h1>Login</h1>'); }
        if (mode.current === 'slow') { setTimeout(() => json(res, JSON.stringify(seed)), 4000); return; }
        return json(res, JSON.stringify(seed));
      },
      '/t/naughty.html': host('<evidence-article src="/t/naughty.json"></evidence-article>'),
      '/t/naughty.json': (req, res) => json(res, JSON.stringify(naughty())),
    },
  });
});
// Every context closes after each test, passed or failed; the browser and server after the file.
afterEach(async () => { await env?.closePages(); });
after(async () => { await env?.close(); });

const alertText = (page) => page.locator('evidence-article').getByRole('alert').innerText();

test('a broken inline article shows the error panel with each problem and its path', async () => {
  const page = await env.page();
  const events = [];
  await page.exposeFunction('__ev', (e) => events.push(e));
  await page.addInitScript(() => document.addEventListener('evidence-article:error', (e) => window.__ev(e.detail.message)));
  await page.goto(env.server.url + '/t/broken.html');
  const panel = page.locator('evidence-article').getByRole('alert');
  await panel.waitFor();
  assert.match(await panel.innerText(), /has 4 problems/); // the bad key also makes the plain text cite differently
  const details = panel.locator('details');
  assert.equal(await details.evaluate((d) => d.open), false, 'details collapsed for readers');
  await details.locator('summary').click();
  const text = await details.innerText();
  assert.match(text, /sections\[1\]\.subsections\[0\]\.blocks\[0\]\.items\[2\]\.text\.plain: \[@matson2023\] is not a reference id/);
  assert.match(text, /review\.status: "done" is not a review status/);
  assert.match(text, /last-updated: "2025-02-30" is not a real date/);
  await until(() => events.length === 1, { message: 'error event' });
  assert.deepEqual(page.problems.console, []);
});

for (const [name, state, expected] of [
  ['404', 'missing', /answered 404/],
  ['slow (timeout)', 'slow', /took longer than 1\.5 seconds to arrive/],
  ['HTML instead of JSON', 'html', /not valid JSON/],
]) {
  test(`src failure: ${name} shows its message and recovers with Try again`, async () => {
    mode.current = state;
    const page = await env.page();
    await page.goto(env.server.url + '/t/flaky.html');
    await page.locator('evidence-article').getByRole('alert').waitFor({ timeout: 10000 });
    assert.match(await alertText(page), expected);
    mode.current = 'ok';
    await page.locator('evidence-article').getByRole('button', { name: 'Try again' }).click();
    await page.locator('evidence-article h1.ea-title').waitFor();
    assert.deepEqual(page.problems.pageErrors, []);
    await page.context_.close();
  });
}

test('loading shows a skeleton of the article\'s size (no layout jump)', async () => {
  mode.current = 'slow';
  const page = await env.page();
  await page.goto(env.server.url + '/t/flaky.html');
  const skeleton = page.locator('evidence-article .ea-skeleton');
  await skeleton.waitFor();
  assert.equal(await skeleton.getAttribute('aria-busy'), 'true');
  const h = await skeleton.evaluate((s) => s.getBoundingClientRect().height);
  assert.ok(h >= 400, `skeleton reserves space (${h}px)`);
  mode.current = 'ok';
});

test('a BLNS-filled article renders with no script execution, console error or off-origin request', async () => {
  const page = await env.page();
  await page.addInitScript(() => {
    window.__alerts = 0;
    window.alert = window.confirm = window.prompt = () => { window.__alerts += 1; };
  });
  await page.goto(env.server.url + '/t/naughty.html');
  await page.locator('evidence-article h1.ea-title').waitFor({ timeout: 20000 });
  const w = page.locator('evidence-article');
  await w.locator('.ea-cite__btn').first().click();
  await w.getByRole('dialog').waitFor();
  await w.getByLabel('Patient or caregiver', { exact: true }).click();
  assert.equal(await page.evaluate(() => window.__alerts), 0);
  const injected = await w.evaluate((host) => host.shadowRoot.querySelectorAll('script, img, iframe, object, embed, svg:not(.ea-chart__svg), [onerror], [onload]').length);
  assert.equal(injected, 0, 'no element was created from article text');
  // The charts (the widget's own SVG) carry the naughty measures as text only.
  assert.equal(await w.locator('svg.ea-chart__svg[role="img"]').count(), 6);
  assert.deepEqual(page.problems.console, []);
  assert.deepEqual(page.problems.pageErrors, []);
  assert.deepEqual(page.problems.offOrigin, []);
});
