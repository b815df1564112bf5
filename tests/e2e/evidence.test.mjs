// Honest evidence (issue 12) in a real browser: plain findings in the patient's
// citation popovers, editor's notes at the Matson and Boerner citations, the
// freshness notice under a fixed clock, and axe with a note open.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { setup, ready, until, axe, expect } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
// Every context closes after each test, passed or failed; the browser and server after the file.
afterEach(async () => { await env?.closePages(); });
after(async () => { await env?.close(); });

async function fresh({ clock, locale } = {}) {
  let page;
  if (locale) {
    const context = await env.browser.newContext({ locale, reducedMotion: 'reduce' });
    page = await context.newPage();
    page.context_ = context;
  } else {
    page = await env.page();
  }
  if (clock) await page.clock.setFixedTime(new Date(clock));
  await page.goto(env.server.url + '/');
  await ready(page);
  return page;
}

async function asPatient(page) {
  await page.getByLabel('Patient or caregiver', { exact: true }).click();
  await expect(page.locator('.ea-picker__current strong'), 'reading as patient').toHaveText('Patient or caregiver');
}

const dialog = (page) => page.getByRole('dialog');
const NOTE = 'How this source relates to this sentence';

async function open(page, markerLocator) {
  await markerLocator.click();
  await dialog(page).waitFor({ state: 'visible' });
  return dialog(page).innerText();
}

async function close(page) {
  await page.keyboard.press('Escape');
  await dialog(page).waitFor({ state: 'detached' });
}

// What each reference's popover says to a patient, and professional wording it must not use.
const PLAIN = {
  1: [/The guide gives 35 pieces of advice\. Only 2 of them are strong advice\./, /How sure we can be: Rated with GRADE/],
  2: [/about the same in both groups\. But the study could not rule out a difference either way\./, /The incidence rate ratio was 1\.23\. A ratio of 1 would mean no difference\./],
  3: [/15 of them stopped because of side effects\. That is 27%, or about 1 in 4\./],
  4: [/Every one of them was very low certainty evidence\./],
  5: [/FVC % predicted was 3\.90% higher than expected/, /1\.95 to 5\.84/],
};

test('a patient opens each citation and reads the plain findings, numbers explained', async () => {
  const page = await fresh();
  await asPatient(page);
  const count = await page.locator('.ea-cite__btn').count();
  const seen = new Set();
  for (let i = 0; i < count; i++) {
    const m = page.locator('.ea-cite__btn').nth(i);
    const n = Number(await m.getAttribute('data-ref'));
    const text = await open(page, m);
    for (const re of PLAIN[n]) assert.match(text, re, `marker ${i} (reference ${n})`);
    assert.doesNotMatch(text, /95% CI|GRADE methods|Certainty \/ strength/, `marker ${i}: professional wording`);
    seen.add(n);
    await close(page);
  }
  assert.deepEqual([...seen].sort(), [1, 2, 3, 4, 5]);
  assert.deepEqual(page.problems.pageErrors, []);
});

test('clinicians read the professional findings', async () => {
  const page = await fresh();
  const text = await open(page, page.locator('.ea-cite__btn[data-ref="2"]').first());
  assert.match(text, /incidence rate ratio 1\.23, 95% CI 0\.49-3\.12/);
  assert.match(text, /Certainty|What this source found/);
});

