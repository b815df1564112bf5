// The studio (dist/studio/, its own wasm) under the widget's strict CSP: paste the
// seed and see no errors and the article; break it (remove a reference) and see the
// problem with its path, choose it and the caret moves there; the draft survives a
// reload; the JSON downloads; bad input gets its message and loses nothing; axe.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { setup, until, axe, expect, ROOT } from './helpers.mjs';

const SEED = fs.readFileSync(path.join(ROOT, 'static/articles/azathioprine-ild-uip.json'), 'utf8');
// The seed without its first reference (whose citations now point nowhere).
const seedObj = JSON.parse(SEED);
const removed = seedObj.references[0].id;
const BROKEN = JSON.stringify({ ...seedObj, references: seedObj.references.slice(1) }, null, 2);

let env;
before(async () => { env = await setup(); });
after(async () => { if (env) await env.close(); });

async function openStudio(page) {
  const res = await page.goto(`${env.server.url}/studio/`);
  assert.match(res.headers()['content-security-policy'] || '', /trusted-types 'none'/);
  await page.locator('#studio-text').waitFor({ state: 'visible', timeout: 20000 });
}
const summary = (page) => page.locator('#studio-problems-summary').textContent();
const waitSummary = (page, re) => until(async () => re.test(await summary(page)), { timeout: 10000, message: `summary ${re}` });

test('studio: seed → no errors and the article; a removed reference → its problem, caret moves; draft survives reload; download', async () => {
  const page = await env.page();
  await openStudio(page);
  await page.locator('#studio-text').fill(SEED);
  await waitSummary(page, /^(No problems|0 errors)/);
  await page.locator('#studio-pane-physician h1.ea-title').waitFor({ state: 'visible' });
  // Reading level and coverage: the figures the CLI's `stats` prints for the seed
  // (tests/cli_commands.rs: whole article 1197 words, grade 6.8; 3 coverage findings).
  assert.match(await page.locator('#studio-reading-overall').textContent(), /^Overall grade 6\.8 .*1197 words\): meets the target of 8\.0/);
  assert.equal(await page.locator('.studio-hardest li').count(), 3);
  assert.ok(await page.locator('#studio-reading-table tbody tr').count() > 20);
  assert.equal(await page.locator('#studio-coverage-h').textContent(), 'Coverage (3 findings)');
  // A reading row's path moves the caret to that text.
  await page.locator('#studio-reading-table tbody tr', { hasText: 'sections[0].blocks[0].text.plain' }).first().getByRole('button').click();
  const before = await page.evaluate(() => { const t = document.getElementById('studio-text'); return t.value.slice(0, t.selectionStart); });
  assert.ok(before.endsWith('"plain": '), before.slice(-40));
  // Professional and plain side by side.
  await page.locator('#studio-view').selectOption('both');
  await page.locator('#studio-pane-patient h1.ea-title').waitFor({ state: 'visible' });
  assert.equal(await page.locator('#studio-pane-physician h1.ea-title').count(), 1);

  await page.locator('#studio-text').fill(BROKEN);
  await waitSummary(page, /^[1-9]\d* errors?/);
  const problem = page.locator('.studio-problem--error', { hasText: removed }).first();
  const path_ = await problem.locator('.studio-problem__path').textContent();
  assert.match(path_, /^sections\[\d+\]/);
  const where = await problem.locator('.studio-problem__where').textContent();
  const [, line, column] = where.match(/line (\d+), column (\d+)/).map(Number);
  await problem.click();
  const caret = await page.evaluate(() => {
    const t = document.getElementById('studio-text');
    const before = t.value.slice(0, t.selectionStart);
    return { focused: document.activeElement === t, line: before.split('\n').length, column: before.length - before.lastIndexOf('\n') };
  });
  assert.deepEqual(caret, { focused: true, line, column });
  // The preview keeps the last valid article and says so.
  await page.locator('.studio-note', { hasText: 'last version without errors' }).waitFor();

  // Kept in this browser: the draft survives a reload.
  await until(async () => (await page.locator('#studio-save').textContent()) === 'Saved in this browser', { message: 'saved' });
  await page.reload();
  await page.locator('#studio-text').waitFor();
  assert.equal(await page.locator('#studio-text').inputValue(), BROKEN);
  await waitSummary(page, /^[1-9]\d* errors?/);

  // Export: the JSON downloads as it is in the editor.
  const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download JSON' }).click()]);
  assert.equal(download.suggestedFilename(), 'azathioprine-ild-uip.json');
  assert.equal(fs.readFileSync(await download.path(), 'utf8'), BROKEN);
  assert.deepEqual(page.problems.pageErrors, []);
  assert.deepEqual(page.problems.offOrigin, []);
  assert.deepEqual(page.problems.console, []);
  await page.context_.close();
});

