// The intranet example loads embed.js `async` (docs/size.md, session 12): it may run
// while the page is still being parsed, so the wasm's round trip overlaps the parse.
// In Firefox ESR and Chromium the server holds the rest of the page until the wasm has
// been requested (so embed.js did run mid-parse; in WebKitGTK only until embed.js was
// requested, see freshLoad), cut inside the
// pre-rendered element's declarative shadow root (attached, still empty, at the
// template's start tag) or inside its inline article; the element must then hydrate its
// pre-rendered heading (the node the parser made), with one request for the wasm.
// Run: `xvfb-run -a node --test tests/engines/` after `./scripts/build.sh`.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer, STRICT_CSP } from '../e2e/server.mjs';
import { readStamp } from '../../scripts/stamp.mjs';
import { engines, until } from './drivers.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const DIST = path.resolve(HERE, '../../dist');
const PROBE = '/__engines-probe.js';
// Marks the pre-rendered heading as the parser left it, before embed.js set up the element.
const MARK = '/__engines-mark.js';
const MARK_JS = `document.addEventListener('DOMContentLoaded', () => {
  const h1 = document.getElementById('aza')?.shadowRoot?.querySelector('h1.ea-title');
  if (h1) h1.dataset.eaParsed = '';
});`;

let server;
let stamp;
let html;
/**
 * Per page load: requests by path, and what the rest of the page waits for: the wasm's
 * request, or in WebKitGTK embed.js's (it ran the async module mid-parse in some loads
 * and only once the page was complete in others, so the order is not asserted there).
 */
let load = null;
const freshLoad = (engine) => {
  let asked;
  const gate = new Promise((r) => { asked = r; });
  load = { requests: {}, gate, asked, waitFor: engine === 'webkit' ? '/embed.js' : `/${stamp.wasm}` };
};

/** Where each cut falls in the example: right after the template's start tag, or inside the JSON. */
function cut(where) {
  const start = '<evidence-article id="aza"><template shadowrootmode="open">';
  const el = html.indexOf(start);
  assert.ok(el > 0, 'the example has the pre-rendered element');
  if (where === 'template') return el + start.length;
  const json = html.indexOf('<script type="application/json">', el);
  return Math.floor((json + html.indexOf('</script>', json)) / 2);
}

before(async () => {
  if (!fs.existsSync(path.join(DIST, 'index.html'))) throw new Error('dist/ is missing: run scripts/build.sh first');
  stamp = readStamp(fs.readFileSync(path.join(DIST, 'embed.js'), 'utf8'));
  html = fs.readFileSync(path.join(DIST, 'examples', 'intranet.html'), 'utf8');
  assert.match(html, /<script type="module" async src="\.\.\/embed\.js">/, 'the example loads embed.js async');
  html = html.replace(/<meta charset="utf-8">/, (m) => `${m}<script src="${PROBE}"></script><script src="${MARK}"></script>`);
  const split = (at) => async (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'content-security-policy': STRICT_CSP });
    res.write(html.slice(0, at));
    await load.gate;
    res.end(html.slice(at));
  };
  server = await startServer({
    root: DIST,
    files: { [PROBE]: fs.readFileSync(path.join(HERE, 'probe.js'), 'utf8'), [MARK]: MARK_JS },
    onRequest: (url) => {
      if (!load) return;
      load.requests[url.pathname] = (load.requests[url.pathname] ?? 0) + 1;
      if (url.pathname === load.waitFor) load.asked();
    },
    routes: { '/examples/split-template.html': split(cut('template')), '/examples/split-json.html': split(cut('json')) },
  });
});
after(async () => { await server?.close(); });

for (const engine of engines()) {
  describe(engine.name, () => {
    let b;
    before(async () => { b = await engine.launch(); });
    after(async () => { await b?.quit(); });

    for (const where of ['template', 'json']) {
      test(`intranet example cut inside the pre-rendered element's ${where}: the wasm is requested ${engine.name === 'webkit' ? 'once' : 'mid-parse, once'}; the parsed heading is hydrated`, { timeout: 120000 }, async () => {
        freshLoad(engine.name);
        await b.goto(`${server.url}/examples/split-${where}.html`);
        await until(() => b.run(() => window.__eaProbe.ready.length === 2), { timeout: 60000, message: `${engine.name}: both widgets ready` });
        assert.equal(await b.run(() => window.__eaProbe.q('evidence-article#aza >>> h1.ea-title')?.hasAttribute('data-ea-parsed') ?? null), true,
          'the heading the parser made is the one on screen');
        assert.equal(await b.run(() => document.getElementById('aza').shadowRoot.querySelectorAll('.ea-root').length), 1);
        assert.equal(load.requests[`/${stamp.wasm}`], 1, 'one request for the wasm');
        assert.deepEqual(await b.run(() => window.__eaProbe.errors), [], 'no console errors, failed loads or CSP violations');
      });
    }
  });
}
