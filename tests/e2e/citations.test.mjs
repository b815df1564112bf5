// Citation popovers and the reference list with a real pointer and keyboard.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { setup, ready, until, activeId, axe, expect } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
// Every context closes after each test, passed or failed; the browser and server after the file.
afterEach(async () => { await env?.closePages(); });
after(async () => { await env?.close(); });

async function fresh(opts) {
  const page = await env.page(opts);
  await page.goto(env.server.url + '/');
  await ready(page);
  return page;
}
const dialog = (page) => page.getByRole('dialog');
const marker = (page, n, i = 0) => page.locator(`.ea-cite__btn[data-ref="${n}"]`).nth(i);

test('markers are buttons with descriptive names and 24px touch targets that keep the line height', async () => {
  const page = await fresh();
  const box = await marker(page, 2).boundingBox();
  assert.ok(box.width >= 24 && box.height >= 24, `target ${box.width}x${box.height}`);
  const lines = await page.locator('#guidelines-body p').first().evaluate((p) => {
    const lh = parseFloat(getComputedStyle(p).lineHeight);
    return Math.round(p.getBoundingClientRect().height / lh * 100) / 100;
  });
  assert.ok(Math.abs(lines - Math.round(lines)) < 0.05, `paragraph height is a whole number of lines (${lines})`);
  assert.equal(await marker(page, 2).getAttribute('aria-label'), 'Reference 2: Oldham JM et al., Respir Med 2016');
  assert.equal(await marker(page, 2).getAttribute('aria-expanded'), 'false');
});

test('click opens a labelled dialog; clicking another marker swaps it', async () => {
  const page = await fresh();
  await marker(page, 1).click();
  await dialog(page).waitFor({ state: 'visible' });
  assert.equal(await marker(page, 1).getAttribute('aria-expanded'), 'true');
  assert.equal(await marker(page, 1).getAttribute('aria-controls'), 'popover');
  const text = await dialog(page).innerText();
  assert.match(text, /Reference 1/);
  assert.match(text, /Johnson SR, Bernstein EJ, Bolster MB, et al\./);
  assert.match(text, /Type of source: Clinical practice guideline/);
  assert.equal(await page.getByRole('dialog', { name: 'Reference 1' }).count(), 1, 'dialog labelled by its title');
  await marker(page, 3).click();
  await expect(dialog(page), 'swapped to 3').toContainText('Reference 3');
  assert.equal(await page.locator('.ea-popover').count(), 1, 'only one popover');
  assert.match(await dialog(page).innerText(), /27%/);
  const links = await dialog(page).locator('a').evaluateAll((as) => as.map((a) => [a.href, a.target, a.rel]));
  for (const [, target, rel] of links) { assert.equal(target, '_blank'); assert.equal(rel, 'noopener noreferrer'); }
});

test('the marker or term already says aria-expanded="true" when its popover opens (sections are roots of their own; 4x CPU)', async () => {
  const page = await fresh();
  const cdp = await page.context_.newCDPSession(page);
  // Slow enough that Yew's scheduler yields to the browser mid-update.
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  // `beforetoggle` fires inside showPopover: the anchor's state at the moment the
  // dialog opens, for the button last clicked (a capture listener runs before Yew's).
  await page.evaluate(() => {
    window.__eaOpened = [];
    let clicked = null;
    document.addEventListener('click', (e) => { clicked = e.target.closest('.ea-cite__btn, .ea-term') ?? clicked; }, true);
    document.addEventListener('beforetoggle', (e) => {
      if (e.newState === 'open' && e.target.getAttribute('role') === 'dialog') window.__eaOpened.push([clicked?.id, clicked?.getAttribute('aria-expanded')]);
    }, true);
  });
  const opened = () => page.evaluate(() => window.__eaOpened.length);
  const anchors = [
    page.locator('#research-treatment-outcomes-body .ea-cite__btn[data-ref="3"]').first(),
    // Another section: the popover moves.
    page.locator('#guidelines-body .ea-cite__btn').first(),
    page.locator('.ea-term').first(),
  ];
  for (const [i, a] of anchors.entries()) {
    await a.scrollIntoViewIfNeeded();
    await a.click();
    await until(async () => (await opened()) === i + 1, { message: `popover ${i + 1} opened` });
    await expect(a).toHaveAttribute('aria-expanded', 'true');
  }
  const ids = await Promise.all(anchors.map((a) => a.getAttribute('id')));
  assert.deepEqual(await page.evaluate(() => window.__eaOpened), ids.map((id) => [id, 'true']), 'each anchor expanded when its dialog opened');
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
});

