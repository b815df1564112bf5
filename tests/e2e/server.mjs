// A tiny static server for dist/: correct MIME types (application/wasm), no caching,
// and the strict Content-Security-Policy header on the example host pages.
// Usable as a module (tests start it on a free port) or from the command line.
// `compress: true` (the benchmark, `--compress` on the command line) answers with
// brotli (quality 11) or gzip (level 9) as the request's Accept-Encoding allows, as a
// static host with pre-compressed files would; `files` serves extra in-memory files.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';

export const STRICT_CSP = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; style-src 'self'; img-src 'self' data:; object-src 'none'; base-uri 'none'; require-trusted-types-for 'script'; trusted-types 'none'";

/** The same policy without 'wasm-unsafe-eval': WebAssembly cannot compile. */
export const NO_WASM_CSP = STRICT_CSP.replace(" 'wasm-unsafe-eval'", '');

/** The host page of the iframe mode must also allow framing the widget's origin. */
export const FRAMING_CSP = `${STRICT_CSP}; frame-src 'self'`;

const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm', '.css': 'text/css; charset=utf-8', '.json': 'application/json; charset=utf-8',
  '.png': 'image/png', '.svg': 'image/svg+xml', '.txt': 'text/plain; charset=utf-8',
};

const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.wasm', '.css', '.json', '.svg', '.txt']);
const compressed = new Map();

/** The body encoded as the client accepts (br, then gzip), cached per content. */
function encode(req, file, body) {
  const accept = String(req.headers['accept-encoding'] || '');
  if (!COMPRESSIBLE.has(path.extname(file))) return { body };
  const enc = /\bbr\b/.test(accept) ? 'br' : /\bgzip\b/.test(accept) ? 'gzip' : null;
  if (!enc) return { body };
  const key = `${enc}:${file}:${body.length}`;
  let out = compressed.get(key);
  if (!out || !out.source.equals(body)) {
    const data = enc === 'br'
      ? zlib.brotliCompressSync(body, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } })
      : zlib.gzipSync(body, { level: 9 });
    out = { source: Buffer.from(body), data };
    compressed.set(key, out);
  }
  return { body: out.data, encoding: enc };
}

/**
 * Starts the server; `routes` may override paths (tests use it for slow/404/HTML bodies);
 * `onRequest(url)` hears every request (tests count them).
 */
export function startServer({ root, port = 0, host = '127.0.0.1', routes = {}, compress = false, files = {}, onRequest = null }) {
  const absRoot = path.resolve(root);
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    onRequest?.(url);
    const route = routes[url.pathname];
    if (route) return route(req, res, url);
    let rel = decodeURIComponent(url.pathname);
    if (rel.endsWith('/')) rel += 'index.html';
    const file = path.resolve(absRoot, '.' + rel);
    if (!file.startsWith(absRoot + path.sep) && file !== absRoot) { res.writeHead(403); return res.end(); }
    const read = Object.hasOwn(files, rel) ? (cb) => cb(null, Buffer.from(files[rel])) : (cb) => fs.readFile(file, cb);
    read((err, body) => {
      if (err) { res.writeHead(404, { 'content-type': 'text/plain' }); return res.end('not found'); }
      // Public static assets: CORS lets a sandboxed (opaque-origin) iframe load them.
      const headers = { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream', 'cache-control': 'no-store',
        'access-control-allow-origin': '*' };
      if ((rel.startsWith('/examples/') || rel.startsWith('/studio/') || rel === '/frame.html') && !url.searchParams.has('nocsp')) {
        headers['content-security-policy'] = rel === '/examples/no-wasm.html' ? NO_WASM_CSP
          : rel === '/examples/iframe.html' ? FRAMING_CSP : STRICT_CSP;
      }
      if (compress) {
        const out = encode(req, file, body);
        headers.vary = 'accept-encoding';
        if (out.encoding) headers['content-encoding'] = out.encoding;
        body = out.body;
      }
      res.writeHead(200, headers);
      res.end(body);
    });
  });
  return new Promise((resolve) => {
    server.listen(port, host, () => {
      const { port: p } = server.address();
      resolve({ url: `http://${host}:${p}`, port: p, close: () => new Promise((r) => server.close(r)) });
    });
  });
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name, dflt) => { const i = process.argv.indexOf(name); return i > 0 ? process.argv[i + 1] : dflt; };
  const s = await startServer({ root: arg('--root', 'dist'), port: Number(arg('--port', 8080)), compress: process.argv.includes('--compress') });
  console.log(`serving ${arg('--root', 'dist')} at ${s.url}/`);
}
