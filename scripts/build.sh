#!/usr/bin/env bash
# Release build into dist/ (wasm-opt -Oz): the layout of a release (scripts/release.sh
# adds the docs, manifest and package): embed.js and the pages keep stable names, what
# embed.js loads gets content-hashed names and SHA-384 checks (scripts/stamp.mjs).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
echo "==> trunk build --release"
trunk build --release
echo "==> pre-rendering (the CLI's render: native, same components, hydratable)"
# Same features as the native tests (cli = schema + ssr), so `make test` reuses that build.
ARTICLE=static/articles/azathioprine-ild-uip.json
cargo run --quiet --features cli -- render --bare "$ARTICLE" > target/prerender.html
cargo run --quiet --features cli -- render --stylesheet ../evidence-article.css "$ARTICLE" > target/prerender-element.html
node scripts/postbuild.mjs dist target/prerender.html target/prerender-element.html
echo "==> minified embed.js, frame.js, iframe-host.js (readable sources stay in static/)"
node scripts/minify.mjs dist
echo "==> content-hashed names for what embed.js loads, their SHA-384 written into embed.js"
node scripts/stamp.mjs dist
echo "==> standalone page: inline stylesheet, CSP <meta> with its and the boot script's SHA-256"
node scripts/standalone.mjs dist

# --- studio (issue 15): a second app with its own wasm in dist/studio/ (studio/build.sh);
# --- scripts/bench.mjs counts only the widget's files at the top of dist/.
echo "==> studio (dist/studio/)"
./studio/build.sh dist
