// Charts of findings in a real browser: the citation popover shows its source's
// charts, "Evidence at a glance" is a section like the others (toggle, deep link,
// share link), "Show as table" reveals a real table, every chart is role="img"
// with a name that states the numbers, patients get the plain wording (also after a
// switch, both ways, with the marks kept), and the marks stay visible in dark theme
// and forced colours.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { setup, ready, until, axe, expect } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
after(async () => { await env?.close(); });

const GLANCE = 'research-evidence-at-a-glance';
const IRR = 'Death, transplant or respiratory hospitalisation, azathioprine vs mycophenolate mofetil: '
  + 'incidence rate ratio 1.23, 95% confidence interval 0.49 to 3.12 — the interval crosses 1, so no clear difference.';

async function fresh(path = '/', opts) {
  const page = await env.page(opts);
  await page.goto(env.server.url + path);
  await ready(page);
  return page;
}
const expanded = (page, id) => page.locator(`#${id}-btn`).getAttribute('aria-expanded');
const imgNames = (root) => root.locator('svg[role="img"]').evaluateAll((ss) => ss.map((s) => s.getAttribute('aria-label')));

test('every finding is drawn in the glance section as a named image', async () => {
  const page = await fresh();
  const glance = page.locator(`#${GLANCE}`);
  assert.equal(await expanded(page, GLANCE), 'true');
  assert.equal(await page.getByRole('button', { name: 'Evidence at a glance', exact: true }).count(), 1);
  const names = await imgNames(glance);
  assert.equal(names.length, 6, 'six findings');
  assert.equal(names[0], IRR);
  assert.ok(names.some((n) => n.includes('15 of 56 (27%)')), 'Boerner counts');
  assert.ok(names.some((n) => n.includes('27 of 41 (66%)')), 'Boerner counts');
  assert.ok(names.some((n) => n.includes('difference +4.53 percentage points, 95% confidence interval 2.12 to 6.94')), 'Matson DLCO');
  // Accessible names as the browser computes them (not only the attribute).
  assert.equal(await glance.getByRole('img', { name: IRR, exact: true }).count(), 1);
  // The ratio is drawn on a log axis around 1: 0.5 and 2 are equally far from 1.
  const ticks = await glance.locator('figure.ea-chart--ratio .ea-chart__tick').evaluateAll((ts) =>
    ts.map((t) => [t.textContent, t.getBoundingClientRect().x + t.getBoundingClientRect().width / 2]));
  assert.deepEqual(ticks.map(([label]) => label), ['0.25', '0.5', '1', '2', '4']);
  const x = Object.fromEntries(ticks);
  assert.ok(Math.abs((x['1'] - x['0.5']) - (x['2'] - x['1'])) < 1, JSON.stringify(ticks));
  assert.deepEqual(await axe(page, `#${GLANCE}`), [], 'axe, glance section');
  await page.context_.close();
});

test('the citation popover shows its source’s charts', async () => {
  const page = await fresh();
  await page.locator('.ea-cite__btn[data-ref="2"]').first().click();
  const dialog = page.getByRole('dialog', { name: 'Reference 2' });
  await dialog.waitFor({ state: 'visible' });
  await until(async () => (await dialog.getByRole('img').count()) === 2, { message: 'two Oldham charts' });
  assert.ok(await dialog.getByRole('img', { name: IRR, exact: true }).isVisible());
  assert.match(await dialog.getByRole('img').nth(1).getAttribute('aria-label'), /Azathioprine: 27%; Mycophenolate mofetil: 5%/);
  // A source without numbers (the guideline) has no chart.
  await page.locator('.ea-cite__btn[data-ref="1"]').first().click();
  await until(async () => /Reference 1/.test(await page.getByRole('dialog').innerText()), { message: 'swapped to 1' });
  assert.equal(await page.getByRole('dialog').getByRole('img').count(), 0);
  await page.context_.close();
});

test('"Show as table" reveals the same numbers in a real table', async () => {
  const page = await fresh();
  const fig = page.locator(`#${GLANCE} figure.ea-chart`).first();
  const table = fig.locator('table');
  assert.equal(await table.isVisible(), false);
  await fig.getByText('Show as table', { exact: true }).click();
  await until(() => table.isVisible(), { message: 'table shown' });
  const cells = await table.locator('th, td').allInnerTexts();
  assert.deepEqual(cells, ['Incidence rate ratio', '95% confidence interval', '1.23', '0.49 to 3.12']);
  await fig.getByText('Show as table', { exact: true }).click();
  await until(async () => !(await table.isVisible()), { message: 'table hidden again' });
  const boerner = page.locator(`#${GLANCE} figure.ea-chart--proportion`).nth(1);
  await boerner.locator('summary').focus();
  await page.keyboard.press('Enter');
  await until(() => boerner.locator('table').isVisible(), { message: 'keyboard opens the table' });
  assert.match(await boerner.locator('table').innerText(), /15 of 56\s+27%/);
  await page.context_.close();
});

