// The embedding pages' request chain (docs/size.md, session 12): an `async` embed.js
// that runs while the page is still being parsed requests the wasm then, instead of
// after the whole document (on a large pre-rendered page, the parse is most of a
// second on a phone), and still hydrates the pre-rendered element it met half parsed.
// No timing is asserted: the server holds the rest of the page until the wasm request
// has arrived, so the order is what is checked.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { DIST, launch, openPage, expect } from './helpers.mjs';
import { startServer, STRICT_CSP } from './server.mjs';
import { readStamp } from '../../scripts/stamp.mjs';

let browser;
let stamp;
before(async () => {
  stamp = readStamp(fs.readFileSync(path.join(DIST, 'embed.js'), 'utf8'));
  browser = await launch();
});
after(async () => { await browser?.close(); });

/**
 * Serves dist/ with `/examples/split.html`: `html` sent up to `at`, the rest only once
 * the wasm has been requested. Counts requests by path; closed when `t` ends.
 */
async function splitPage(t, html, at) {
  const requests = {};
  let wasmAsked;
  const asked = new Promise((r) => { wasmAsked = r; });
  const server = await startServer({
    root: DIST,
    onRequest: (url) => {
      requests[url.pathname] = (requests[url.pathname] ?? 0) + 1;
      if (url.pathname === `/${stamp.wasm}`) wasmAsked();
    },
    routes: {
      '/examples/split.html': async (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'content-security-policy': STRICT_CSP });
        res.write(html.slice(0, at));
        await asked;
        res.end(html.slice(at));
      },
    },
  });
  const page = await openPage(browser, server);
  t.after(async () => { await page.context_.close(); await server.close(); });
  return { page, requests, url: `${server.url}/examples/split.html` };
}

test('intranet example: an async embed.js requests the wasm while the page is still parsed, then hydrates the pre-rendered element it met half parsed, with its whole inline article', async (t) => {
  const html = fs.readFileSync(path.join(DIST, 'examples', 'intranet.html'), 'utf8');
  assert.match(html, /<script type="module" async src="\.\.\/embed\.js"><\/script>/, 'the example loads embed.js async');
  // Cut inside the pre-rendered element's inline article (after its declarative shadow
  // root, which Chromium attaches as soon as it parses the template's start tag): an
  // element set up when it connects would read half the JSON.
  const el = html.indexOf('<evidence-article id="aza"><template shadowrootmode="open">');
  assert.ok(el > 0, 'the example has the pre-rendered element');
  const json = html.indexOf('<script type="application/json">', el);
  const end = html.indexOf('</script>', json);
  assert.ok(json > el && end > json && end < html.indexOf('</evidence-article>', el), 'the element has its article inline');
  const at = Math.floor((json + end) / 2);
  const { page, requests, url } = await splitPage(t, html, at);
  await page.addInitScript(() => {
    window.__ready = [];
    document.addEventListener('evidence-article:ready', (e) => window.__ready.push(e.target.id));
    // Marks the heading parsed into the declarative shadow root (before embed.js sees it).
    document.addEventListener('DOMContentLoaded', () => {
      const h1 = document.getElementById('aza')?.shadowRoot?.querySelector('h1.ea-title');
      if (h1) h1.__eaParsed = true;
    });
  });
  await page.goto(url);
  await expect.poll(() => page.evaluate(() => [...window.__ready].sort()), { timeout: 30000 }).toEqual(['aza', 'aza-src']);
  const h1 = page.locator('#aza h1.ea-title');
  assert.equal(await h1.evaluate((e) => e.__eaParsed === true), true, 'the pre-rendered heading is the hydrated one');
  assert.equal(await page.locator('#aza .ea-root').count(), 1);
  assert.equal(requests[`/${stamp.wasm}`], 1, 'the wasm is fetched once');
  assert.deepEqual(page.problems.pageErrors, []);
  assert.deepEqual(page.problems.console, []);
  await page.locator('#aza .ea-cite__btn').first().click();
  await page.locator('#aza').getByRole('dialog').waitFor({ state: 'visible' });
});
