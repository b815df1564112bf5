#!/usr/bin/env bash
# The end-to-end tests' own build of the widget module, with the `test-hooks` feature
# (`__panicForTesting`), into target/test-hooks/. The shipped dist/ never has it.
# The same binary as the shipped one (its main mounts the standalone page and installs
# the panic hook), as a debug build: no LTO or wasm-opt.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
cargo build --quiet --bin evidence-article --target wasm32-unknown-unknown --features test-hooks
wasm-bindgen --target web --no-typescript --out-dir target/test-hooks --out-name evidence-article \
  target/wasm32-unknown-unknown/debug/evidence-article.wasm
echo "test-hooks build: $(du -h target/test-hooks/evidence-article_bg.wasm | cut -f1) in target/test-hooks/"