test('the glance section toggles, deep-links and travels in share links', async () => {
  const page = await fresh();
  await page.locator(`#${GLANCE}-btn`).click();
  await until(async () => (await expanded(page, GLANCE)) === 'false', { message: 'collapsed' });
  assert.equal(await page.locator(`#${GLANCE} svg[role="img"]`).first().isVisible(), false);
  await until(() => page.url().includes(`shut:${GLANCE}`), { message: 'share state carries it' });
  const link = page.url();
  await page.context_.close();

  const again = await fresh(link.slice(env.server.url.length));
  // Retrying: under load the first read could come before the restored state is drawn.
  await expect(again.locator(`#${GLANCE}-btn`), 'shared state restores it closed').toHaveAttribute('aria-expanded', 'false');
  await expect(again.locator('#research-treatment-outcomes-btn')).toHaveAttribute('aria-expanded', 'true');
  await again.context_.close();

  const deep = await fresh(`/?ea=1;shut:research,${GLANCE}#${GLANCE}`);
  await until(async () => (await expanded(deep, 'research')) === 'true' && (await expanded(deep, GLANCE)) === 'true', { message: 'opened by fragment' });
  await until(() => deep.locator(`#${GLANCE}-btn`).evaluate((b) => {
    const r = b.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= innerHeight;
  }), { message: 'scrolled into view' });
  await deep.context_.close();
});

test('patients get the plain wording, without statistical terms', async () => {
  const page = await fresh('/?ea=1;aud:patient');
  assert.equal(await page.getByRole('button', { name: 'The numbers at a glance', exact: true }).count(), 1);
  const names = await imgNames(page.locator(`#${GLANCE}`));
  assert.equal(names.length, 6);
  assert.match(names[0], /The result was 1\.23\. The true value is probably between 0\.49 and 3\.12\./);
  for (const n of names) assert.doesNotMatch(n, /confidence interval|incidence|trajectory/, n);
  const text = await page.locator(`#${GLANCE}`).innerText();
  assert.doesNotMatch(text, /95% CI/);
  await page.context_.close();
});

// What an audience switch changes in the charts: every word (names, captions, legends,
// tables, the bars' group names), never the marks of the same numbers.
const words = (page) => page.locator(`#${GLANCE}`).evaluate((g) => ({
  names: [...g.querySelectorAll('svg[role="img"]')].map((s) => s.getAttribute('aria-label')),
  text: [...g.querySelectorAll('figcaption, .ea-chart__legend, table, .ea-chart__label')].map((e) => e.textContent),
}));

test('an audience switch rewrites the charts’ words, both ways, and keeps their marks', async () => {
  const page = await fresh();
  const professional = await words(page);
  assert.ok(professional.text.includes('Patients with CTD-ILD on'), 'a bar named in professional words');
  // The ratio's square: the same node after the switches (its numbers do not change).
  await page.locator(`#${GLANCE} .ea-chart__est`).first().evaluate((e) => { window.__eaEst = e; });
  const sameMark = () => page.locator(`#${GLANCE} .ea-chart__est`).first().evaluate((e) => e === window.__eaEst);
  await page.getByLabel('Patient or caregiver', { exact: true }).click();
  await until(async () => (await words(page)).names[0] !== IRR, { message: 'names follow the switch' });
  const plain = await words(page);
  assert.match(plain.names[0], /^Deaths, lung transplants.*The result was 1\.23\. The true value is probably between 0\.49 and 3\.12\./);
  assert.ok(plain.text.includes('People with CTD-ILD who took'), 'the bar named in plain words');
  assert.ok(!plain.text.includes('Patients with CTD-ILD on'), 'no professional bar name left');
  for (const n of plain.names) assert.doesNotMatch(n, /confidence interval/, n);
  // The same words as a page that opens in that audience.
  const linked = await fresh('/?ea=1;aud:patient');
  assert.deepEqual(await words(linked), plain, 'as opened in plain words');
  await linked.context_.close();
  assert.ok(await sameMark(), 'the ratio’s marks kept');
  await page.getByLabel('Physician or advanced practice clinician', { exact: true }).click();
  await until(async () => (await words(page)).names[0] === IRR, { message: 'names follow the switch back' });
  assert.deepEqual(await words(page), professional, 'every word back as it was');
  assert.ok(await sameMark(), 'the ratio’s marks kept');
  await page.context_.close();
});

test('chart marks keep their contrast in light and dark themes and forced colours', async () => {
  for (const media of [{ colorScheme: 'light' }, { colorScheme: 'dark' }, { forcedColors: 'active' }]) {
    const page = await env.page();
    await page.emulateMedia(media);
    await page.goto(env.server.url + '/');
    await ready(page);
    const colours = await page.locator(`#${GLANCE} figure.ea-chart--ratio`).evaluate((fig) => {
      const bg = getComputedStyle(fig.closest('.ea-root')).backgroundColor;
      const est = getComputedStyle(fig.querySelector('.ea-chart__est')).fill;
      const ci = getComputedStyle(fig.querySelector('.ea-chart__ci')).stroke;
      const tick = getComputedStyle(fig.querySelector('.ea-chart__tick')).fill;
      return { bg, est, ci, tick };
    });
    const rgb = (c) => (c.match(/[\d.]+/g) || []).slice(0, 3).map(Number);
    const lum = (c) => {
      const [r, g, b] = rgb(c).map((v) => { v /= 255; return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4; });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
    assert.ok(ratio(colours.est, colours.bg) >= 3, `${JSON.stringify(media)} marks ${JSON.stringify(colours)}`);
    assert.ok(ratio(colours.ci, colours.bg) >= 3, `${JSON.stringify(media)} interval ${JSON.stringify(colours)}`);
    assert.ok(ratio(colours.tick, colours.bg) >= 4.5, `${JSON.stringify(media)} tick labels ${JSON.stringify(colours)}`);
    await page.context_.close();
  }
});
