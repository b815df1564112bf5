// Collapsible sections: mouse, keyboard, expand/collapse all, deep links,
// find-in-page, print, popover interplay and accessibility.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { setup, ready, until, activeId, axe, expect } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
// Every context closes after each test, passed or failed; the browser and server after the file.
afterEach(async () => { await env?.closePages(); });
after(async () => { await env?.close(); });

async function fresh(path = '/', opts) {
  const page = await env.page(opts);
  await page.goto(env.server.url + path);
  await ready(page);
  return page;
}
const toggle = (page, id) => page.locator(`#${id}-btn`);
const expanded = (page, id) => toggle(page, id).getAttribute('aria-expanded');
const hidden = (page, id) => page.locator(`#${id}-body`).evaluate((b) => b.hasAttribute('hidden'));

test('mouse toggles a section; ARIA and content follow', async () => {
  const page = await fresh();
  const id = 'research-treatment-outcomes';
  assert.equal(await expanded(page, id), 'true');
  assert.equal(await page.locator(`#${id}-btn`).getAttribute('aria-controls'), `${id}-body`);
  await page.locator(`#${id}-btn`).click();
  await expect(toggle(page, id)).toHaveAttribute('aria-expanded', 'false');
  assert.equal(await hidden(page, id), true);
  assert.equal(await page.getByText('27% of patients discontinuing').isVisible(), false);
  await page.locator(`#${id}-btn`).click();
  await expect(toggle(page, id)).toHaveAttribute('aria-expanded', 'true');
  assert.ok(await page.getByText('27% of patients discontinuing').isVisible());
});

test('Enter and Space toggle; focus stays on the button', async () => {
  const page = await fresh();
  await page.locator('#guidelines-btn').focus();
  await page.keyboard.press('Enter');
  await expect(toggle(page, 'guidelines'), 'Enter closes').toHaveAttribute('aria-expanded', 'false');
  await page.keyboard.press('Space');
  await expect(toggle(page, 'guidelines'), 'Space opens').toHaveAttribute('aria-expanded', 'true');
  assert.equal(await activeId(page), 'guidelines-btn');
});

test('Collapse all and Expand all', async () => {
  const page = await fresh();
  await page.getByRole('button', { name: 'Collapse all' }).click();
  const ids = await page.locator('.ea-section__toggle').evaluateAll((bs) => bs.map((b) => b.id.replace(/-btn$/, '')));
  assert.equal(ids.length, 6);
  for (const i of ids) await expect(toggle(page, i), 'all collapsed').toHaveAttribute('aria-expanded', 'false');
  assert.deepEqual(await axe(page), [], 'axe, all collapsed');
  await page.getByRole('button', { name: 'Expand all' }).click();
  for (const i of ids) await expect(toggle(page, i), 'all expanded').toHaveAttribute('aria-expanded', 'true');
  assert.deepEqual(await axe(page), [], 'axe, all expanded');
});

test('a #fragment opens that section and its ancestors and scrolls it into view', async () => {
  const page = await fresh('/?ea=1;shut:research,research-treatment-outcomes#research-treatment-outcomes');
  await expect(toggle(page, 'research'), 'opened by fragment').toHaveAttribute('aria-expanded', 'true');
  await expect(toggle(page, 'research-treatment-outcomes'), 'opened by fragment').toHaveAttribute('aria-expanded', 'true');
  await until(() => page.locator('#research-treatment-outcomes-btn').evaluate((b) => {
    const r = b.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= innerHeight;
  }), { message: 'scrolled into view' });
});

test('find-in-page reveals collapsed text and the widget state follows', async () => {
  const page = await fresh();
  await page.getByRole('button', { name: 'Collapse all' }).click();
  await expect(toggle(page, 'research-treatment-outcomes')).toHaveAttribute('aria-expanded', 'false');
  // Chromium's find-in-page fires `beforematch` on hidden="until-found" content and
  // reveals it. window.find() does not drive that path in headless Chromium, so the
  // test fires the same event the browser fires, on the element the browser would.
  const found = await page.evaluate(() => window.find('27% of patients discontinuing'));
  if (!(await page.locator('#research-treatment-outcomes-body').evaluate((b) => !b.hasAttribute('hidden')))) {
    await page.locator('#research-treatment-outcomes-body').evaluate((b) => b.dispatchEvent(new Event('beforematch', { bubbles: true })));
  }
  await expect(toggle(page, 'research-treatment-outcomes'), `revealed (window.find returned ${found})`).toHaveAttribute('aria-expanded', 'true');
  assert.ok(await page.getByText('27% of patients discontinuing').isVisible());
});

