// After `trunk build`: Yew's generated JS glue imports one `innerHTML` setter (for its
// raw-HTML path, which this widget never uses). Rewrite it into a function that
// throws, so no HTML string can ever reach a sink (strict CSP + Trusted Types).
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

const dist = process.argv[2] || 'dist';
let patched = 0;
for (const f of fs.readdirSync(dist).filter((f) => f.endsWith('.js'))) {
  const file = path.join(dist, f);
  const src = fs.readFileSync(file, 'utf8');
  const out = src.replace(/\b\w+\.innerHTML\s*=\s*getStringFromWasm0\([^)]*\)/g, () => {
    patched += 1;
    return 'evidenceArticleNoHtml()';
  });
  if (out !== src) {
    const patchedSrc = 'function evidenceArticleNoHtml(){throw new Error("evidence-article: raw HTML is disabled")}\n' + out;
    fs.writeFileSync(file, patchedSrc);
    // Keep Trunk's subresource-integrity hashes true to the patched file.
    const hash = (t) => 'sha384-' + crypto.createHash('sha384').update(t).digest('base64');
    const [before, afterPatch] = [hash(src), hash(patchedSrc)];
    for (const h of fs.readdirSync(dist).filter((x) => x.endsWith('.html'))) {
      const hp = path.join(dist, h);
      const html = fs.readFileSync(hp, 'utf8');
      if (html.includes(before)) fs.writeFileSync(hp, html.split(before).join(afterPatch));
    }
  }
}
console.log(`postbuild: ${patched} innerHTML sink(s) replaced by a throwing function`);
