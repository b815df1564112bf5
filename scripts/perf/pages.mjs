// The pages the benchmark loads. Real ones come from dist/ (the standalone page
// index.html, the intranet example); the others are generated in memory and served
// beside them, at paths where dist's relative links resolve:
//   /bench-plain.html              dist/index.html with every script and preload removed:
//                                  the pre-rendered article as plain HTML
//   /examples/bench-host.html      an empty <evidence-article> (no pre-rendered content) and
//                                  nothing else, so its first paint is the widget's
//   /examples/bench-synth-N.html   a synthetic N-section article as inline JSON
import fs from 'node:fs';
import path from 'node:path';
import { synthArticle, inlineJson, sizes } from './synth.mjs';

/** dist/index.html without scripts, module preloads or the wasm preload. */
export function plainFromIndex(html) {
  return html
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/gi, '')
    .replace(/<link\b[^>]*\brel="?(modulepreload|preload|prefetch)"?[^>]*>/gi, '')
    .replace(/<noscript>[\s\S]*?<\/noscript>/gi, '');
}

const host = (title, body) => `<!doctype html>
<html lang="en">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>${title}</title>
  <link rel="icon" href="data:,">
  <script type="module" src="../embed.js"></script>
</head>
<body>
  <main>
    ${body}
  </main>
</body>
</html>
`;

export const SYNTH_SIZES = [10, 50, 200];

/** Virtual files ({ path: body }) and the page list for a dist/ directory. */
export function benchPages(dist) {
  const indexPath = path.join(dist, 'index.html');
  if (!fs.existsSync(indexPath)) throw new Error(`${indexPath} is missing: run ./scripts/build.sh first`);
  const files = {
    '/bench-plain.html': plainFromIndex(fs.readFileSync(indexPath, 'utf8')),
    '/examples/bench-host.html': host('Host page without pre-rendering', '<evidence-article></evidence-article>'),
  };
  const synth = SYNTH_SIZES.map((n) => {
    const article = synthArticle(n);
    const json = inlineJson(article);
    const p = `/examples/bench-synth-${n}.html`;
    files[p] = host(`Synthetic article, ${n} sections`,
      `<evidence-article id="synth"><script type="application/json">${json}</script></evidence-article>`);
    return { id: `synth-${n}`, path: p, ready: 'elements', ...sizes(n), jsonBytes: Buffer.byteLength(json) };
  });
  const pages = [
    { id: 'plain', label: 'plain HTML (pre-rendered page, scripts removed)', path: '/bench-plain.html', ready: 'paint', widget: false },
    { id: 'standalone', label: 'standalone page (index.html)', path: '/', ready: 'mount', widget: true },
    { id: 'intranet', label: 'intranet example (2 elements)', path: '/examples/intranet.html', ready: 'elements', widget: true },
    { id: 'host', label: 'host page, no pre-rendering', path: '/examples/bench-host.html', ready: 'elements', widget: true },
  ];
  return { files, pages, synth };
}
