// Smoke suite in three engines (Firefox ESR, WebKitGTK, Chromium): the same test body
// per engine, for the standalone page and the custom element under the strict CSP:
// load, citation popover open / Escape / focus return, section toggle, audience
// switch, the share link in the URL and its round trip in a fresh load, and no
// console errors. Two page loads per engine and target (the link, then its copy),
// and one of a page whose CSP refuses WebAssembly.
// Run: `xvfb-run -a node --test tests/engines/` after `./scripts/build.sh`.
import { describe, test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../e2e/server.mjs';
import { engines, until } from './drivers.mjs';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const DIST = path.resolve(HERE, '../../dist');
const PROBE = '/__engines-probe.js';

/** The page from dist/ with the probe as the first script in its head. */
function withProbe(rel) {
  const html = fs.readFileSync(path.join(DIST, rel), 'utf8');
  const out = html.replace(/<meta charset=["']?utf-8["']?>/i, (m) => `${m}<script src="${PROBE}"></script>`);
  if (out === html) throw new Error(`no <meta charset> in dist/${rel} to place the probe after`);
  return out;
}

const TARGETS = [
  { name: 'standalone page', page: '/', file: '/index.html', root: '', key: 'ea',
    ready: () => !!document.querySelector('#evidence-article[data-ea-ready]') },
  { name: 'custom element (strict CSP, hostile CSS)', page: '/examples/intranet.html', file: '/examples/intranet.html',
    root: 'evidence-article#aza >>> ', key: 'ea-aza',
    ready: () => window.__eaProbe.ready.includes('aza') },
];

const PATIENT = 'Patient or caregiver';
const LINKED = '1;aud:patient;shut:guidelines;cite:3';

let server;
before(async () => {
  if (!fs.existsSync(path.join(DIST, 'index.html'))) throw new Error('dist/ is missing: run scripts/build.sh first');
  const files = { [PROBE]: fs.readFileSync(path.join(HERE, 'probe.js'), 'utf8') };
  for (const t of TARGETS) files[t.file] = withProbe(t.file.slice(1));
  server = await startServer({ root: DIST, files });
});
after(async () => { await server?.close(); });

for (const engine of engines()) {
  describe(engine.name, () => {
    let b;
    before(async () => { b = await engine.launch(); });
    after(async () => { await b?.quit(); });

    for (const target of TARGETS) {
      test(`${target.name}: popover, Escape, section, audience, share link round trip, no errors`, { timeout: 180000 }, async () => {
        const R = target.root;
        const attr = (sel, name) => b.run((s, n) => window.__eaProbe.q(s)?.getAttribute(n) ?? null, R + sel, name);
        const text = (sel) => b.run((s) => window.__eaProbe.q(s)?.textContent ?? null, R + sel);
        const readingAs = () => text('.ea-picker__current strong');
        const dialogText = () => text('[role="dialog"]');
        const click = (sel) => b.click(R + sel);
        const problems = () => b.run(() => window.__eaProbe.errors);
        const load = async (url) => {
          await b.goto(url);
          await until(() => b.run(target.ready), { timeout: 60000, message: `${engine.name}: ${target.name} ready` });
        };

        // A clean profile state for this origin: nothing stored from an earlier target.
        await b.goto(server.url + '/editorial-policy.html');
        await b.run(() => localStorage.clear());
        await load(server.url + target.page);

        // Citation popover: pointer opens it, Escape closes it, focus returns to the marker.
        const marker = '#research-treatment-outcomes-body .ea-cite__btn[data-ref="3"]';
        const markerId = await attr(marker, 'id');
        assert.ok(markerId, 'the marker has an id');
        await click(marker);
        await until(async () => /Reference 3/.test((await dialogText()) ?? ''), { message: 'popover for reference 3' });
        // The marker's section is a Yew root of its own: it may render a task after
        // the popover layer (WebKitGTK under load), so this polls.
        await until(async () => (await attr(marker, 'aria-expanded')) === 'true', { message: 'marker expanded' });
        await b.press('Escape');
        await until(async () => (await dialogText()) === null, { message: 'popover closed by Escape' });
        await until(async () => (await b.run(() => window.__eaProbe.activeId())) === markerId, { message: `focus back on ${markerId}` });
        await until(async () => (await attr(marker, 'aria-expanded')) === 'false', { message: 'marker collapsed' });

        // Section toggle: ARIA and content follow.
        await click('#guidelines-btn');
        await until(async () => (await attr('#guidelines-btn', 'aria-expanded')) === 'false', { message: 'section collapsed' });
        assert.notEqual(await attr('#guidelines-body', 'hidden'), null, 'collapsed body is hidden');

        // Audience switch: the label's radio changes the wording in place.
        await click('label[for="audience-patient"]');
        await until(async () => (await readingAs()) === PATIENT, { message: 'reading as patient' });
        assert.equal(await text('#guidelines-btn .ea-section__title'), 'What the guidelines say');

        // The reader's view is in the URL (replaceState), under this widget's key.
        await click(marker);
        await until(async () => /Reference 3/.test((await dialogText()) ?? ''), { message: 'popover reopened' });
        const key = target.key;
        await until(async () => (await b.run((k) => new URLSearchParams(location.search).get(k), key)) === LINKED,
          { message: `${key}=${LINKED} in the URL` });
        assert.deepEqual(await problems(), [], 'no console errors, uncaught errors or CSP violations');

        // Round trip: the link alone (nothing stored) reproduces the view.
        const link = await b.run(() => location.href);
        await b.run(() => localStorage.clear());
        await load(link);
        assert.equal(await readingAs(), PATIENT, 'audience from the link');
        assert.equal(await attr('#guidelines-btn', 'aria-expanded'), 'false', 'collapsed section from the link');
        assert.equal(await attr('#research-treatment-outcomes-btn', 'aria-expanded'), 'true', 'other sections open');
        await until(async () => /Reference 3/.test((await dialogText()) ?? ''), { message: 'citation from the link' });
        assert.equal(await b.run(() => localStorage.getItem('evidence-article:audience')), null,
          'a link does not overwrite the stored preference');
        assert.deepEqual(await problems(), [], 'no console errors after the round trip');
      });
    }

    test('a page without wasm-unsafe-eval: the CSP message, not a network failure', { timeout: 60000 }, async () => {
      await b.goto(server.url + '/examples/no-wasm.html');
      const message = () => b.run(() => document.querySelector('evidence-article')?.shadowRoot
        ?.querySelector('[role="alert"]')?.textContent ?? null);
      const shown = await until(message, { timeout: 30000, message: 'an error message' });
      assert.match(shown, /does not allow WebAssembly/);
      assert.equal(await b.run(() => document.querySelector('evidence-article').shadowRoot.querySelector('.ea-retry')), null,
        'no "Try again" for a refusal that retrying cannot fix');
    });
  });
}
