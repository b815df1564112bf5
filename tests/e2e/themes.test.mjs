// Themes and paper: a dark theme that follows the device and can be pinned (theme
// attribute, data-theme, the mount API's `theme`), readable contrast in both, forced
// colours keeping controls outlined, and print styles (every section open, no
// controls, plain reference numbers, reference URLs printed). Screenshots of dark,
// forced colours and print go to test-results/screenshots/ (`npm run screenshots`:
// docs/screenshots/).
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { setup, ready, until, axe, saveShot, expect } from './helpers.mjs';

const MOUNT_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Mount</title>
<link rel="stylesheet" href="/evidence-article.css"></head><body><main><div id="slot"></div></main>
<script type="module">import { mount } from '/embed.js'; await mount(document.getElementById('slot'), { theme: 'dark', id: 'slot' });</script>
</body></html>`;

let env;
before(async () => {
  env = await setup({
    routes: {
      '/t/mount-dark.html': (_req, res) => { res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' }); res.end(MOUNT_PAGE); },
    },
  });
});
// Every context closes after each test, passed or failed; the browser and server after the file.
afterEach(async () => { await env?.closePages(); });
after(async () => { await env?.close(); });

/**
 * Runs in the page: every visible text run under `sel` (through shadow roots) with
 * its colour, the colour behind it (backgrounds composited up the tree) and their
 * WCAG contrast ratio. Returns the runs below the required ratio (4.5:1, large
 * text 3:1) and how many runs were checked.
 */
function contrastFailures(sel) {
  const parse = (c) => {
    const m = /^rgba?\(([\d.]+),? ([\d.]+),? ([\d.]+)(?:,? \/? ?([\d.]+))?\)$/.exec(c);
    if (!m) throw new Error(`unparsed colour ${c}`);
    return [Number(m[1]), Number(m[2]), Number(m[3]), m[4] === undefined ? 1 : Number(m[4])];
  };
  const over = (top, bottom) => top.slice(0, 3).map((v, i) => v * top[3] + bottom[i] * (1 - top[3])).concat(1);
  const lum = (c) => {
    const [r, g, b] = c.slice(0, 3).map((v) => { const s = v / 255; return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4; });
    return 0.2126 * r + 0.7152 * g + 0.0722 * b;
  };
  const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
  const parentOf = (el) => el.parentElement || (el.getRootNode() instanceof ShadowRoot ? el.getRootNode().host : null);
  const background = (el) => {
    const layers = [];
    for (let e = el; e; e = parentOf(e)) {
      const c = parse(getComputedStyle(e).backgroundColor);
      if (c[3] > 0) layers.push(c);
      if (c[3] === 1) break;
    }
    return layers.reverse().reduce((acc, c) => over(c, acc), [255, 255, 255, 1]);
  };
  const roots = [document];
  for (const host of document.querySelectorAll('*')) if (host.shadowRoot) roots.push(host.shadowRoot);
  const failures = [];
  let checked = 0;
  for (const root of roots) {
    for (const scope of root.querySelectorAll(sel)) {
      const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
      const seen = new Set();
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement;
        if (!el || seen.has(el) || !n.textContent.trim()) continue;
        seen.add(el);
        if (!el.checkVisibility({ opacityProperty: true, visibilityProperty: true })) continue;
        const rect = el.getBoundingClientRect();
        if (rect.width <= 1 || rect.height <= 1) continue; // visually hidden
        const cs = getComputedStyle(el);
        const fg = parse(cs.color);
        const bg = background(el);
        const size = parseFloat(cs.fontSize);
        const large = size >= 24 || (size >= 18.66 && Number(cs.fontWeight) >= 700);
        const r = ratio(over(fg, bg), bg);
        checked += 1;
        if (r < (large ? 3 : 4.5)) failures.push({ text: n.textContent.trim().slice(0, 40), cls: el.className, color: cs.color, ratio: Math.round(r * 100) / 100 });
      }
    }
  }
  return { failures, checked };
}

/** The widget root's background and text colours. */
async function colours(page) {
  return page.evaluate(() => {
    const host = document.querySelector('evidence-article');
    const root = (host ? host.shadowRoot : document).querySelector('.ea-root');
    const cs = getComputedStyle(root);
    return { bg: cs.backgroundColor, text: cs.color };
  });
}

const LIGHT = { bg: 'rgb(255, 255, 255)', text: 'rgb(27, 31, 36)' };
const DARK = { bg: 'rgb(21, 25, 30)', text: 'rgb(230, 233, 237)' };

test('dark preference: the widget turns dark, text keeps >= 4.5:1 contrast (also in an open popover), axe clean', async () => {
  const page = await env.page();
  await page.goto(env.server.url + '/');
  await page.locator('#evidence-article[data-ea-ready]').waitFor({ state: 'attached' });
  assert.deepEqual(await colours(page), LIGHT);
  const light = await page.evaluate(contrastFailures, '.ea-root');
  assert.deepEqual(light.failures, [], 'light theme contrast');
  await page.emulateMedia({ colorScheme: 'dark' });
  await until(async () => (await colours(page)).bg === DARK.bg, { message: 'dark background' });
  assert.deepEqual(await colours(page), DARK);
  const dark = await page.evaluate(contrastFailures, '.ea-root');
  assert.ok(dark.checked > 50, `text runs checked: ${dark.checked}`);
  assert.deepEqual(dark.failures, [], 'dark theme contrast');
  console.log(`# contrast: ${light.checked} text runs in light, ${dark.checked} in dark`);
  await page.screenshot({ path: saveShot('dark.png'), fullPage: true });
  assert.deepEqual(await axe(page), [], 'axe in dark');
  // A citation popover in dark.
  await page.locator('.ea-cite__btn').first().click();
  await page.getByRole('dialog').waitFor({ state: 'visible' });
  const pop = await page.evaluate(contrastFailures, '.ea-popover');
  assert.ok(pop.checked > 3, `popover text runs: ${pop.checked}`);
  assert.deepEqual(pop.failures, [], 'popover contrast in dark');
  assert.deepEqual(await axe(page), [], 'axe in dark, popover open');
  assert.deepEqual(page.problems.console, []);
  assert.deepEqual(page.problems.pageErrors, []);
});

