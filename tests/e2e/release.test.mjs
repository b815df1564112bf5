// The release (`make release`, scripts/release.sh): release/evidence-article-<version>/
// is dist/ byte for byte plus the host docs and package, its manifest is true, the
// README snippet loads the widget with every integrity check passing, a file changed
// by one byte is refused and not run, and the npm package installs offline into a
// temporary folder and loads the widget from there.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT, DIST, launch, openPage, until, expect } from './helpers.mjs';
import { startServer, STRICT_CSP } from './server.mjs';
import { sri, nameHash, readStamp, crateVersion } from '../../scripts/stamp.mjs';
import { listFiles, relativeLinks } from '../../scripts/release.mjs';

const VERSION = crateVersion(ROOT);
const NAME = `evidence-article-${VERSION}`;
const REL = path.join(ROOT, 'release', NAME);
const TSC = path.join(ROOT, 'node_modules', '.bin', 'tsc');
/** What a release adds to dist/ (docs, package, manifest). */
const EXTRAS = ['CHANGELOG.md', 'LICENSE', 'README.md', 'docs/article-format.md', 'embed-snippet.html', 'embed.d.ts',
  'manifest.json', 'package.json'];
const REFUSED = /is not the file this release was built with\. It was changed, or mixed with a file of another version, so it was not run/;

let browser;
let manifest;
let stamp;
before(async () => {
  if (!fs.existsSync(path.join(REL, 'manifest.json'))) throw new Error(`${REL} is missing: run scripts/release.sh (make release) first`);
  manifest = JSON.parse(fs.readFileSync(path.join(REL, 'manifest.json'), 'utf8'));
  stamp = readStamp(fs.readFileSync(path.join(REL, 'embed.js'), 'utf8'));
  browser = await launch();
});
after(async () => { await browser?.close(); });

/** The embed snippet from the release's README (the block a host pastes). */
function readmeSnippet() {
  const m = fs.readFileSync(path.join(REL, 'README.md'), 'utf8').match(/<!-- ea:snippet -->\n```html\n([\s\S]*?)\n```/);
  assert.ok(m, 'the release README has the snippet block');
  return m[1];
}

/**
 * Serves `root` with a host page `/host.html` (strict CSP) holding `body`; `files`
 * replaces files by URL path. Returns the page (recording the `evidence-article:error`
 * events and every WebAssembly compile of more than the loader's 8-byte probe) and a
 * count of requests per path. Both are closed when test `t` ends, failed or not.
 */
