// Accessibility beyond axe (issue 13 §3). For every audience × viewport × theme and
// every state in STATES (everything collapsed, everything expanded, each popover
// open, ...): axe (WCAG 2.0–2.2 A/AA + best practice, shadow roots included), computed
// text and boundary contrast, target sizes, reflow/clipping/overlap, a Tab walk
// (every control, reading order, focus-indicator contrast, not covered, leaves the
// widget), Escape on every popover trigger, WCAG 1.4.12 text spacing, 200 % zoom and
// reduced motion. The page-side measurements are in a11y-probe.js (one round trip
// per state). One browser, one page per viewport × theme; the audience is switched
// in place. The number of states and checks is printed.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import path from 'node:path';
import { setup, ready, expect, ROOT, onScreenInPage } from './helpers.mjs';

const PROBE = path.join(ROOT, 'tests', 'e2e', 'a11y-probe.js');
const AXE = path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');

const AUDIENCES = {
  patient: 'Patient or caregiver',
  student: 'Student',
  nurse: 'Nurse, pharmacist or allied health professional',
  physician: 'Physician or advanced practice clinician',
};
const FULL = ['axe', 'contrast', 'targets', 'layout', 'motion', 'focus', 'tab'];
const POPOVER = ['axe', 'contrast', 'targets', 'layout', 'motion', 'escape'];

// Viewports × themes; `states` / `checks` narrow an entry (200 % zoom: a 1280×800
// window at 2× is a 640×400 CSS viewport; its layout is what can break).
const VIEWPORTS = [
  { name: '1280x800', viewport: { width: 1280, height: 800 }, themes: ['light', 'dark'] },
  // At 320 px the popover is a bottom sheet: each reference's and the first term's (the
  // terms' popovers are the same component; all of them are opened at 1280 px).
  { name: '320x640', viewport: { width: 320, height: 640 }, themes: ['light', 'dark'], popovers: 'kinds' },
  { name: '200% zoom', viewport: { width: 640, height: 400 }, deviceScaleFactor: 2, themes: ['light'], states: ['collapsed', 'expanded'], checks: ['layout', 'targets', 'focus', 'tab'] },
];

// The states, one line each. `popovers: true`: from this state, each distinct popover
// (every reference, every term) is opened as a state of its own (checks: POPOVER).
const STATES = [
  { name: 'collapsed', setup: (p) => setAll(p, false), checks: FULL },
  { name: 'expanded', setup: (p) => setAll(p, true), checks: FULL, popovers: true },
  { name: 'expanded, every popover trigger', setup: (p) => setAll(p, true), checks: ['escape-all'], themes: ['light'], viewports: ['1280x800'] },
  // "Evidence at a glance" (opened by Expand all) with every chart's table shown.
  { name: 'expanded, every chart table shown', setup: (p) => showTables(p), checks: ['axe', 'contrast', 'targets', 'layout'] },
  { name: 'expanded, WCAG 1.4.12 text spacing', setup: async (p) => { await setAll(p, true); await spacing(p, true); }, teardown: (p) => spacing(p, false), checks: ['layout'] },
];

/** Prints every problem (a diff would cut the list short), then fails if there is one. */
function report(problems) {
  if (problems.length) console.log(problems.join('\n'));
  assert.equal(problems.length, 0, `${problems.length} accessibility problems (listed above)`);
}

async function setAll(page, open) {
  await page.getByRole('button', { name: open ? 'Expand all' : 'Collapse all' }).click();
  const toggles = page.locator('.ea-section__toggle');
  for (let i = 0; i < await toggles.count(); i++) await expect(toggles.nth(i)).toHaveAttribute('aria-expanded', String(open));
}
async function showTables(page) {
  await setAll(page, true);
  const details = page.locator('#research-evidence-at-a-glance details.ea-chart__details');
  const n = await details.count();
  assert.ok(n >= 6, `the glance section holds the seed's ${n} charts`);
  for (let i = 0; i < n; i++) {
    // Opened by a click on its summary, as a reader would (a table opened for the
    // previous audience may still be open).
    if (!(await details.nth(i).evaluate((d) => d.open))) await details.nth(i).locator('summary').click();
    await expect(details.nth(i)).toHaveAttribute('open', '');
  }
}
const spacing = (page, on) => page.evaluate((v) => window.__eaProbe.textSpacing(v), on);