test('theme="light" wins over a dark device, theme="dark" over a light one; auto and unknown values follow the device; no re-mount', async () => {
  const page = await env.page();
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(env.server.url + '/examples/neutral.html');
  await ready(page);
  await expect(page.locator('evidence-article[data-ea-instance]'), 'mounted').toHaveCount(1);
  const setTheme = (v) => page.locator('evidence-article').evaluate((el, t) => (t === null ? el.removeAttribute('theme') : el.setAttribute('theme', t)), v);
  await page.locator('h1.ea-title').evaluate((h) => { h.__eaSame = true; });
  assert.deepEqual(await colours(page), DARK, 'no attribute: the device (dark)');
  await setTheme('light');
  assert.deepEqual(await colours(page), LIGHT, 'theme=light over a dark device');
  const light = await page.evaluate(contrastFailures, '.ea-root');
  assert.deepEqual(light.failures, []);
  await page.emulateMedia({ colorScheme: 'light' });
  await setTheme('dark');
  assert.deepEqual(await colours(page), DARK, 'theme=dark over a light device');
  const dark = await page.evaluate(contrastFailures, '.ea-root');
  assert.deepEqual(dark.failures, []);
  assert.deepEqual(await axe(page, 'evidence-article'), [], 'axe with theme=dark (the widget; the bare host page has no landmarks)');
  await setTheme('auto');
  assert.deepEqual(await colours(page), LIGHT, 'auto: the device (light)');
  await page.emulateMedia({ colorScheme: 'dark' });
  assert.deepEqual(await colours(page), DARK, 'auto: the device (dark)');
  await setTheme('purple');
  assert.deepEqual(await colours(page), DARK, 'an unknown value follows the device');
  assert.equal(await page.locator('h1.ea-title').evaluate((h) => h.__eaSame === true), true, 'the theme is CSS only: same nodes');
  assert.deepEqual(page.problems.pageErrors, []);
});

