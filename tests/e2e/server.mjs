// A tiny static server for dist/: correct MIME types (application/wasm), no caching,
// and the strict Content-Security-Policy header on the example host pages.
// Usable as a module (tests start it on a free port) or from the command line.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';

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

/** Starts the server; `routes` may override paths (tests use it for slow/404/HTML bodies). */
export function startServer({ root, port = 0, host = '127.0.0.1', routes = {} }) {
  const absRoot = path.resolve(root);
  const server = http.createServer((req, res) => {
    const url = new URL(req.url, 'http://x');
    const route = routes[url.pathname];
    if (route) return route(req, res, url);
    let rel = decodeURIComponent(url.pathname);
    if (rel.endsWith('/')) rel += 'index.html';
    const file = path.resolve(absRoot, '.' + rel);
    if (!file.startsWith(absRoot + path.sep) && file !== absRoot) { res.writeHead(403); return res.end(); }
    fs.readFile(file, (err, body) => {
      if (err) { res.writeHead(404, { 'content-type': 'text/plain' }); return res.end('not found'); }
      // Public static assets: CORS lets a sandboxed (opaque-origin) iframe load them.
      const headers = { 'content-type': TYPES[path.extname(file)] || 'application/octet-stream', 'cache-control': 'no-store',
        'access-control-allow-origin': '*' };
      if ((rel.startsWith('/examples/') || rel === '/frame.html') && !url.searchParams.has('nocsp')) {
        headers['content-security-policy'] = rel === '/examples/no-wasm.html' ? NO_WASM_CSP
          : rel === '/examples/iframe.html' ? FRAMING_CSP : STRICT_CSP;
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
  const s = await startServer({ root: arg('--root', 'dist'), port: Number(arg('--port', 8080)) });
  console.log(`serving ${arg('--root', 'dist')} at ${s.url}/`);
}