let env;
const tally = { states: 0, checks: 0, stops: 0, targets: 0 };
before(async () => { env = await setup(); });
afterEach(async () => { await env?.closePages(); });
after(async () => {
  await env?.close();
  console.log(`accessibility: ${tally.states} states, ${tally.checks} checks (${tally.stops} Tab stops, ${tally.targets} target sizes measured)`);
});

async function open(urlPath, { viewport, deviceScaleFactor, theme }) {
  const page = await env.page({ viewport });
  if (deviceScaleFactor) {
    // openPage has no scale option: a second context with it (closed by afterEach).
    const context = await env.browser.newContext({ viewport, deviceScaleFactor, reducedMotion: 'reduce', colorScheme: theme });
    const p = await context.newPage();
    p.problems = page.problems;
    return prepare(p, urlPath);
  }
  await page.emulateMedia({ colorScheme: theme, reducedMotion: 'reduce' });
  return prepare(page, urlPath);
}
async function prepare(page, urlPath) {
  await page.addInitScript({ path: AXE });
  await page.addInitScript({ content: `window.__eaOnScreen = ${onScreenInPage};` });
  await page.addInitScript({ path: PROBE });
  await page.goto(env.server.url + urlPath);
  await ready(page);
  return page;
}

/**
 * Tab from the top of the page through the widget(s) and out: every control reached,
 * in reading (document) order, then out of the widget. Stops are recorded in the page
 * (focusin), so a press costs one round trip.
 */
async function tabWalk(page) {
  const expected = await page.evaluate(() => {
    // Start from the top of the page: focus a temporary, unfocusable-by-Tab mark there.
    const mark = document.createElement('span');
    mark.tabIndex = -1;
    mark.id = 'ea-a11y-start';
    document.body.prepend(mark);
    mark.focus();
    window.scrollTo(0, 0);
    window.__eaProbe.recordTabs();
    return window.__eaProbe.tabbables();
  });
  const problems = [];
  let rec;
  for (let batch = 0; batch < Math.ceil(expected.length / 10) + 5; batch++) {
    for (let i = 0; i < 10; i++) await page.keyboard.press('Tab');
    rec = await page.evaluate(() => { const r = window.__eaTabs; return { stops: r.stops, left: r.left }; });
    if (rec.left) break;
  }
  await page.evaluate(() => { window.__eaTabs.stop(); document.getElementById('ea-a11y-start').remove(); });
  const reached = rec.stops;
  tally.stops += reached.length;
  if (!rec.left) problems.push(`Tab did not leave the widget after ${reached.length} stops`);
  if (JSON.stringify(reached) !== JSON.stringify(expected)) {
    const missing = expected.filter((n) => !reached.includes(n));
    const extra = reached.filter((n) => !expected.includes(n));
    const at = reached.findIndex((n, i) => n !== expected[i]);
    problems.push(`Tab order differs from reading order at stop ${at}: got ${reached[at]}, expected ${expected[at]}; missing ${JSON.stringify(missing.slice(0, 5))}, extra ${JSON.stringify(extra.slice(0, 5))}; reached ${JSON.stringify(reached.slice(0, at + 3))}`);
  }
  return problems;
}

/** Every control focused as the keyboard would: indicator contrast ≥ 3:1, not covered. */
async function focusChecks(page) {
  // A key press first: programmatic focus then shows :focus-visible, as after Tab.
  await page.keyboard.press('Shift');
  const out = [];
  for (const reverse of [false, true]) {
    const { problems, n } = await page.evaluate((r) => window.__eaProbe.focusAll(r), reverse);
    tally.stops += n;
    out.push(...problems.map((p) => (reverse ? `(Shift+Tab order) ${p}` : p)));
  }
  return out;
}

/** Opens popover trigger `i`, runs `checks` on the popover, closes it with Escape; focus must return to the trigger. */
async function popoverState(page, i, checks, label, problems) {
  const out = await page.evaluate(([n, c]) => window.__eaProbe.openPopover(n, c), [i, checks]);
  if (out) collect(out, label, problems);
  await page.keyboard.press('Escape');
  const esc = await page.evaluate(() => window.__eaProbe.afterEscape());
  if (!esc.closed) problems.push(`${label} [escape] Escape did not close the popover (focus on ${esc.focus})`);
  else if (!esc.focusBack) problems.push(`${label} [escape] focus did not return to the trigger ${esc.trigger} (it is on ${esc.focus})`);
  if (!esc.closed) await page.keyboard.press('Escape');
  tally.checks += 1;
}

