// Share links: the URL follows the reader's view (replaceState), a copied link
// reproduces it in a fresh browser, several widgets keep separate keys, garbage is
// harmless and the Back button still leaves the page.
import { test, before, after, afterEach } from 'node:test';
import assert from 'node:assert/strict';
import { setup, ready, until, activeId, expect } from './helpers.mjs';

let env;
before(async () => { env = await setup(); });
// Every context closes after each test, passed or failed; the browser and server after the file.
afterEach(async () => { await env?.closePages(); });
after(async () => { await env?.close(); });

const reading = (root) => root.locator('.ea-picker__current strong').first();

test('a copied link reproduces audience, sections and the open citation in a fresh browser', async () => {
  const page = await env.page({ permissions: ['clipboard-read', 'clipboard-write'] });
  await page.goto(env.server.url + '/');
  await ready(page);
  await page.getByLabel('Patient or caregiver', { exact: true }).click();
  await expect(reading(page)).toHaveText('Patient or caregiver');
  await page.locator('#guidelines-btn').click();
  await expect(page.locator('#guidelines-btn')).toHaveAttribute('aria-expanded', 'false');
  await page.locator('#research-treatment-outcomes-body .ea-cite__btn[data-ref="3"]').click();
  await page.getByRole('dialog').waitFor({ state: 'visible' });
  await expect(page, 'URL follows the state').toHaveURL(/cite:3/);
  assert.match(page.url(), /\?ea=1;aud:patient;shut:guidelines;cite:3$/);
  // Copy link sits in the header; pressing it keeps the popover (part of the link).
  await page.getByRole('button', { name: 'Copy link', exact: true }).click();
  assert.ok(await page.getByRole('dialog').isVisible(), 'popover stays open while sharing');
  await expect(page.locator('.ea-share__status'), 'Link copied announced').toContainText('Link copied');
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(link, /\?ea=1;aud:patient;shut:guidelines;cite:3$/);
  await page.context_.close();

  const fresh = await env.page();
  await fresh.goto(link);
  await ready(fresh);
  await expect(reading(fresh)).toHaveText('Patient or caregiver');
  assert.equal(await fresh.locator('#guidelines-btn').getAttribute('aria-expanded'), 'false');
  assert.equal(await fresh.locator('#research-treatment-outcomes-btn').getAttribute('aria-expanded'), 'true');
  const dialog = fresh.getByRole('dialog');
  await dialog.waitFor({ state: 'visible' });
  assert.match(await dialog.innerText(), /Reference 3/);
  await until(async () => (await activeId(fresh)) === 'popover', { message: 'focus in the restored popover' });
  assert.equal(await fresh.evaluate(() => localStorage.getItem('evidence-article:audience')), null, 'a link does not overwrite the stored preference');
  assert.deepEqual(fresh.problems.console, []);
});

test('Back after several changes leaves the page (replaceState, no history spam)', async () => {
  const page = await env.page();
  await page.goto(env.server.url + '/editorial-policy.html');
  await page.goto(env.server.url + '/');
  await ready(page);
  for (const label of ['Student', 'Nurse, pharmacist or allied health professional', 'Patient or caregiver']) {
    await page.getByLabel(label, { exact: true }).click();
  }
  await page.locator('#guidelines-btn').click();
  await expect(page).toHaveURL(/shut:guidelines/);
  await page.goBack();
  await expect(page, 'Back left the page').toHaveURL(/\/editorial-policy\.html$/);
});

test('garbage state renders the default article without errors', async () => {
  const page = await env.page();
  const garbage = '?ea=' + encodeURIComponent('9;aud:<script>alert(1)</script>;open:../../etc,%00,' + 'x'.repeat(5000) + ';cite:99999;cite:2;at:"><img src=x>;aud:patient') + '&ea=1;aud:nurse&other=keep';
  await page.addInitScript(() => { window.__alerts = 0; window.alert = () => { window.__alerts += 1; }; });
  await page.goto(env.server.url + '/' + garbage + '#top');
  await ready(page);
  await expect(reading(page), 'unknown audience falls back').toHaveText('Physician or advanced practice clinician');
  assert.equal(await page.locator('.ea-popover').count(), 0, 'nonexistent citation ignored');
  assert.equal(await page.evaluate(() => window.__alerts), 0);
  assert.deepEqual(page.problems.console, []);
  assert.deepEqual(page.problems.pageErrors, []);
});

