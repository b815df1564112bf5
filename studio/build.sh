#!/usr/bin/env bash
# Builds the studio (a second Yew app with its own wasm) into dist/studio/:
# cargo (release profile of the workspace) → wasm-bindgen (--target web) → wasm-opt -Oz,
# then the static page, its stylesheet and ES module loader, and the glue's one
# innerHTML sink replaced by a throwing function (as scripts/postbuild.mjs does for
# the widget). The widget's files in dist/ are not touched, so its size budget
# (scripts/bench.mjs counts dist/*.wasm|js only) is unaffected.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
out="${1:-dist}/studio"
cargo build --quiet --release --target wasm32-unknown-unknown -p evidence-studio
mkdir -p "$out"
wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name studio \
  target/wasm32-unknown-unknown/release/evidence_studio.wasm
wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-mutable-globals --enable-reference-types --enable-multivalue \
  "$out/studio_bg.wasm" -o "$out/studio_bg.wasm"
cp studio/static/index.html studio/static/studio.css studio/static/boot.js "$out/"
node studio/postbuild.mjs "$out"