function collect({ res, targetCount }, label, problems) {
  tally.targets += targetCount;
  for (const [check, list] of Object.entries(res)) {
    tally.checks += 1;
    for (const p of list) problems.push(`${label} [${check}] ${p}`);
  }
}

async function runChecks(page, { scope, checks, axeInclude }, label, problems) {
  const probe = checks.filter((c) => ['axe', 'contrast', 'targets', 'layout', 'motion'].includes(c));
  collect(await page.evaluate((o) => window.__eaProbe.state(o), { scope, checks: probe, axeInclude }), label, problems);
  if (checks.includes('focus')) {
    tally.checks += 1;
    for (const p of await focusChecks(page)) problems.push(`${label} [focus] ${p}`);
  }
  if (checks.includes('tab')) {
    tally.checks += 1;
    for (const p of await tabWalk(page)) problems.push(`${label} [tab] ${p}`);
  }
}

for (const vp of VIEWPORTS) {
  for (const theme of vp.themes) {
    test(`accessibility, ${vp.name}, ${theme}: every audience and state`, async () => {
      const page = await open('/', { ...vp, theme });
      const problems = [];
      for (const [aud, labelText] of Object.entries(AUDIENCES)) {
        await page.getByLabel(labelText, { exact: true }).click();
        await expect(page.locator('.ea-picker__current strong')).toHaveText(labelText);
        for (const st of STATES) {
          if (vp.states && !vp.states.includes(st.name)) continue;
          if (st.themes && !st.themes.includes(theme)) continue;
          if (st.viewports && !st.viewports.includes(vp.name)) continue;
          // Tab order does not depend on the theme: walked in light; focus rings are checked in both.
          const checks = st.checks.filter((c) => (!vp.checks || vp.checks.includes(c)) && !(c === 'tab' && theme !== 'light'));
          if (!checks.length) continue;
          const label = `${vp.name} ${theme} ${aud} ${st.name}`;
          await st.setup(page);
          tally.states += 1;
          await runChecks(page, { checks }, label, problems);
          if (checks.includes('escape-all')) {
            for (const { i } of await page.evaluate(() => window.__eaProbe.triggers(false))) await popoverState(page, i, [], `${label} trigger ${i}`, problems);
          }
          if (st.teardown) await st.teardown(page);
          if (st.popovers && !vp.states) {
            let list = await page.evaluate(() => window.__eaProbe.triggers(true));
            if (vp.popovers === 'kinds') list = list.filter((t, n) => t.key.startsWith('reference') || n === list.findIndex((u) => u.key.startsWith('term')));
            for (const { i, key } of list) {
              tally.states += 1;
              await popoverState(page, i, POPOVER.filter((c) => c !== 'escape'), `${label}, ${key} open`, problems);
            }
          }
        }
      }
      report(problems);
      assert.deepEqual(page.problems.pageErrors, []);
    });
  }
}

test('intranet example (shadow roots, hostile CSS, sticky header): axe, contrast, targets, Tab walk not covered by the header', async () => {
  const problems = [];
  for (const theme of ['light', 'dark']) {
    const page = await open('/examples/intranet.html', { viewport: { width: 1280, height: 800 }, theme });
    await expect(page.locator('evidence-article h1.ea-title')).toHaveCount(2);
    tally.states += 1;
    // axe on the widgets (and their shadow roots), not on the hostile host page's own links.
    await runChecks(page, { checks: FULL, axeInclude: 'evidence-article' }, `intranet ${theme}`, problems);
    tally.states += 1;
    await popoverState(page, 0, ['axe', 'contrast', 'targets'], `intranet ${theme}, popover open`, problems);
  }
  report(problems);
});

/**
 * Playwright's `ariaSnapshot()` of `locator` contains the expected lines in this order
 * (other lines may come between: the article text is long). toMatchAriaSnapshot needs
 * Playwright's runner; this is its partial match for `node --test`.
 */
async function snapshotHas(locator, expected) {
  const lines = expected.split('\n').filter((l) => l.trim());
  const indent = Math.min(...lines.map((l) => l.match(/^ */)[0].length));
  const want = lines.map((l) => l.slice(indent));
  const got = (await locator.ariaSnapshot()).split('\n');
  let at = 0;
  for (const w of want) {
    const i = got.indexOf(w, at);
    assert.ok(i >= 0, `aria snapshot lacks (in order) ${JSON.stringify(w)}:\n${got.join('\n')}`);
    at = i + 1;
  }
}