test('a good part of a half-broken link is kept', async () => {
  const page = await env.page();
  await page.goto(env.server.url + '/?ea=1;aud:nurse;open:no-such-section;cite:2;bogus:1');
  await ready(page);
  await expect(reading(page)).toHaveText('Nurse, pharmacist or allied health professional');
  await page.getByRole('dialog').waitFor({ state: 'visible' });
  assert.match(await page.getByRole('dialog').innerText(), /Reference 2/);
});

test('embedded: two widgets keep separate state under their own keys; host parameters and fragment are untouched', async () => {
  const page = await env.page();
  await page.goto(env.server.url + '/examples/multi.html?dept=resp%20med&x=1#top');
  const one = page.locator('evidence-article#one');
  const two = page.locator('evidence-article#two');
  await one.locator('h1.ea-title').waitFor();
  await two.locator('h1.ea-title').waitFor();
  await one.getByLabel('Patient or caregiver', { exact: true }).click();
  await two.locator('#guidelines-btn').click();
  await until(() => page.url().includes('ea-one=') && page.url().includes('ea-two='), { message: 'both keys written' });
  const url = new URL(page.url());
  assert.equal(url.search.split('&').slice(0, 2).join('&'), '?dept=resp%20med&x=1', 'host parameters byte-for-byte');
  assert.equal(url.hash, '#top');
  assert.equal(url.searchParams.get('ea-one'), '1;aud:patient');
  assert.equal(url.searchParams.get('ea-two'), '1;shut:guidelines');
  const link = page.url();
  await page.context_.close();

  const fresh = await env.page();
  await fresh.goto(link);
  const one2 = fresh.locator('evidence-article#one');
  const two2 = fresh.locator('evidence-article#two');
  await one2.locator('h1.ea-title').waitFor();
  await two2.locator('h1.ea-title').waitFor();
  await expect(reading(one2)).toHaveText('Patient or caregiver');
  await expect(reading(two2)).toHaveText('Nurse, pharmacist or allied health professional');
  assert.equal(await two2.locator('#guidelines-btn').getAttribute('aria-expanded'), 'false');
  assert.equal(await one2.locator('#guidelines-btn').getAttribute('aria-expanded'), 'true');
});

test('share-state="off" leaves the host URL alone', async () => {
  const page = await env.page();
  await page.goto(env.server.url + '/examples/iframe.html');
  const frame = page.frames().find((f) => f.url().includes('frame.html?audience=patient'))
    ?? await new Promise((r) => page.on('frameattached', r));
  const fl = page.frameLocator('#frame');
  await fl.locator('h1.ea-title').waitFor();
  await fl.locator('#guidelines-btn').click();
  await expect(fl.locator('#guidelines-btn')).toHaveAttribute('aria-expanded', 'false');
  const inner = page.frames().find((f) => f.url().includes('frame.html?audience=patient'));
  assert.ok(!inner.url().includes('ea='), inner.url());
  assert.ok(frame);
});

test('when the clipboard refuses, the link appears in a focused, selected field', async () => {
  const page = await env.page();
  await page.addInitScript(() => {
    Object.defineProperty(navigator, 'clipboard', { value: { writeText: () => Promise.reject(new DOMException('denied', 'NotAllowedError')) } });
  });
  await page.goto(env.server.url + '/?ea=1;aud:student');
  await ready(page);
  await page.getByRole('button', { name: 'Copy link', exact: true }).click();
  const field = page.getByLabel('Link to this view:');
  await field.waitFor();
  assert.match(await field.inputValue(), /\/\?ea=1;aud:student(;at:[a-z0-9-]+)?$/);
  assert.ok(await field.evaluate((f) => document.activeElement === f && f.selectionStart === 0 && f.selectionEnd === f.value.length), 'focused and selected');
});