test('data-theme on the standalone mount element and the mount API theme option pin the theme', async () => {
  const page = await env.page();
  await page.goto(env.server.url + '/');
  await page.locator('#evidence-article[data-ea-ready]').waitFor({ state: 'attached' });
  await page.locator('#evidence-article').evaluate((el) => { el.dataset.theme = 'dark'; });
  assert.deepEqual(await colours(page), DARK, 'data-theme=dark on a light device');
  assert.notEqual(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgb(247, 249, 251)', 'the page follows');
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.locator('#evidence-article').evaluate((el) => { el.dataset.theme = 'light'; });
  assert.deepEqual(await colours(page), LIGHT, 'data-theme=light on a dark device');
  assert.equal(await page.evaluate(() => getComputedStyle(document.body).backgroundColor), 'rgb(247, 249, 251)');
  await page.context_.close();

  const mounted = await env.page();
  await mounted.goto(env.server.url + '/t/mount-dark.html');
  await ready(mounted);
  assert.equal(await mounted.locator('#slot').getAttribute('data-theme'), 'dark');
  assert.deepEqual(await colours(mounted), DARK, 'mount(el, { theme: "dark" }) on a light device');
  assert.deepEqual(mounted.problems.pageErrors, []);
});

test('forced colours: buttons, the focus ring and the popover keep visible borders', async () => {
  const page = await env.page();
  await page.emulateMedia({ forcedColors: 'active' });
  await page.goto(env.server.url + '/examples/neutral.html');
  await ready(page);
  assert.equal(await page.evaluate(() => matchMedia('(forced-colors: active)').matches), true);
  /** Border style, width and contrast against the background, for every match of `sel` in the shadow root. */
  const borders = (sel) => page.locator('evidence-article').evaluate((host, s) => {
    const lum = (c) => {
      const [r, g, b] = c.match(/[\d.]+/g).slice(0, 3).map((v) => { const x = v / 255; return x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4; });
      return 0.2126 * r + 0.7152 * g + 0.0722 * b;
    };
    const ratio = (a, b) => { const [x, y] = [lum(a), lum(b)].sort((p, q) => q - p); return (x + 0.05) / (y + 0.05); };
    const bgOf = (el) => { for (let e = el; e; e = e.parentElement) { const c = getComputedStyle(e).backgroundColor; if (!/, 0\)$|transparent/.test(c)) return c; } return 'rgb(255, 255, 255)'; };
    return [...host.shadowRoot.querySelectorAll(s)].filter((el) => el.checkVisibility()).map((el) => {
      const cs = getComputedStyle(el);
      return { text: el.textContent.trim().slice(0, 20), style: cs.borderTopStyle, width: parseFloat(cs.borderTopWidth),
        ratio: ratio(cs.borderTopColor, bgOf(el.parentElement)) };
    });
  }, sel);
  const buttons = await borders('button.ea-btn, .ea-print');
  assert.ok(buttons.length >= 4, `buttons checked: ${buttons.length}`);
  for (const b of buttons) {
    assert.equal(b.style, 'solid', `${b.text}: border`);
    assert.ok(b.width >= 1 && b.ratio >= 3, `${b.text}: ${JSON.stringify(b)}`);
  }
  // The focus ring: keyboard focus on the first button.
  await page.locator('evidence-article .ea-btn').first().focus();
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  const ring = await page.locator('evidence-article .ea-btn').first().evaluate((el) => {
    const cs = getComputedStyle(el);
    return { focused: el.matches(':focus-visible'), style: cs.outlineStyle, width: parseFloat(cs.outlineWidth), color: cs.outlineColor };
  });
  assert.equal(ring.focused, true, 'keyboard focus');
  assert.equal(ring.style, 'solid');
  assert.ok(ring.width >= 2, JSON.stringify(ring));
  await page.screenshot({ path: saveShot('forced-colors.png') });
  // The popover's border and its close button.
  await page.locator('evidence-article .ea-cite__btn').first().click();
  await page.getByRole('dialog').waitFor({ state: 'visible' });
  const [popover] = await borders('.ea-popover');
  assert.ok(popover && popover.style === 'solid' && popover.width >= 2 && popover.ratio >= 3, JSON.stringify(popover));
  const [close] = await borders('.ea-popover__close');
  assert.ok(close && close.style === 'solid' && close.ratio >= 3, JSON.stringify(close));
});

