#!/usr/bin/env bash
# Release build of the standalone page into dist/ (stable file names, wasm-opt -Oz).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
echo "==> trunk build --release"
trunk build --release
echo "==> pre-rendering the standalone article (native, same components)"
cargo run --quiet --example prerender > target/prerender.html
node scripts/postbuild.mjs dist target/prerender.html