test('studio: malformed JSON, an oversized paste and too deep nesting get their message; nothing is lost', async () => {
  const page = await env.page();
  await openStudio(page);
  const text = page.locator('#studio-text');
  await text.fill('{\n  "format": "evidence-article/1",\n  "id": \n}');
  await waitSummary(page, /^1 error/);
  assert.match(await page.locator('.studio-problem').textContent(), /line 4, column 1.*not valid JSON/);
  const big = `["${'x'.repeat(2 * 1024 * 1024)}"]`;
  await text.fill(big);
  await waitSummary(page, /^1 error/);
  assert.match(await page.locator('.studio-problem').textContent(), /the limit is 2048 KiB/);
  assert.equal((await text.inputValue()).length, big.length, 'the oversized text stays in the editor');
  await text.fill('['.repeat(100000));
  await waitSummary(page, /^1 error/);
  assert.match(await page.locator('.studio-problem').textContent(), /more than 32 levels/);
  // Still responsive: the template replaces the text after asking (unsaved changes).
  await page.getByRole('button', { name: 'Start from the skeleton' }).click();
  await page.getByRole('button', { name: 'Keep my draft' }).click();
  assert.equal((await text.inputValue()).length, 100000);
  await page.getByRole('button', { name: 'Start from the seed article' }).click();
  await page.getByRole('button', { name: 'Replace my draft' }).click();
  await waitSummary(page, /^(No problems|0 errors)/);
  // A file that is not JSON is refused and the draft stays.
  const before_ = await text.inputValue();
  await page.locator('#studio-file').setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from('Not JSON at all') });
  await page.locator('.studio-notice--refused', { hasText: 'notes.txt was not opened' }).waitFor();
  assert.equal(await text.inputValue(), before_);
  await page.context_.close();
});

test('studio: a file dropped on the editor opens (after asking, over unsaved changes); the copy buttons copy, or leave the text to copy by hand', async () => {
  const page = await env.page();
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.server.url });
  await openStudio(page);
  const text = page.locator('#studio-text');
  /** Drops a file named `name` holding `body` on the editor. */
  const drop = async (name, body) => {
    const dt = await page.evaluateHandle(([n, b]) => {
      const d = new DataTransfer();
      d.items.add(new File([b], n, { type: 'application/json' }));
      return d;
    }, [name, body]);
    await page.locator('.studio-editor').dispatchEvent('dragover', { dataTransfer: dt });
    await expect(page.locator('.studio-editor--drop')).toHaveCount(1);
    await page.locator('.studio-editor').dispatchEvent('drop', { dataTransfer: dt });
  };
  await drop('seed.json', SEED);
  await expect(page.getByRole('status').filter({ hasText: 'Opened seed.json.' })).toHaveCount(1);
  assert.equal(await text.inputValue(), SEED);
  await expect(page.locator('.studio-editor--drop')).toHaveCount(0);
  await waitSummary(page, /^(No problems|0 errors)/);
  await page.locator('#studio-pane-physician h1.ea-title').waitFor({ state: 'visible' });

  // Copy: the snippet with src, and the preview's pre-rendered markup.
  await page.getByRole('button', { name: 'Copy embed snippet (src)' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Copied the embed snippet.' })).toHaveCount(1);
  assert.match(await page.evaluate(() => navigator.clipboard.readText()), /<evidence-article[^>]* src="[^"]*seed\.json"/);
  await page.getByRole('button', { name: 'Copy pre-rendered markup' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Copied the pre-rendered markup.' })).toHaveCount(1);
  const markup = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(markup, /<template shadowrootmode="open">/);
  assert.ok(markup.includes('What is the role of Azathioprine'), 'the article is in the markup');

  // A clipboard that refuses: the text waits in a read-only box, selected by hand.
  await page.evaluate(() => { navigator.clipboard.writeText = () => Promise.reject(new DOMException('denied', 'NotAllowedError')); });
  await page.getByRole('button', { name: 'Copy embed snippet (inline JSON)' }).click();
  await expect(page.locator('.studio-notice--refused', { hasText: 'Not copied' })).toHaveCount(1);
  const manual = page.getByLabel('Copy the embed snippet with the article inline from here');
  await expect(manual).toHaveCount(1);
  assert.match(await manual.inputValue(), /<script type="application\/json">/);

  // Unsaved edits: a second drop asks first; "Keep my draft" keeps them.
  await text.fill(`${SEED} `);
  await drop('other.json', BROKEN);
  await page.getByRole('button', { name: 'Keep my draft' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Kept your draft; other.json was not opened.' })).toHaveCount(1);
  assert.equal(await text.inputValue(), `${SEED} `);
  assert.deepEqual(page.problems.pageErrors, []);
  await page.context_.close();
});

test('studio: axe finds no violations (editor, problems, panels, one preview and two side by side)', async () => {
  const page = await env.page();
  await openStudio(page);
  await page.locator('#studio-text').fill(BROKEN);
  await waitSummary(page, /^[1-9]\d* errors?/);
  await page.locator('#studio-text').fill(SEED);
  await waitSummary(page, /^(No problems|0 errors)/);
  await page.locator('#studio-pane-physician h1.ea-title').waitFor({ state: 'visible' });
  assert.deepEqual(await axe(page), []);
  // Professional and plain side by side: two widgets, no clashing ids.
  await page.locator('#studio-view').selectOption('both');
  await page.locator('#studio-pane-patient h1.ea-title').waitFor({ state: 'visible' });
  assert.deepEqual(await axe(page), []);
  await page.context_.close();
});