test('print: light, every section open, controls hidden, plain reference numbers, reference URLs printed', async () => {
  const page = await env.page();
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto(env.server.url + '/');
  await page.locator('#evidence-article[data-ea-ready]').waitFor({ state: 'attached' });
  // Close a section first: print must show it anyway.
  await page.locator('#guidelines-btn').click();
  await expect(page.locator('#guidelines-btn'), 'closed').toHaveAttribute('aria-expanded', 'false');
  const closedBody = page.locator('.ea-section--closed .ea-section__body p').first();
  assert.equal(await closedBody.evaluate((el) => el.checkVisibility()), false, 'closed on screen');
  await page.emulateMedia({ media: 'print', colorScheme: 'dark' });
  assert.equal(await closedBody.evaluate((el) => el.checkVisibility()), true, 'the closed section is printed');
  assert.ok((await closedBody.evaluate((el) => el.getBoundingClientRect().height)) > 10);
  assert.deepEqual(await colours(page), LIGHT, 'paper is light even on a dark device');
  // Controls: none printed (each selector must match something, so a renamed class fails).
  const controls = ['.ea-picker__group', '.ea-picker__change', '.ea-picker__heading', '.ea-tools button', '.ea-print',
    '.ea-seclink__btn', '.ea-followup__btn', '.ea-section__chevron'];
  for (const sel of controls) {
    const shown = await page.locator(sel).evaluateAll((els) => els.map((el) => el.checkVisibility()));
    assert.ok(shown.length > 0, `${sel} exists`);
    assert.ok(shown.every((v) => v === false), `${sel} hidden in print`);
  }
  assert.equal(await page.locator('.ea-header__tools').evaluate((el) => getComputedStyle(el).display), 'none');
  // Kept: review status, date, "Reading as".
  for (const sel of ['.ea-steps', '.ea-meta time', '.ea-picker__current', '.ea-refs__list', '.ea-section__title']) {
    assert.equal(await page.locator(sel).first().evaluate((el) => el.checkVisibility()), true, `${sel} printed`);
  }
  // "Reading as" prints without the separator that led to the hidden Change button.
  assert.equal((await page.locator('.ea-picker__current').innerText()).trim(), `Reading as: ${await page.locator('.ea-picker__current strong').innerText()}`);
  // Citation markers: plain superscript numbers in the text colour.
  const markers = await page.locator('.ea-cite__btn').evaluateAll((els) => els.map((el) => {
    const cs = getComputedStyle(el);
    const p = getComputedStyle(el.closest('p, li'));
    return { sup: el.closest('sup') !== null, weight: cs.fontWeight, plain: cs.color === p.color, bg: cs.backgroundColor,
      text: el.textContent };
  }));
  assert.ok(markers.length > 5);
  for (const m of markers) {
    assert.deepEqual({ sup: m.sup, weight: m.weight, plain: m.plain, bg: m.bg }, { sup: true, weight: '400', plain: true, bg: 'rgba(0, 0, 0, 0)' });
    assert.match(m.text, /^\d+$/);
  }
  // Reference links: the full URL printed after each.
  const links = await page.locator('.ea-refs .ea-links a[href]').evaluateAll((els) => els.map((a) => ({
    href: a.getAttribute('href'), after: getComputedStyle(a, '::after').content })));
  assert.ok(links.length >= 5);
  for (const l of links) assert.equal(l.after, `" <${l.href}>"`);
  // No page break inside a reference or right after a heading.
  assert.equal(await page.locator('.ea-refs__item').first().evaluate((el) => getComputedStyle(el).breakInside), 'avoid');
  for (const sel of ['.ea-title', '.ea-section__head', '.ea-refs__heading']) {
    assert.equal(await page.locator(sel).first().evaluate((el) => getComputedStyle(el).breakAfter), 'avoid', sel);
  }
  await page.screenshot({ path: saveShot('print.png'), fullPage: true });
});

test('Print: pre-rendered, hydrated, calls window.print() once per click', async () => {
  const page = await env.page();
  await page.addInitScript(() => {
    window.__eaPrinted = 0;
    window.print = () => { window.__eaPrinted += 1; };
  });
  let release;
  const gate = new Promise((r) => { release = r; });
  await page.route('**/*_bg.wasm', async (route) => { await gate; await route.continue(); });
  await page.goto(env.server.url + '/');
  const button = page.getByRole('button', { name: 'Print' });
  await button.waitFor({ state: 'visible' });
  await button.evaluate((el) => { el.__eaSame = true; });
  release();
  await page.locator('#evidence-article[data-ea-ready]').waitFor({ state: 'attached' });
  assert.equal(await button.evaluate((el) => el.__eaSame === true), true, 'the pre-rendered button is hydrated, not replaced');
  assert.equal(await page.evaluate(() => window.__eaPrinted), 0);
  await button.click();
  await until(() => page.evaluate(() => window.__eaPrinted === 1), { message: 'window.print() called' });
  assert.deepEqual(page.problems.pageErrors, []);
});