test('"Copy link to this section" copies a link that opens at that section', async () => {
  const page = await env.page({ permissions: ['clipboard-read', 'clipboard-write'] });
  await page.goto(env.server.url + '/');
  await ready(page);
  await page.getByRole('button', { name: 'Copy link to this section: Treatment Outcomes' }).focus();
  await page.keyboard.press('Enter');
  await until(async () => /at:research-treatment-outcomes$/.test(await page.evaluate(() => navigator.clipboard.readText()).catch(() => '')), { message: 'section link copied' });
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.match(link, /\/\?ea=1;at:research-treatment-outcomes$/);
  await page.context_.close();
  const fresh = await env.page();
  await fresh.goto(link.replace('ea=1;', 'ea=1;shut:research,research-treatment-outcomes;'));
  await ready(fresh);
  await expect(fresh.locator('#research-treatment-outcomes-btn'), 'at: opens the section and its ancestors').toHaveAttribute('aria-expanded', 'true');
  await until(() => fresh.locator('#research-treatment-outcomes-btn').evaluate((b) => {
    const r = b.getBoundingClientRect();
    return r.top >= 0 && r.bottom <= innerHeight;
  }), { message: 'scrolled to the section' });
});

test('intranet example: a copied link reproduces both widgets\' views, host URL untouched', async () => {
  const page = await env.page({ permissions: ['clipboard-read', 'clipboard-write'] });
  await page.goto(env.server.url + '/examples/intranet.html?ward=7');
  const a = page.locator('evidence-article#aza');
  const b = page.locator('evidence-article#aza-src');
  await a.locator('h1.ea-title').waitFor();
  await b.locator('h1.ea-title').waitFor();
  await a.getByLabel('Nurse, pharmacist or allied health professional', { exact: true }).click();
  await b.locator('#research-btn').click();
  await until(() => page.url().includes('ea-aza=') && page.url().includes('ea-aza-src='), { message: 'both keys' });
  await b.getByRole('button', { name: 'Copy link', exact: true }).click();
  await until(async () => /ward=7/.test(await page.evaluate(() => navigator.clipboard.readText()).catch(() => '')), { message: 'copied' });
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.ok(link.includes('?ward=7&'), link);
  await page.context_.close();
  const fresh = await env.page();
  await fresh.goto(link);
  const a2 = fresh.locator('evidence-article#aza');
  const b2 = fresh.locator('evidence-article#aza-src');
  await a2.locator('h1.ea-title').waitFor();
  await b2.locator('h1.ea-title').waitFor();
  await expect(reading(a2)).toHaveText('Nurse, pharmacist or allied health professional');
  await expect(reading(b2)).toHaveText('Patient or caregiver');
  assert.equal(await b2.locator('#research-btn').getAttribute('aria-expanded'), 'false');
  assert.equal(await a2.locator('#research-btn').getAttribute('aria-expanded'), 'true');
});

test('a share sheet that fails falls back to copying, with a message; a cancelled one does nothing', async () => {
  const page = await env.page({ permissions: ['clipboard-read', 'clipboard-write'] });
  await page.addInitScript(() => {
    window.__shareCalls = 0;
    navigator.share = () => {
      window.__shareCalls += 1;
      const name = window.__shareCalls === 1 ? 'AbortError' : 'NotAllowedError';
      return Promise.reject(new DOMException('no', name));
    };
  });
  await page.goto(env.server.url + '/?ea=1;aud:student');
  await ready(page);
  const share = page.getByRole('button', { name: 'Share…' });
  const status = page.locator('.ea-share__status').first();
  // Cancelled by the reader: no message, no copy, no error.
  await share.click();
  await until(() => page.evaluate(() => window.__shareCalls === 1), { message: 'share sheet asked' });
  // Failed: the link is copied instead, and the reader is told.
  await share.click();
  await expect(status, 'fallback message').toContainText('copied instead');
  assert.match(await page.evaluate(() => navigator.clipboard.readText()), /\/\?ea=1;aud:student/);
  assert.deepEqual(page.problems.pageErrors, [], 'no unhandled rejection');
  assert.deepEqual(page.problems.console, [], 'no console errors');
});

