#!/usr/bin/env bash
# Release build of the standalone page into dist/ (stable file names, wasm-opt -Oz).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
echo "==> trunk build --release"
trunk build --release
node scripts/postbuild.mjs dist