test('the Matson and Boerner notes appear at their sentences, and only there', async () => {
  const page = await fresh();
  const outcomes = page.locator('#research-treatment-outcomes .ea-cite__btn[data-ref="5"]');
  const comparison = page.locator('#research-comparison-with-other-treatments');
  let text = await open(page, outcomes.first());
  assert.match(text, new RegExp(NOTE));
  assert.match(text, /no significant difference between the individual drugs/);
  assert.match(text, /Editor's note: part of this article, not of the cited source\./);
  await close(page);
  // Matson cited again, for another sentence: no note there.
  text = await open(page, comparison.locator('.ea-cite__btn[data-ref="5"]'));
  assert.doesNotMatch(text, new RegExp(NOTE));
  await close(page);
  text = await open(page, comparison.locator('.ea-cite__btn[data-ref="3"]'));
  assert.match(text, /Boerner et al\. studied azathioprine only; the comparison with mycophenolate mofetil comes from Oldham et al\./);
  await close(page);
  // Boerner's first citation (another sentence) carries no note; Oldham's never does.
  text = await open(page, page.locator('#research-azathioprine-in-ild-uip .ea-cite__btn[data-ref="3"]').first());
  assert.doesNotMatch(text, new RegExp(NOTE));
  await close(page);
  text = await open(page, comparison.locator('.ea-cite__btn[data-ref="2"]'));
  assert.doesNotMatch(text, new RegExp(NOTE));
  await close(page);
  // Listed with the reference, with a link back to the marker.
  const entry = page.locator('#ref-3');
  // Off screen the reference list is not rendered (content-visibility: auto), so it has
  // no rendered text yet: read it where a reader would, on screen, once rendered.
  await entry.scrollIntoViewIfNeeded();
  await expect(entry).toContainText(/Editor's notes \(part of this article, not of the source\):/, { useInnerText: true });
  assert.deepEqual(await entry.locator('.ea-refs__note a').allInnerTexts(), ['Comparison with Other Treatments']);
  assert.match(await entry.locator('.ea-refs__note').innerText(), /Boerner et al\. studied azathioprine only/);
  // The guideline's seven notes: links in one section are told apart by number.
  const guideline = await page.locator('#ref-1 .ea-refs__note a').allInnerTexts();
  assert.equal(guideline.length, 7);
  assert.equal(new Set(guideline).size, 7, JSON.stringify(guideline));
  // The header says whose words the notes are.
  assert.match(await page.locator('.ea-notes-line').innerText(), /part of this article, written by its editors; they are not part of the cited sources/);
});

test('a patient reads the notes in plain words', async () => {
  const page = await fresh();
  await asPatient(page);
  const text = await open(page, page.locator('#research-comparison-with-other-treatments .ea-cite__btn[data-ref="3"]'));
  assert.match(text, new RegExp(NOTE));
  assert.match(text, /This study only looked at azathioprine\. It did not test it against mycophenolate mofetil\./);
  assert.match(text, /This note is from the editors of this article\. It is not part of the source\./);
  await close(page);
});

test('freshness: the pre-render carries the build clock\'s decision, and the reader\'s clock has the last word', async () => {
  const notice = 'Last updated more than 12 months ago — newer evidence may exist.';
  // Built after 30 May 2026, so the pre-rendered page shows the notice (hydration then
  // starts from the same markup: nothing appears or shifts for a reader who agrees).
  const served = await (await fetch(env.server.url + '/')).text();
  assert.match(served, /newer evidence may exist/, 'decided when the page was pre-rendered');
  // 18 months after 30 May 2025: stale.
  let page = await fresh({ clock: '2026-11-30T10:00:00' });
  await page.locator('.ea-freshness').waitFor({ state: 'visible' });
  assert.equal(await page.locator('.ea-freshness').innerText(), notice);
  assert.equal(await page.locator('.ea-meta time').getAttribute('datetime'), '2025-05-30');
  await page.context_.close();
  // Exactly 12 months later is not yet older than the interval.
  // (en-GB, so the re-formatted date proves the browser's check has run.)
  page = await fresh({ clock: '2026-05-30T10:00:00', locale: 'en-GB' });
  await expect(page.locator('.ea-meta time'), 'checked in the browser').toHaveText('30 May 2025');
  assert.equal(await page.locator('.ea-freshness').count(), 0);
});

test('freshness on a host page without pre-render: the notice is there from the first render, nothing shifts', async () => {
  const context = await env.browser.newContext({ locale: 'en-GB', reducedMotion: 'reduce' });
  const page = await context.newPage();
  page.context_ = context;
  await page.clock.setFixedTime(new Date('2026-11-30T10:00:00'));
  await page.addInitScript(() => {
    window.__shift = 0;
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__shift += e.value; })
      .observe({ type: 'layout-shift', buffered: true });
  });
  await page.goto(env.server.url + '/examples/neutral.html');
  const root = page.locator('evidence-article#aza');
  // The re-formatted date proves the header's own check with the reader's clock has run.
  await expect(root.locator('.ea-meta time'), 'checked in the browser').toHaveText('30 May 2025');
  assert.equal(await root.locator('.ea-freshness').count(), 1, 'stale by the reader\'s clock');
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
  // A notice inserted after the first render pushed the article down by its height
  // (CLS 0.008 at this viewport); re-formatting the date for en-GB moves only the
  // rest of its line (~0.00005).
  const shift = await page.evaluate(() => window.__shift);
  assert.ok(shift < 0.001, `no layout shift of the article: CLS ${shift}`);
});

test('the date is formatted for the reader\'s locale', async () => {
  const page = await fresh({ clock: '2025-09-01T10:00:00', locale: 'en-GB' });
  await expect(page.locator('.ea-meta time'), 'en-GB date').toHaveText('30 May 2025');
  assert.equal(await page.locator('.ea-freshness').count(), 0, 'three months old: no notice');
});

test('axe finds no violations with an editor\'s note open, in both registers', async () => {
  const page = await fresh({ clock: '2026-11-30T10:00:00' });
  await page.locator('.ea-freshness').waitFor({ state: 'visible' });
  await open(page, page.locator('#research-treatment-outcomes .ea-cite__btn[data-ref="5"]').first());
  assert.deepEqual(await axe(page), [], 'axe with the Matson note open');
  await close(page);
  await asPatient(page);
  await open(page, page.locator('#research-comparison-with-other-treatments .ea-cite__btn[data-ref="3"]'));
  assert.deepEqual(await axe(page), [], 'axe with the Boerner note open (patient)');
  await close(page);
});