async function hostPage(t, root, body, files = {}) {
  const requests = {};
  const server = await startServer({
    root, files,
    routes: {
      '/host.html': (_req, res) => {
        res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store', 'content-security-policy': STRICT_CSP });
        res.end(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>host</title><link rel="icon" href="data:,"></head><body><main>${body}</main></body></html>`);
      },
    },
  });
  const page = await openPage(browser, server);
  // The browser's connections go first, so the server can close.
  t.after(async () => { await page.context_.close(); await server.close(); });
  page.on('request', (r) => { const p = new URL(r.url()).pathname; requests[p] = (requests[p] || 0) + 1; });
  await page.addInitScript(() => {
    window.__errors = [];
    window.__compiled = 0;
    document.addEventListener('evidence-article:error', (e) => window.__errors.push(e.detail));
    const count = (name) => {
      const orig = WebAssembly[name];
      WebAssembly[name] = function (src, ...rest) {
        if (!(src && src.byteLength === 8)) window.__compiled += 1;
        return orig.call(this, src, ...rest);
      };
    };
    count('compile');
    count('compileStreaming');
    count('instantiate');
    count('instantiateStreaming');
  });
  await page.goto(`${server.url}/host.html`);
  return { page, server, requests };
}

test('the release folder is dist/ byte for byte plus docs and package; manifest, embed.js and tarball agree', () => {
  const files = listFiles(REL);
  assert.deepEqual(Object.keys(manifest.files).sort(), files.filter((f) => f !== 'manifest.json'), 'the manifest lists every other file');
  for (const f of files.filter((x) => x !== 'manifest.json')) {
    const bytes = fs.readFileSync(path.join(REL, f));
    assert.equal(manifest.files[f].size, bytes.length, `${f} size`);
    assert.equal(manifest.files[f].integrity, sri(bytes), `${f} integrity`);
  }
  // What the other end-to-end tests load (dist/) is what ships.
  const dist = listFiles(DIST);
  assert.deepEqual(files.filter((f) => !dist.includes(f)).sort(), [...EXTRAS].sort(), 'the release adds only the docs, package and manifest');
  for (const f of dist) assert.equal(manifest.files[f]?.integrity, sri(fs.readFileSync(path.join(DIST, f))), `${f}: release and dist/ differ`);
  // embed.js names and checks exactly the release's files, by their content hash.
  assert.equal(stamp.version, VERSION);
  for (const role of ['glue', 'wasm', 'css']) {
    const bytes = fs.readFileSync(path.join(REL, stamp[role]));
    assert.equal(stamp.integrity[role], manifest.files[stamp[role]].integrity, `embed.js's ${role} hash`);
    assert.ok(stamp[role].includes(nameHash(bytes)), `${stamp[role]} is named by its content`);
    assert.equal(manifest.loads[role], stamp[role]);
  }
  assert.ok(!files.includes('evidence-article.js') && !files.includes('evidence-article_bg.wasm'), 'no unhashed glue or wasm');
  const tar = spawnSync('tar', ['-tzf', path.join(ROOT, 'release', `${NAME}.tar.gz`)], { encoding: 'utf8' });
  assert.equal(tar.status, 0, tar.stderr);
  assert.deepEqual(tar.stdout.split('\n').filter((l) => l && !l.endsWith('/')).sort(), files.map((f) => `${NAME}/${f}`).sort(), 'the tarball holds the folder');
  assert.match(readmeSnippet(), new RegExp(`src="/${NAME}/embed\\.js"\\s+integrity="${manifest.files['embed.js'].integrity.replace(/[+/]/g, '\\$&')}" crossorigin="anonymous"`));
  assert.equal(fs.readFileSync(path.join(REL, 'embed-snippet.html'), 'utf8').trim(), readmeSnippet());
});

test('every relative link and picture in the release README and CHANGELOG resolves to a file of the release', () => {
  const readme = fs.readFileSync(path.join(REL, 'README.md'), 'utf8');
  // The repository README does link developer files (so the rewrite below is exercised).
  assert.ok(relativeLinks(fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8')).some((h) => !fs.existsSync(path.join(REL, h))));
  for (const f of ['README.md', 'CHANGELOG.md']) {
    for (const href of relativeLinks(fs.readFileSync(path.join(REL, f), 'utf8'))) {
      assert.ok(fs.existsSync(path.join(REL, href.split('#')[0])), `${f} links ${href}, which the release does not have`);
    }
  }
  assert.match(readme, /`docs\/screenshots\/standalone\.png` in the source repository/);
  assert.match(readme, /<!-- ea:snippet -->/);
});

test('the README snippet, served from the release, loads the widget under the strict CSP with every check passing', async (t) => {
  const { page, requests } = await hostPage(t, path.join(ROOT, 'release'), readmeSnippet());
  await page.locator('evidence-article h1.ea-title').waitFor({ state: 'visible', timeout: 20000 });
  assert.deepEqual(page.problems.console, [], 'console errors (an integrity failure would log one)');
  assert.deepEqual(page.problems.pageErrors, []);
  assert.deepEqual(await page.evaluate(() => window.__errors), []);
  assert.equal(requests[`/${NAME}/${stamp.glue}`], 1, 'the glue is fetched once: the checked preload is what runs');
  assert.equal(requests[`/${NAME}/${stamp.wasm}`], 1);
  assert.equal(await page.locator('link[rel=modulepreload]').count(), 0, 'the preload link is removed after use');
});

test('a release with one byte of the wasm changed is refused with a clear message; nothing of it is compiled or run', async (t) => {
  const wasm = Buffer.from(fs.readFileSync(path.join(REL, stamp.wasm)));
  const at = Math.floor(wasm.length / 2);
  wasm[at] ^= 0x01;
  const { page, requests } = await hostPage(t, path.join(ROOT, 'release'), readmeSnippet(), { [`/${NAME}/${stamp.wasm}`]: wasm });
  const alert = page.locator('evidence-article').getByRole('alert');
  await alert.waitFor({ state: 'visible', timeout: 20000 });
  const text = await alert.innerText();
  assert.match(text, REFUSED);
  assert.ok(text.includes(stamp.wasm), `the message names the file: ${text}`);
  assert.equal(await page.locator('evidence-article').getByRole('button', { name: 'Try again' }).count(), 0, 'no retry: the same bytes would come back');
  assert.deepEqual(await page.evaluate(() => window.__errors), [{ message: text, kind: 'integrity', file: stamp.wasm }]);
  assert.equal(await page.evaluate(() => window.__compiled), 0, 'the changed wasm was never compiled');
  assert.ok((requests[`/${NAME}/${stamp.glue}`] ?? 0) <= 1, 'the glue was at most fetched (checked, while the wasm downloaded), once');
  assert.equal(await page.locator('link[rel=modulepreload]').count(), 0, 'its preload link is removed');
  assert.equal(await page.locator('evidence-article h1.ea-title').count(), 0);
});

test('a changed stylesheet is refused by its integrity; the article still renders, with a note saying it is shown without its layout', async (t) => {
  const css = `${fs.readFileSync(path.join(REL, stamp.css), 'utf8')}\n/* changed */`;
  const { page } = await hostPage(t, path.join(ROOT, 'release'), readmeSnippet(), { [`/${NAME}/${stamp.css}`]: css });
  const el = page.locator('evidence-article');
  await el.locator('h1.ea-title').waitFor({ state: 'visible', timeout: 20000 });
  const note = el.getByRole('status').filter({ hasText: 'styles could not be loaded' });
  await expect(note).toHaveCount(1);
  assert.match(await note.innerText(), /not the file this release was built with/);
  await expect.poll(() => page.evaluate(() => window.__errors.map((e) => e.message))).toEqual([await note.innerText()]);
  assert.equal(await el.locator('.ea-article').evaluate((a) => a.closest('.ea-root').parentElement.previousElementSibling?.className), 'ea-style-note', 'the note sits above the article');
});

test('a changed glue (mixed in from elsewhere) is refused before it runs; the wasm is not instantiated', async (t) => {
  const glue = fs.readFileSync(path.join(REL, stamp.glue), 'utf8');
  const changed = `globalThis.eaTampered = true;\n${glue}`;
  const { page, requests } = await hostPage(t, path.join(ROOT, 'release'), readmeSnippet(), { [`/${NAME}/${stamp.glue}`]: changed });
  const alert = page.locator('evidence-article').getByRole('alert');
  await alert.waitFor({ state: 'visible', timeout: 20000 });
  assert.match(await alert.innerText(), REFUSED);
  assert.ok((await alert.innerText()).includes(stamp.glue));
  assert.equal(await page.evaluate(() => globalThis.eaTampered), undefined, 'the changed glue never ran');
  assert.equal(await page.evaluate(() => window.__compiled), 1, 'the wasm was compiled (checked) but never instantiated');
  assert.equal(requests[`/${NAME}/${stamp.glue}`], 2, 'the checked preload and the plain fetch that told a change from a network failure');
  assert.equal(await page.locator('evidence-article').getByRole('button', { name: 'Try again' }).count(), 0);
});

test('npm pack, then npm install of the .tgz into a temporary folder (offline): exports and types resolve, the widget loads from node_modules', async (t) => {
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'ea-package-'));
  t.after(() => fs.rmSync(tmp, { recursive: true, force: true }));
  const run = (cmd, args, opts = {}) => {
    const r = spawnSync(cmd, args, { cwd: tmp, encoding: 'utf8', ...opts });
    assert.equal(r.status, 0, `${cmd} ${args.join(' ')}: ${r.stdout}\n${r.stderr}`);
    return r.stdout.trim();
  };
  assert.equal(run('npm', ['pack', '--silent', '--pack-destination', tmp], { cwd: REL }).split('\n').pop(), `${NAME}.tgz`);
  fs.writeFileSync(path.join(tmp, 'package.json'), JSON.stringify({ name: 'hospital-site', private: true, type: 'module' }));
  run('npm', ['install', '--offline', '--no-audit', '--no-fund', `./${NAME}.tgz`]);
  const pkg = path.join(tmp, 'node_modules', 'evidence-article');
  assert.equal(JSON.parse(fs.readFileSync(path.join(pkg, 'package.json'), 'utf8')).version, VERSION);
  for (const f of ['embed.js', stamp.glue, stamp.wasm, stamp.css, 'embed.d.ts', 'frame.html', 'iframe-host.js', 'manifest.json', 'LICENSE']) {
    assert.ok(fs.existsSync(path.join(pkg, f)), `${f} installed`);
  }
  assert.equal(sri(fs.readFileSync(path.join(pkg, stamp.wasm))), manifest.files[stamp.wasm].integrity, 'installed bytes are the release\'s');
  const resolved = run('node', ['--input-type=module', '-e',
    "for (const s of ['evidence-article', 'evidence-article/embed.js', 'evidence-article/mount', 'evidence-article/evidence-article.css']) console.log(import.meta.resolve(s))"]).split('\n');
  assert.deepEqual(resolved.map((u) => path.relative(pkg, new URL(u).pathname)), ['embed.js', 'embed.js', 'embed.js', 'evidence-article.css']);
  // The types: a host's TypeScript against the installed package; the @ts-expect-error
  // lines fail the check if the types let a wrong call through.
  fs.writeFileSync(path.join(tmp, 'host.ts'), `import { mount, type MountHandle } from 'evidence-article/mount';
import 'evidence-article';
const el = document.createElement('evidence-article');
el.setAttribute('audience', 'nurse');
el.addEventListener('evidence-article:audience-change', (e) => { const a: 'patient' | 'student' | 'nurse' | 'physician' = e.detail.audience; void a; });
el.addEventListener('evidence-article:error', (e) => { const k: string | undefined = e.detail.kind; void k; });
const ok: boolean = el.setAudience('patient');
const h: Promise<MountHandle> = mount(document.body, { audience: 'student', shareState: false, theme: 'dark' });
// @ts-expect-error an unknown audience
mount(document.body, { audience: 'surgeon' });
// @ts-expect-error mount needs an element
mount('slot');
void ok; void h;
`);
  run(TSC, ['--noEmit', '--strict', '--skipLibCheck', '--target', 'es2022', '--module', 'es2022', '--moduleResolution', 'bundler', '--lib', 'es2022,dom', 'host.ts']);

  // The widget, served from the install folder: the element and mount().
  const mod = `/node_modules/evidence-article`;
  const article = fs.readFileSync(path.join(pkg, 'articles', 'azathioprine-ild-uip.json'), 'utf8').replace(/</g, '\\u003c');
  const files = { '/host-mount.js': `import { mount } from '${mod}/embed.js';\nwindow.eaMounted = mount(document.getElementById('slot'), { src: '${mod}/articles/azathioprine-ild-uip.json', audience: 'student', shareState: false });\n` };
  const body = `<script type="module" src="${mod}/embed.js" integrity="${sri(fs.readFileSync(path.join(pkg, 'embed.js')))}" crossorigin="anonymous"></script>
<link rel="stylesheet" href="${mod}/evidence-article.css">
<evidence-article id="pkg" share-state="off"><script type="application/json">${article}</script></evidence-article>
<div id="slot"></div><script type="module" src="/host-mount.js"></script>`;
  const { page } = await hostPage(t, tmp, body, files);
  await page.locator('evidence-article#pkg h1.ea-title').waitFor({ state: 'visible', timeout: 20000 });
  await page.locator('#slot h1.ea-title').waitFor({ state: 'visible', timeout: 20000 });
  await until(async () => (await page.locator('#slot .ea-picker__current strong').innerText()) === 'Student', { message: 'mount() options applied' });
  assert.deepEqual(page.problems.console, []);
  assert.deepEqual(page.problems.pageErrors, []);
});
