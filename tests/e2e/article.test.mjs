// Walking skeleton: the release build serves the seed article; nothing goes wrong.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { setup, ready, saveShot } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
// Every context closes after each test, passed or failed; the browser and server after the file.
afterEach(async () => { await env?.closePages(); });
after(async () => { await env?.close(); });

test('standalone page renders the whole seed article with no errors and no off-origin requests', async () => {
  const page = await env.page();
  await page.goto(env.server.url + '/');
  await ready(page);
  assert.match(await page.locator('h1').innerText(), /^What is the role of Azathioprine in Interstitial Lung Disease \(ILD\)/);
  for (const title of ['From the Guidelines', 'From the Research', 'Azathioprine in ILD UIP', 'Treatment Outcomes', 'Comparison with Other Treatments']) {
    await assert.doesNotReject(page.getByRole('button', { name: title, exact: true }).waitFor({ state: 'visible' }), title);
  }
  assert.equal(await page.locator('.ea-refs__item').count(), 5);
  assert.ok(await page.getByText('Professional Medical Disclaimer').isVisible());
  assert.ok(await page.getByText('Have a follow-up question?').isVisible());
  await page.screenshot({ path: saveShot('standalone.png'), fullPage: true });
  assert.deepEqual(page.problems.console, [], 'console errors');
  assert.deepEqual(page.problems.pageErrors, [], 'page errors');
  assert.deepEqual(page.problems.offOrigin, [], 'requests to other origins');
});

test('editorial policy page exists and explains the statuses', async () => {
  const page = await env.page();
  await page.goto(env.server.url + '/');
  await ready(page);
  await page.getByRole('link', { name: 'View editorial policy' }).click();
  await page.getByRole('heading', { level: 1 }).waitFor();
  const text = await page.locator('main').innerText();
  for (const s of ['Submitted', 'Under Review', 'Approved']) assert.ok(text.includes(s), s);
});

test('the standalone page carries title, description, canonical and Open Graph tags from the article data', async () => {
  const page = await env.page();
  await page.goto(env.server.url + '/');
  await ready(page);
  assert.equal(await page.title(), 'What is the role of Azathioprine in Interstitial Lung Disease (ILD), specifically in Usual Interstitial Pneumonia (UIP)?');
  const meta = (sel) => page.locator(sel).getAttribute('content');
  assert.equal(await meta('meta[property="og:title"]'), await page.title());
  assert.match(await meta('meta[name="description"]'), /^Azathioprine is not recommended as a treatment for rapidly progressive interstitial lung disease/);
  // The page is not the publisher's site: its name is the byline, never the site's name.
  assert.equal(await page.locator('meta[property="og:site_name"]').count(), 0);
  assert.equal(await page.locator('meta[property="og:type"]').getAttribute('content'), 'article');
  assert.equal(await page.locator('link[rel="canonical"]').getAttribute('href'), './');
});

test('the standalone page is readable without JavaScript (pre-rendered), and the app takes over', async () => {
  const context = await env.browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(env.server.url + '/');
  assert.match(await page.locator('h1.ea-title').innerText(), /^What is the role of Azathioprine/);
  assert.ok(await page.getByText('27% of patients discontinuing treatment due to side effects').isVisible());
  assert.equal(await page.locator('.ea-refs__item').count(), 5);
  await context.close();
  const live = await env.page();
  await live.goto(env.server.url + '/');
  await live.locator('#evidence-article[data-ea-ready]').waitFor({ state: 'attached' });
  assert.equal(await live.locator('h1.ea-title').count(), 1, 'pre-rendered copy replaced, not duplicated');
  await live.locator('.ea-cite__btn').first().click();
  await live.getByRole('dialog').waitFor({ state: 'visible' });
  assert.deepEqual(live.problems.console, []);
});
