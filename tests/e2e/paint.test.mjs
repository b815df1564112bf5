// The standalone page's first paint (scripts/standalone.mjs): it is styled by one
// inline <style> (no stylesheet request before the first paint), and a strict CSP
// <meta> allows exactly that style and the boot script by their SHA-256 (no
// 'unsafe-inline'); the boot fetches the wasm with its SHA-384.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { setup, expect, DIST } from './helpers.mjs';
import { bootScript, cspHash, pageCsp, standalonePage } from '../../scripts/standalone.mjs';
import { sri } from '../../scripts/stamp.mjs';

let env;
before(async () => { env = await setup(); });
afterEach(async () => { await env?.closePages(); });
after(async () => { await env?.close(); });

const html = () => fs.readFileSync(path.join(DIST, 'index.html'), 'utf8');
const inline = (tag) => [...html().matchAll(new RegExp(`<${tag}\\b[^>]*>([\\s\\S]*?)</${tag}>`, 'g'))].map((m) => m[1]);

test('dist/index.html: its CSP <meta> comes first and allows the one inline style and the one boot script by SHA-256, nothing else inline', () => {
  const page = html();
  const [style, ...moreStyles] = inline('style');
  const [script, ...moreScripts] = inline('script');
  assert.deepEqual([moreStyles.length, moreScripts.length], [0, 0]);
  const meta = page.match(/<meta http-equiv="Content-Security-Policy" content="([^"]+)">/);
  assert.ok(meta, 'a CSP <meta>');
  assert.equal(meta[1], pageCsp(cspHash(style), cspHash(script)));
  assert.doesNotMatch(meta[1], /'unsafe-inline'|'unsafe-eval'/);
  assert.ok(meta.index < page.indexOf('<style>') && meta.index < page.indexOf('<script'), 'the policy precedes what it governs');
  assert.doesNotMatch(page, /\sstyle=/, 'no style= attribute');
  assert.doesNotMatch(page, /<link\b[^>]*\brel=["']?stylesheet/, 'no stylesheet link');
  // Trunk's checked modulepreload of the glue stays; right after it, in place of the
  // wasm's preload, the boot starts the checked fetch of the wasm.
  const glue = fs.readdirSync(DIST).find((f) => /^evidence-article-[0-9a-f]{16}\.js$/.test(f));
  const wasm = fs.readdirSync(DIST).find((f) => /^evidence-article-[0-9a-f]{16}_bg\.wasm$/.test(f));
  assert.equal(script, bootScript(`./${glue}`, `./${wasm}`, sri(fs.readFileSync(path.join(DIST, wasm)))));
  assert.match(page, new RegExp(`<link\\b[^>]*\\bhref=\\./${glue}\\b[^>]*\\bintegrity=sha384-[^>]*\\brel=modulepreload><script type=module async>`));
  assert.doesNotMatch(page, /rel=preload/, 'no preload of the wasm (Firefox and WebKit fetched it twice)');
  // The inline copy is the release's stylesheets, byte for byte (minified by Trunk).
  const css = fs.readdirSync(DIST).find((f) => /^evidence-article-[0-9a-f]{16}\.css$/.test(f));
  assert.equal(style, [css, 'page.css'].map((f) => fs.readFileSync(path.join(DIST, f), 'utf8').trim()).join('\n'));
});

test('standalone.mjs refuses a page it does not recognise: no Trunk boot script or preload, or a stylesheet that does not match its integrity', () => {
  const css = '.a{color:red}';
  const wasm = Buffer.from([0, 97, 115, 109, 1, 0, 0, 0]);
  const trunk = (integrity, wasmIntegrity = sri(wasm)) => `<!doctype html><html><head><meta charset="utf-8"><link rel=stylesheet href=./a.css integrity=${integrity}>`
    + '<script type=module>import init from"./g.js";await init({module_or_path:`./w_bg.wasm`})</script>'
    + `<link rel=modulepreload href=./g.js integrity=sha384-g><link rel=preload as=fetch href=./w_bg.wasm integrity=${wasmIntegrity}></head><body></body></html>`;
  const bytes = (f) => (f === 'w_bg.wasm' ? wasm : Buffer.from(css));
  const ok = standalonePage(trunk(sri(css)), () => css, bytes);
  assert.equal(ok.style, css);
  assert.match(ok.html, /<style>\.a\{color:red\}<\/style>/);
  // Our boot, after the glue's modulepreload, fetches the wasm with its digest
  // (Chromium ignores integrity on an as=fetch preload) in place of its preload.
  const boot = bootScript('./g.js', './w_bg.wasm', sri(wasm));
  assert.equal(ok.csp, pageCsp(cspHash(css), cspHash(boot)));
  assert.ok(ok.html.includes(`</style><link rel=modulepreload href=./g.js integrity=sha384-g><script type=module async>${boot}</script></head>`), ok.html);
  assert.throws(() => standalonePage(trunk(sri('.a{color:blue}')), () => css, bytes), /a\.css does not match its integrity/);
  assert.throws(() => standalonePage(trunk(sri(css), 'sha384-w'), () => css, bytes), /w_bg\.wasm does not match its integrity/);
  assert.throws(() => standalonePage(trunk(sri(css)).replace('`./w_bg.wasm`', '`./other_bg.wasm`'), () => css, bytes), /does not load the preloaded/);
  assert.throws(() => standalonePage(trunk(sri(css)).replace('from"./g.js"', 'from"./h.js"'), () => css, bytes), /does not import the preloaded/);
  assert.throws(() => standalonePage(trunk(sri(css)).replace(/<script[\s\S]*<\/script>/, ''), () => css, bytes), /Trunk's one boot script/);
  assert.throws(() => standalonePage(trunk(sri(css)).replace(/<link rel=preload[^>]*>/, ''), () => css, bytes), /preload of the wasm/);
  assert.throws(() => standalonePage(ok.html, () => css, bytes), /already has a CSP/);
});

test('standalone page: paints styled with every stylesheet request refused; hydrates under its own CSP with no violation; the wasm is fetched once', async () => {
  const page = await env.page();
  const stylesheets = [];
  const wasm = [];
  await page.route('**/*.css', (route) => { stylesheets.push(route.request().url()); return route.abort(); });
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  let release;
  const gate = new Promise((r) => { release = r; });
  await page.route('**/*_bg.wasm', async (route) => { wasm.push(route.request().url()); await gate; await route.continue(); });
  await page.goto(env.server.url + '/');
  const h1 = page.locator('h1.ea-title');
  await h1.waitFor({ state: 'visible' });
  // The widget's stylesheet (.ea-root's column, the title's size) and page.css (the body's margin) apply.
  assert.equal(await page.locator('.ea-root').evaluate((e) => getComputedStyle(e).maxWidth), '760px');
  assert.equal(await h1.evaluate((e) => getComputedStyle(e).fontSize), '28px');
  assert.equal(await page.evaluate(() => getComputedStyle(document.body).marginTop), '0px');
  release();
  await page.locator('#evidence-article[data-ea-ready]').waitFor({ state: 'attached', timeout: 20000 });
  await page.locator('.ea-cite__btn').first().click();
  await page.getByRole('dialog').waitFor({ state: 'visible' });
  assert.deepEqual(stylesheets, [], 'the page requested no stylesheet');
  assert.equal(wasm.length, 1, 'the wasm is fetched once');
  assert.deepEqual(await page.evaluate(() => window.__violations), []);
  assert.deepEqual(page.problems.console, []);
  assert.deepEqual(page.problems.pageErrors, []);
});

test('standalone page: a changed glue fails its integrity check (Trunk\'s checked modulepreload) and is never run; the pre-rendered article stays', async () => {
  const page = await env.page();
  await page.route(/evidence-article-[0-9a-f]{16}\.js$/, async (route) => {
    const body = `${await (await route.fetch()).text()}\nwindow.__glueRan = true;`;
    await route.fulfill({ status: 200, contentType: 'text/javascript', body });
  });
  const refused = page.waitForEvent('console', (m) => /integrity/.test(m.text()) && /evidence-article-[0-9a-f]{16}\.js/.test(m.text()));
  await page.goto(env.server.url + '/');
  await refused;
  await page.waitForLoadState('load');
  assert.equal(await page.evaluate(() => window.__glueRan), undefined, 'the changed glue did not run');
  assert.equal(await page.locator('#evidence-article[data-ea-ready]').count(), 0);
  await expect(page.getByText('27% of patients discontinuing treatment due to side effects')).toBeVisible();
});

test('standalone page: a changed wasm fails its integrity check (the boot fetches it with its SHA-384) and never starts; the pre-rendered article stays', async () => {
  const page = await env.page();
  let served = 0;
  await page.route(/evidence-article-[0-9a-f]{16}_bg\.wasm$/, async (route) => {
    served += 1;
    const body = Buffer.from(await (await route.fetch()).body());
    body[body.length - 1] ^= 1; // one bit of the last byte (a custom section's content)
    await route.fulfill({ status: 200, contentType: 'application/wasm', body });
  });
  const refused = page.waitForEvent('console', (m) => /integrity/.test(m.text()) && /_bg\.wasm/.test(m.text()));
  const failed = page.waitForEvent('pageerror');
  await page.goto(env.server.url + '/');
  await refused;
  assert.match(String(await failed), /Failed to fetch/);
  await page.waitForLoadState('load');
  assert.ok(served >= 1, 'the wasm was requested');
  assert.equal(await page.locator('#evidence-article[data-ea-ready]').count(), 0, 'the changed wasm did not start');
  await expect(page.getByText('27% of patients discontinuing treatment due to side effects')).toBeVisible();
  assert.equal(await page.locator('.ea-refs__item').count(), 5);
});

test('standalone page where WebAssembly is forbidden (a stricter CSP header besides the page\'s own): the pre-rendered article stays readable and styled', async () => {
  const page = await env.page();
  const script = inline('script')[0];
  await page.route((u) => u.pathname === '/', async (route) => {
    const response = await route.fetch();
    await route.fulfill({ response, headers: { ...response.headers(), 'content-security-policy': `script-src 'self' ${cspHash(script)}` } });
  });
  const failed = page.waitForEvent('pageerror');
  await page.goto(env.server.url + '/');
  assert.match(String(await failed), /WebAssembly|wasm/i);
  assert.equal(await page.locator('#evidence-article[data-ea-ready]').count(), 0);
  await expect(page.getByText('27% of patients discontinuing treatment due to side effects')).toBeVisible();
  assert.equal(await page.locator('.ea-root').evaluate((e) => getComputedStyle(e).maxWidth), '760px');
  assert.equal(await page.locator('.ea-refs__item').count(), 5);
});