test('Escape closes and returns focus to the marker, for every marker', async () => {
  const page = await fresh();
  const ids = await page.locator('.ea-cite__btn').evaluateAll((bs) => bs.map((b) => b.id));
  assert.ok(ids.length >= 20, `${ids.length} markers`);
  for (const id of ids) {
    await page.locator(`#${id}`).focus();
    await page.keyboard.press('Enter');
    await dialog(page).waitFor({ state: 'visible' });
    await page.keyboard.press('Escape');
    await dialog(page).waitFor({ state: 'detached' });
    assert.equal(await activeId(page), id, `focus back on ${id}`);
  }
});

test('focus returned on Escape stays where the reader moves it next, even when the check after the return runs late', async () => {
  const page = await env.page();
  await page.clock.install({ time: new Date('2026-01-01T10:00:00') });
  await page.goto(env.server.url + '/');
  await ready(page);
  // Timers held from here: the focus return's second look (a timer) waits, as it does
  // behind other tasks on a busy main thread (parts hydrating after the ready signal).
  await page.clock.pauseAt(new Date('2026-01-01T12:00:00'));
  const id = await marker(page, 2).getAttribute('id');
  await marker(page, 2).focus();
  await page.keyboard.press('Enter');
  await dialog(page).waitFor({ state: 'visible' });
  await page.keyboard.press('Escape');
  await dialog(page).waitFor({ state: 'detached' });
  await expect.poll(() => activeId(page), { message: 'focus back on the marker' }).toBe(id);
  await page.keyboard.press('Tab');
  const next = await activeId(page);
  assert.notEqual(next, id, 'Tab moved focus on');
  await page.clock.runFor(1000);
  assert.equal(await activeId(page), next, 'focus stays where Tab put it');
  assert.deepEqual(page.problems.pageErrors, []);
});

test('keyboard focus alone does not open; Space opens; the pinned popover is reachable with Tab', async () => {
  const page = await fresh();
  await marker(page, 4).focus();
  // Two rendered frames: anything focus would have opened is on screen by then.
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));
  assert.equal(await page.locator('.ea-popover').count(), 0, 'focus does not open');
  await page.keyboard.press('Space');
  await dialog(page).waitFor({ state: 'visible' });
  await page.keyboard.press('Tab');
  const inside = await page.evaluate(() => !!document.activeElement?.closest('.ea-popover'));
  assert.ok(inside, 'Tab moves within the popover');
});

test('hover opens after a delay, survives moving onto the popover, closes after leaving both', async () => {
  // The page's clock is Playwright's fake one: the hover timers run when the test
  // advances time, so the delays are checked exactly and nothing sleeps.
  const page = await env.page();
  await page.clock.install();
  await page.goto(env.server.url + '/');
  await ready(page);
  await page.clock.pauseAt(Date.now() + 60_000);
  const m = marker(page, 2);
  await m.scrollIntoViewIfNeeded();
  const box = await m.boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
  await page.clock.runFor(200);
  await expect(page.locator('.ea-popover'), 'not before the hover delay').toHaveCount(0);
  await page.clock.runFor(150);
  await expect(dialog(page)).toBeVisible();
  const pop = await page.locator('.ea-popover').boundingBox();
  // Move onto the popover (the hover bridge) and stay there past the close delay.
  await page.mouse.move(pop.x + pop.width / 2, pop.y + 10, { steps: 5 });
  await page.clock.runFor(1000);
  await expect(dialog(page), 'stays while hovered').toBeVisible();
  await page.mouse.move(2, 2);
  await page.clock.runFor(1000);
  await expect(dialog(page)).toHaveCount(0);
});

test('a click outside closes the popover', async () => {
  const page = await fresh();
  await marker(page, 5).click();
  await dialog(page).waitFor({ state: 'visible' });
  await page.locator('h1').click();
  await dialog(page).waitFor({ state: 'detached' });
  assert.equal(await activeId(page), await marker(page, 5).getAttribute('id'));
});

