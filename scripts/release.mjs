// `make release` (after scripts/build.sh): assembles release/evidence-article-<version>/
// from dist/ (already in the release layout: scripts/stamp.mjs) plus what a host needs
// (README with the embed snippet for this release, CHANGELOG, LICENSE, the article
// format, package.json + embed.d.ts), a manifest.json with every file's size and
// SHA-384, then release/evidence-article-<version>.tar.gz and, by `npm pack`,
// release/evidence-article-<version>.tgz. Nothing is rebuilt here: the widget files are
// dist/'s bytes, so what the tests load is what ships.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { sri, readStamp, crateVersion } from './stamp.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const fail = (msg) => { console.error(`release: ${msg}`); process.exit(1); };

/** Every file under `dir`, as sorted '/'-separated relative paths. @param {string} dir */
export function listFiles(dir) {
  const out = [];
  const walk = (d) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else out.push(path.relative(dir, p).split(path.sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

/** The snippet a host pastes, for this release's embed.js. @param {string} version @param {string} integrity */
export function snippet(version, integrity) {
  return [
    `<script type="module" async src="/evidence-article-${version}/embed.js"`,
    `        integrity="${integrity}" crossorigin="anonymous"></script>`,
    '<evidence-article></evidence-article>',
  ].join('\n');
}

/** The npm package's package.json. @param {string} version */
function packageJson(version) {
  const types = './embed.d.ts';
  return {
    name: 'evidence-article',
    version,
    description: 'A clinical evidence article widget (<evidence-article> custom element, mount() API, iframe mode), prebuilt: Rust + Yew compiled to WebAssembly. Serve the package folder as static files.',
    license: 'MIT',
    type: 'module',
    main: './embed.js',
    types,
    exports: {
      '.': { types, default: './embed.js' },
      './embed.js': { types, default: './embed.js' },
      './mount': { types, default: './embed.js' },
      './evidence-article.css': './evidence-article.css',
      './frame.html': './frame.html',
      './iframe-host.js': './iframe-host.js',
      './schema/*': './schema/*',
      './manifest.json': './manifest.json',
      './package.json': './package.json',
    },
    files: [
      'embed.js', 'embed.d.ts', 'evidence-article-*.js', 'evidence-article-*_bg.wasm', 'evidence-article-*.css',
      'evidence-article.css', 'frame.html', 'frame.js', 'frame.css', 'iframe-host.js', 'schema/', 'articles/',
      'docs/article-format.md', 'manifest.json', 'CHANGELOG.md', 'LICENSE', 'README.md',
    ],
    sideEffects: ['./embed.js', './iframe-host.js'],
  };
}

/** Relative link targets in Markdown `text` (images and links; no URLs, no anchors). */
export function relativeLinks(text) {
  return [...text.matchAll(/!?\[[^\]]*\]\(([^)\s]+)\)/g)].map((m) => m[1])
    .filter((href) => !/^[a-z][a-z0-9+.-]*:/i.test(href) && !href.startsWith('#'));
}

/**
 * The README as a release carries it: a link into `static/` points at the same file
 * at the release's root (where the build puts it); links and pictures whose target is
 * not in the release (developer docs, screenshots, the benchmark) become text naming
 * the path in the source repository, so no link in a host's copy leads nowhere.
 */
export function releaseReadme(readme, inRelease) {
  const local = (href) => !/^[a-z][a-z0-9+.-]*:/i.test(href) && !href.startsWith('#');
  const target = (href) => {
    if (inRelease(href)) return href;
    const built = href.replace(/^static\//, '');
    return built !== href && inRelease(built) ? built : null;
  };
  const elsewhere = (text, href) => (text === href || text === `\`${href}\``
    ? `\`${href}\` (in the source repository)` : `${text} (\`${href}\` in the source repository)`);
  return readme
    .replace(/!\[([^\]]*)\]\(([^)\s]+)\)/g, (m, alt, href) => (local(href) && !target(href)
      ? `*${alt}* (picture: \`${href}\` in the source repository)` : m))
    .replace(/(?<!!)\[([^\]]*)\]\(([^)\s]+)\)/g, (m, text, href) => {
      if (!local(href)) return m;
      const to = target(href);
      return to ? `[${text}](${to})` : elsewhere(text, href);
    });
}