test('accessibility tree: header, one section and an open popover (ariaSnapshot)', async () => {
  const page = await open('/', { viewport: { width: 1280, height: 800 }, theme: 'light' });
  await snapshotHas(page.locator('.ea-header'), `
    - heading "What is the role of Azathioprine in Interstitial Lung Disease (ILD), specifically in Usual Interstitial Pneumonia (UIP)?" [level=1]
    - heading "Article Review Status" [level=2]
    - list "Article Review Status":
      - listitem: Submitted (current step)
      - listitem: Under Review
      - listitem: Approved
      - link "View editorial policy":
    - button "Expand all"
    - button "Collapse all"
    - button "Copy link"
    - button "Print"
  `);
  await snapshotHas(page.locator('.ea-section').filter({ has: page.locator('#guidelines-btn') }).first(), `
    - heading "From the Guidelines" [level=2]:
      - button "From the Guidelines" [expanded]
    - 'button "Copy link to this section: From the Guidelines"'
    - paragraph:
      - button "RP-ILD"
      - superscript:
        - 'button "Reference 1: Johnson SR et al., Arthritis Care Res (Hoboken) 2024"': "1"
  `);
  await page.locator('.ea-cite__btn[data-ref="2"]').first().click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await snapshotHas(page.getByRole('dialog'), `
    - dialog "Reference 2":
      - button "Close"
      - heading "Reference 2" [level=2]
      - heading "What this source found" [level=3]
      - list:
        - listitem:
          - link "PubMed (opens in a new tab)":
        - listitem:
          - link "PMC (opens in a new tab)":
        - listitem:
          - link "DOI (opens in a new tab)":
      - button "Copy citation"
      - button "Go to reference list"
  `);
  tally.states += 1;
  tally.checks += 3;
});

test('one polite live region announces an audience change and "Link copied", each once', async () => {
  const page = await env.page({ permissions: ['clipboard-read', 'clipboard-write'] });
  await page.goto(env.server.url + '/');
  await ready(page);
  const regions = await page.evaluate(() => {
    const live = [...document.querySelectorAll('[aria-live], [role=status], [role=alert], [role=log]')];
    window.__said = [];
    new MutationObserver(() => { const t = live[0].textContent.trim(); if (t) window.__said.push(t); })
      .observe(live[0], { childList: true, characterData: true, subtree: true });
    return live.map((e) => `${e.className} ${e.getAttribute('aria-live')}`);
  });
  assert.deepEqual(regions, ['ea-visually-hidden ea-live polite'], 'exactly one live region, polite');
  await page.getByLabel(AUDIENCES.student, { exact: true }).click();
  await expect(page.locator('.ea-live')).toContainText('Student');
  await page.getByRole('button', { name: 'Copy link', exact: true }).click();
  await expect(page.locator('.ea-live')).toContainText('Link copied');
  const said = await page.evaluate(() => window.__said);
  console.log(`live region said: ${JSON.stringify(said)}`);
  assert.equal(said.filter((t) => /Student/.test(t)).length, 1, 'audience change announced once');
  assert.equal(said.filter((t) => /Link copied/.test(t)).length, 1, '"Link copied" announced once');
  assert.equal(said.length, 2, 'nothing else announced');
  tally.states += 1;
  tally.checks += 4;
});

test('reduced motion: the motion check sees the transitions a reader without the preference gets, and none with it', async () => {
  const page = await open('/', { viewport: { width: 1280, height: 800 }, theme: 'light' });
  await page.emulateMedia({ reducedMotion: 'no-preference' });
  const motion = async () => (await page.evaluate(() => window.__eaProbe.state({ checks: ['motion'] }))).res.motion;
  const allowed = await motion();
  assert.ok(allowed.some((m) => /ea-section__chevron/.test(m)), `the chevron's transition is seen: ${JSON.stringify(allowed.slice(0, 3))}`);
  await page.emulateMedia({ reducedMotion: 'reduce' });
  await setAll(page, false);
  assert.deepEqual(await motion(), [], 'nothing moves with prefers-reduced-motion: reduce');
  tally.states += 2;
  tally.checks += 2;
});