test('print shows every section, without disclosure controls', async () => {
  const page = await fresh();
  await page.getByRole('button', { name: 'Collapse all' }).click();
  await expect(toggle(page, 'guidelines')).toHaveAttribute('aria-expanded', 'false');
  await page.emulateMedia({ media: 'print' });
  for (const text of ['27% of patients discontinuing', 'Early referral for lung transplantation', 'mycophenolate mofetil may support preservation']) {
    assert.ok(await page.getByText(text).first().isVisible(), `${text} printed`);
  }
  assert.equal(await page.getByRole('button', { name: 'Expand all' }).isVisible(), false, 'tools not printed');
});

// On a phone the top-level sections and the reference list start below the fold and
// skip rendering until they near the screen (CSS content-visibility: auto, so the
// page's first layout is the header's). Their content must still be reached by a
// deep link, find-in-page and print, without anything shifting.
test('phone: a section below the fold is not rendered at first, yet a deep link lands on it, find-in-page finds it, print shows it; CLS 0', async () => {
  const phone = { viewport: { width: 412, height: 823 } };
  const target = '#research-treatment-outcomes-btn';
  const rendered = (page) => page.locator(target).evaluate((el) => el.checkVisibility({ contentVisibilityAuto: true }));
  const page = await fresh('/', phone);
  assert.equal(await rendered(page), false, 'skipped while far below the fold');
  assert.equal(await page.locator(target).evaluate((el) => el.checkVisibility()), true, 'in the page, not hidden');
  // Find-in-page reaches skipped content (and scrolls to it).
  assert.equal(await page.evaluate(() => window.find('27% of patients discontinuing')), true, 'found');
  await until(() => rendered(page), { message: 'rendered once found' });
  await page.emulateMedia({ media: 'print' });
  const printed = await page.locator('.ea-section, .ea-refs').evaluateAll((els) => els.map((el) => getComputedStyle(el).contentVisibility));
  assert.ok(printed.every((v) => v === 'visible'), `nothing skipped in print: ${printed}`);

  // A deep link: the section centred in the viewport (the widget scrolls it there; it
  // is shorter than the window), rendered, and it stays there.
  const linked = await env.page(phone);
  await linked.addInitScript(() => {
    window.__shift = 0;
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__shift += e.value; }).observe({ type: 'layout-shift', buffered: true });
  });
  await linked.goto(`${env.server.url}/#research-treatment-outcomes`);
  await ready(linked);
  const offCentre = () => linked.locator('#research-treatment-outcomes').evaluate((el) => {
    const r = el.getBoundingClientRect();
    return Math.round(Math.abs(r.top - (innerHeight - r.height) / 2));
  });
  await until(async () => (await offCentre()) <= 1, { message: 'deep link centred in the viewport' });
  assert.equal(await rendered(linked), true, 'rendered');
  // Two more frames: sections near it rendering in (their real size replacing the guess) move nothing on screen.
  await linked.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  assert.ok((await offCentre()) <= 1, 'still centred');
  assert.equal(await linked.evaluate(() => window.__shift), 0, 'CLS 0');
  assert.deepEqual(linked.problems.pageErrors, []);
});

test('collapsing a section with an open popover closes it and focuses the section button', async () => {
  const page = await fresh();
  await page.locator('#research-treatment-outcomes-body .ea-cite__btn').first().click();
  await page.getByRole('dialog').waitFor({ state: 'visible' });
  await page.locator('#research-treatment-outcomes-btn').click();
  await page.getByRole('dialog').waitFor({ state: 'detached' });
  await until(async () => (await activeId(page)) === 'research-treatment-outcomes-btn', { message: 'focus on section button' });
});