function main() {
  const version = crateVersion(ROOT);
  const dist = path.join(ROOT, 'dist');
  const name = `evidence-article-${version}`;
  const outRoot = path.join(ROOT, 'release');
  const out = path.join(outRoot, name);
  if (!fs.existsSync(path.join(dist, 'index.html'))) fail('dist/ is missing: run scripts/build.sh first');
  const stamp = readStamp(fs.readFileSync(path.join(dist, 'embed.js'), 'utf8'));
  if (!stamp.integrity) fail('dist/embed.js is not stamped (scripts/stamp.mjs did not run)');
  if (stamp.version !== version) fail(`dist/ was built for ${stamp.version}, Cargo.toml says ${version}: rebuild`);
  for (const f of [stamp.glue, stamp.wasm, stamp.css]) {
    if (!fs.existsSync(path.join(dist, f))) fail(`dist/${f} (named in embed.js) is missing`);
  }

  fs.rmSync(out, { recursive: true, force: true });
  fs.rmSync(path.join(outRoot, `${name}.tar.gz`), { force: true });
  fs.rmSync(path.join(outRoot, `${name}.tgz`), { force: true });
  fs.mkdirSync(outRoot, { recursive: true });
  fs.cpSync(dist, out, { recursive: true });

  // Host docs. The README's embed snippet gets this release's real integrity.
  const embedSri = sri(fs.readFileSync(path.join(out, 'embed.js')));
  const readme = fs.readFileSync(path.join(ROOT, 'README.md'), 'utf8');
  const block = /(<!-- ea:snippet -->\n```html\n)[\s\S]*?(\n```\n<!-- \/ea:snippet -->)/;
  if (!block.test(readme)) fail('README.md has no <!-- ea:snippet --> block');
  fs.writeFileSync(path.join(out, 'README.md'), readme.replace(block, (_m, a, b) => a + snippet(version, embedSri) + b));
  for (const f of ['CHANGELOG.md', 'LICENSE', 'docs/article-format.md']) {
    if (!fs.existsSync(path.join(ROOT, f))) fail(`${f} is missing`);
    fs.mkdirSync(path.dirname(path.join(out, f)), { recursive: true });
    fs.copyFileSync(path.join(ROOT, f), path.join(out, f));
  }
  const readmeOut = path.join(out, 'README.md');
  fs.writeFileSync(readmeOut, releaseReadme(fs.readFileSync(readmeOut, 'utf8'),
    (href) => fs.existsSync(path.join(out, href.split('#')[0]))));
  fs.writeFileSync(path.join(out, 'embed-snippet.html'), snippet(version, embedSri) + '\n');
  fs.copyFileSync(path.join(ROOT, 'package', 'embed.d.ts'), path.join(out, 'embed.d.ts'));
  fs.writeFileSync(path.join(out, 'package.json'), JSON.stringify(packageJson(version), null, 2) + '\n');

  // The manifest: every other file of the release, its size and SHA-384.
  const files = {};
  for (const f of listFiles(out)) {
    const bytes = fs.readFileSync(path.join(out, f));
    files[f] = { size: bytes.length, integrity: sri(bytes) };
  }
  const manifest = {
    name: 'evidence-article', version,
    // What embed.js loads, by role (also in `files`): content-hashed, cacheable for a year.
    loads: { glue: stamp.glue, wasm: stamp.wasm, css: stamp.css },
    files,
  };
  fs.writeFileSync(path.join(out, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');

  // Reproducible tarball: sorted names, fixed owner and time (the commit's, if any).
  const git = spawnSync('git', ['log', '-1', '--format=%ct'], { cwd: ROOT, encoding: 'utf8' });
  const mtime = git.status === 0 && git.stdout.trim() ? `@${git.stdout.trim()}` : '@0';
  const tar = spawnSync('tar', ['--sort=name', `--mtime=${mtime}`, '--owner=0', '--group=0', '--numeric-owner',
    '-czf', `${name}.tar.gz`, name], { cwd: outRoot, stdio: 'inherit' });
  if (tar.status !== 0) fail('tar failed');
  const pack = spawnSync('npm', ['pack', '--silent', '--pack-destination', outRoot], { cwd: out, encoding: 'utf8' });
  if (pack.status !== 0) fail(`npm pack failed: ${pack.stderr}`);
  const tgz = pack.stdout.trim().split('\n').pop();
  if (tgz !== `${name}.tgz`) fail(`npm pack wrote ${tgz}, expected ${name}.tgz`);
  const size = (f) => `${(fs.statSync(path.join(outRoot, f)).size / 1024).toFixed(0)} KiB`;
  console.log(`release: release/${name}/ (${Object.keys(files).length + 1} files), release/${name}.tar.gz (${size(`${name}.tar.gz`)}), release/${name}.tgz (${size(`${name}.tgz`)})`);
  console.log(`release: embed.js integrity ${embedSri}`);
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) main();