for (const viewport of [{ width: 1280, height: 800 }, { width: 320, height: 640 }]) {
  test(`popover stays inside the viewport at ${viewport.width}x${viewport.height}, near each edge`, async () => {
    const page = await fresh({ viewport });
    const count = await page.locator('.ea-cite__btn').count();
    for (const i of [0, Math.floor(count / 2), count - 1]) {
      for (const block of ['start', 'end']) {
        const m = page.locator('.ea-cite__btn').nth(i);
        await m.evaluate((b, block) => b.scrollIntoView({ block }), block);
        await m.click();
        await dialog(page).waitFor({ state: 'visible' });
        const [p, a] = await Promise.all([page.locator('.ea-popover').boundingBox(), m.boundingBox()]);
        assert.ok(p.x >= 0 && p.y >= 0 && p.x + p.width <= viewport.width + 0.5 && p.y + p.height <= viewport.height + 0.5,
          `marker ${i} at ${block}: popover ${JSON.stringify(p)} inside ${JSON.stringify(viewport)}`);
        if (viewport.width >= 480) {
          const overlap = !(a.x + a.width <= p.x || p.x + p.width <= a.x || a.y + a.height <= p.y || p.y + p.height <= a.y);
          assert.equal(overlap, false, `marker ${i} at ${block} is not covered`);
        }
        await page.keyboard.press('Escape');
        await dialog(page).waitFor({ state: 'detached' });
      }
    }
    await page.context_.close();
  });
}

test('Go to reference list moves focus to the entry; back-links reach the markers', async () => {
  const page = await fresh();
  await marker(page, 5).click();
  await dialog(page).getByRole('button', { name: 'Go to reference list' }).click();
  await until(async () => (await activeId(page)) === 'ref-5', { message: 'focus on ref-5' });
  await page.locator('#ref-5').getByRole('link', { name: 'Comparison with Other Treatments' }).click();
  const id = await activeId(page);
  assert.match(id, /^cite-\d+-5$/);
  assert.ok(await page.locator(`#${id}`).evaluate((b) => b.closest('#research-comparison-with-other-treatments') !== null));
});

test('a popover taller than the room it gets keeps its actions in view; pressing one does not scroll it away', async () => {
  // A short viewport caps the popover's height, so its content scrolls. The actions
  // used to be at the end of that content: out of view, and pressing a half-visible
  // one focused it, which scrolled the popover under the pointer and lost the click.
  // Now the body scrolls and the actions stay below it.
  const page = await fresh({ viewport: { width: 1280, height: 560 } });
  await marker(page, 5).evaluate((b) => b.scrollIntoView({ block: 'center' }));
  await marker(page, 5).click();
  await expect(page.locator('.ea-popover')).toBeVisible();
  const body = page.locator('.ea-popover__body');
  const box = await body.evaluate((p) => ({ scrolls: p.scrollHeight > p.clientHeight + 20, top: p.scrollTop }));
  assert.ok(box.scrolls, 'the popover is capped and its body scrolls');
  const goto = dialog(page).getByRole('button', { name: 'Go to reference list' });
  const inside = () => goto.evaluate((b) => {
    const p = b.closest('.ea-popover').getBoundingClientRect();
    const r = b.getBoundingClientRect();
    return r.top >= p.top && r.bottom <= p.bottom;
  });
  assert.ok(await inside(), 'the action is in view before any scrolling');
  await goto.evaluate((b) => b.focus());
  assert.equal(await body.evaluate((p) => p.scrollTop), box.top, 'focusing the action does not scroll the popover');
  // A press lands where the pointer went down (Playwright's own scrolling skipped).
  const r = await goto.boundingBox();
  await page.mouse.click(r.x + r.width / 2, r.y + r.height / 2);
  await until(async () => (await activeId(page)) === 'ref-5', { message: 'focus on ref-5' });
});

test('Copy citation puts the AMA citation on the clipboard', async () => {
  const page = await fresh({ permissions: ['clipboard-read', 'clipboard-write'] });
  await marker(page, 2).click();
  await dialog(page).getByRole('button', { name: 'Copy citation' }).click();
  await expect(page.locator('.ea-live'), 'announced').toContainText('Citation copied');
  const clip = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(clip, 'Oldham JM, Lee C, Valenzi E, et al. Azathioprine response in patients with fibrotic connective tissue disease-associated interstitial lung disease. Respir Med. 2016;121:117-122. doi:10.1016/j.rmed.2016.11.007');
});

test('axe finds no violations with each popover open', async () => {
  const page = await fresh();
  for (const n of [1, 2, 3, 4, 5]) {
    await marker(page, n).click();
    await dialog(page).waitFor({ state: 'visible' });
    assert.deepEqual(await axe(page), [], `axe with reference ${n} open`);
    await page.keyboard.press('Escape');
    await dialog(page).waitFor({ state: 'detached' });
  }
});
