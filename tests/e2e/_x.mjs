import { setup, ready } from './helpers.mjs';
const env = await setup();
const page = await env.page();
await page.goto(env.server.url + '/examples/intranet.html');
await page.locator('evidence-article h1.ea-title').nth(1).waitFor();
const deep = () => page.evaluate(() => { let a = document.activeElement; while (a && a.shadowRoot && a.shadowRoot.activeElement) a = a.shadowRoot.activeElement; return a ? a.tagName + '.' + a.className + ' ' + (a.textContent||'').slice(0,20) : null; });
for (let i = 0; i < 9; i++) { await page.keyboard.press('Tab'); console.log(i, await deep()); }
console.log(await page.locator('#aza').evaluate(h => [...h.shadowRoot.querySelectorAll('.ea-tools button, .ea-header button')].map(b => b.outerHTML.slice(0,120))));
await env.close();
