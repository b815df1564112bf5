// Audience personalization in a real browser: mouse, keyboard, persistence, blocked
// storage, term popovers and accessibility in every audience; a switch changes the
// whole article in one scheduler run, so in one frame (`components/last.rs`).
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { setup, ready, until, activeId, axe, saveShot, expect } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
// Every context closes after each test, passed or failed; the browser and server after the file.
afterEach(async () => { await env?.closePages(); });
after(async () => { await env?.close(); });

const TITLES = {
  patient: 'What the guidelines say',
  student: 'From the Guidelines',
  nurse: 'From the Guidelines',
  physician: 'From the Guidelines',
};
const LABELS = {
  patient: 'Patient or caregiver',
  student: 'Student',
  nurse: 'Nurse, pharmacist or allied health professional',
  physician: 'Physician or advanced practice clinician',
};

async function fresh(opts) {
  const page = await env.page(opts);
  await page.goto(env.server.url + '/');
  await ready(page);
  return page;
}

const reading = (page) => page.locator('.ea-picker__current strong');
const current = (page) => reading(page).innerText();

test('each audience can be chosen with the mouse and changes the text in place', async () => {
  const page = await fresh();
  assert.equal(await current(page), LABELS.physician, 'default is physician');
  for (const id of ['patient', 'student', 'nurse', 'physician']) {
    await page.getByLabel(LABELS[id], { exact: true }).click();
    await expect(reading(page), `reading as ${id}`).toHaveText(LABELS[id]);
    assert.ok(await page.getByRole('button', { name: TITLES[id], exact: true }).isVisible(), `${id} section title`);
    assert.match(await page.locator('.ea-live').innerText(), new RegExp(`Now reading as: ${LABELS[id].replace(/[,]/g, '.?')}`));
  }
  assert.deepEqual(page.problems.console, []);
});

test('a switch changes the whole article in one go, the references and follow-up too (6x CPU)', async () => {
  const page = await fresh();
  const cdp = await page.context_.newCDPSession(page);
  // Slow enough that Yew's scheduler passes its 16 ms and yields to the browser at the
  // first chance (once no render is queued).
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 6 });
  for (const id of ['patient', 'physician']) {
    // One observer callback per batch of changes: Yew's scheduler runs in a microtask and
    // the callback after it, so an update that yields mid-way makes two (or more).
    await page.evaluate(() => {
      window.__eaObserver?.disconnect();
      window.__eaBatches = [];
      const parts = ['.ea-header', '.ea-body', '.ea-refs', '.ea-disclaimer', '.ea-followup'];
      window.__eaObserver = new MutationObserver((rs) => {
        const hit = new Set();
        for (const r of rs) {
          const el = r.target.nodeType === 1 ? r.target : r.target.parentElement;
          if (!el?.closest('.ea-article')) continue;
          for (const p of parts) if (el.closest(p)) hit.add(p);
        }
        if (hit.size) window.__eaBatches.push([...hit]);
      });
      window.__eaObserver.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
    });
    await page.getByLabel(LABELS[id], { exact: true }).click();
    await expect(reading(page), `reading as ${id}`).toHaveText(LABELS[id]);
    await until(() => page.evaluate(() => window.__eaBatches.flat().includes('.ea-disclaimer')), { message: `the disclaimer follows (${id})` });
    await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));
    const batches = await page.evaluate(() => window.__eaBatches);
    assert.equal(batches.length, 1, `${id}: one batch of changes, not ${JSON.stringify(batches)}`);
    assert.deepEqual(batches[0].sort(), ['.ea-body', '.ea-disclaimer', '.ea-followup', '.ea-header', '.ea-refs'], id);
  }
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
});

test('keyboard: arrow keys in the radio group change the audience', async () => {
  const page = await fresh();
  await page.getByRole('button', { name: 'Change' }).click();
  assert.equal(await activeId(page), 'audience-physician', '"Change" focuses the current choice');
  await page.keyboard.press('ArrowUp');
  await expect(reading(page), 'nurse via ArrowUp').toHaveText(LABELS.nurse);
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(reading(page), 'patient via ArrowUp x3').toHaveText(LABELS.patient);
  assert.ok(await page.getByRole('button', { name: 'What the guidelines say', exact: true }).isVisible());
});

test('the choice is remembered across reloads under one prefixed key', async () => {
  const page = await fresh();
  await page.getByLabel(LABELS.patient, { exact: true }).click();
  await expect(reading(page)).toHaveText(LABELS.patient);
  await page.goto(env.server.url + '/');
  await ready(page);
  assert.equal(await current(page), LABELS.patient);
  const stored = await page.evaluate(() => Object.fromEntries(Object.entries(localStorage)));
  assert.deepEqual(stored, { 'evidence-article:audience': 'patient' });
});

test('an unknown stored value is ignored and removed', async () => {
  const page = await env.page();
  await page.goto(env.server.url + '/editorial-policy.html');
  await page.evaluate(() => localStorage.setItem('evidence-article:audience', '<img src=x onerror=alert(1)>'));
  await page.goto(env.server.url + '/');
  await ready(page);
  assert.equal(await current(page), LABELS.physician);
  assert.equal(await page.evaluate(() => localStorage.getItem('evidence-article:audience')), null);
});

test('with localStorage throwing, the widget works and switches audience from memory', async () => {
  const page = await env.page();
  await page.addInitScript(() => {
    Object.defineProperty(window, 'localStorage', { get() { throw new DOMException('blocked', 'SecurityError'); } });
  });
  await page.goto(env.server.url + '/');
  await ready(page);
  await page.getByLabel(LABELS.student, { exact: true }).click();
  await expect(reading(page)).toHaveText(LABELS.student);
  await page.getByLabel(LABELS.patient, { exact: true }).click();
  await expect(reading(page)).toHaveText(LABELS.patient);
  assert.deepEqual(page.problems.pageErrors, []);
  assert.deepEqual(page.problems.console, []);
});

test('nurses get abbreviations expanded on first use; terms open a definition popover', async () => {
  const page = await fresh();
  await page.getByLabel(LABELS.nurse, { exact: true }).click();
  await expect(reading(page)).toHaveText(LABELS.nurse);
  const guideline = await page.locator('#guidelines-body').innerText();
  assert.match(guideline, /TNFi \(tumou?r necrosis factor inhibitors?\)/i);
  const term = page.locator('#guidelines-body .ea-term', { hasText: 'TNFi' }).first();
  const termId = await term.getAttribute('id');
  await term.click();
  const dialog = page.getByRole('dialog');
  await dialog.waitFor({ state: 'visible' });
  assert.match(await dialog.innerText(), /necrosis factor/i);
  await page.keyboard.press('Escape');
  await dialog.waitFor({ state: 'detached' });
  assert.equal(await activeId(page), termId, 'focus returns to the term');
});

test('axe finds no violations in any audience', async () => {
  const page = await fresh();
  for (const id of ['patient', 'student', 'nurse', 'physician']) {
    await page.getByLabel(LABELS[id], { exact: true }).click();
    await expect(reading(page)).toHaveText(LABELS[id]);
    assert.deepEqual(await axe(page), [], `axe violations for ${id}`);
    if (id === 'patient') await page.screenshot({ path: saveShot('patient.png'), fullPage: true });
  }
});