// The URL is written 250 ms after the last change (src/hooks/use_share_url.rs); a
// write still waiting is made when the page is left or the widget destroyed. Each
// test leaves within a frame or two of the change, so the timer has not fired.
test('a change made just before leaving the page is in the entry Back returns to', async () => {
  const page = await env.page();
  await page.goto(env.server.url + '/');
  await ready(page);
  await page.evaluate(async () => {
    const btn = document.querySelector('#guidelines-btn');
    btn.click();
    while (btn.getAttribute('aria-expanded') !== 'false') await new Promise((r) => requestAnimationFrame(r));
    location.assign('/editorial-policy.html');
  });
  await expect(page).toHaveURL(/\/editorial-policy\.html$/);
  await page.goBack();
  await expect(page, 'the left page kept the last change').toHaveURL(/\/\?ea=1;shut:guidelines$/);
  await ready(page);
  assert.equal(await page.locator('#guidelines-btn').getAttribute('aria-expanded'), 'false');
});

test('destroy() right after a change still writes it to the URL', async () => {
  const page = await env.page();
  await page.goto(env.server.url + '/examples/mount.html');
  await page.locator('#slot h1.ea-title').waitFor();
  await until(() => page.evaluate(() => Boolean(window.eaHandle)), { message: 'mount() resolved' });
  await page.evaluate(async () => {
    window.eaHandle.setAudience('student');
    const current = () => document.querySelector('#slot .ea-picker__current strong')?.textContent;
    while (current() !== 'Student') await new Promise((r) => requestAnimationFrame(r));
    window.eaHandle.destroy();
  });
  await expect(page, 'written at destroy').toHaveURL(/[?&]ea-slot=1;aud:student(&|$)/);
  assert.equal(await page.locator('#slot').evaluate((s) => s.childElementCount), 0, 'destroyed');
});

test('destroy() in the moment a change is on screen, before its effects ran (Yew yields between them at 20x CPU), still writes it', async () => {
  const page = await env.page();
  await page.goto(env.server.url + '/examples/mount.html');
  await page.locator('#slot h1.ea-title').waitFor();
  await until(() => page.evaluate(() => Boolean(window.eaHandle)), { message: 'mount() resolved' });
  const cdp = await page.context_.newCDPSession(page);
  // A switch's render takes more than Yew's 16 ms slice at this rate, so the scheduler
  // yields after the last render and before the effects (its write is scheduled in one).
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 20 });
  const seen = await page.evaluate(() => new Promise((resolve) => {
    const slot = document.querySelector('#slot');
    const current = () => slot.querySelector('.ea-picker__current strong')?.textContent;
    // A mutation observer's callback runs as soon as Yew's synchronous run returns: at
    // its yield, or after the effects when it did not yield.
    const mo = new MutationObserver(() => {
      if (current() !== 'Student') return;
      mo.disconnect();
      const before = location.search;
      window.eaHandle.destroy();
      resolve(before);
    });
    mo.observe(slot, { subtree: true, childList: true, characterData: true });
    window.eaHandle.setAudience('student');
  }));
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  assert.doesNotMatch(seen, /aud:student/, 'the URL was not written before destroy (the write waits 250 ms)');
  await expect(page, 'written at destroy').toHaveURL(/[?&]ea-slot=1;aud:student(&|$)/);
  assert.equal(await page.locator('#slot').evaluate((s) => s.childElementCount), 0, 'destroyed');
});
