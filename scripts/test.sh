#!/usr/bin/env bash
# Runs every test: formatting, lints (host + wasm32), native tests, browser tests in
# headless Chromium (wasm-bindgen-test), the release build, the size benchmark,
# the end-to-end tests (node --test + playwright-core) and the smoke suite in Firefox ESR
# and WebKitGTK (tests/engines/, under xvfb-run). Installs what is missing.
# --workspace: the studio (studio/) is linted and tested with the widget.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
t0=$(date +%s)
step() { printf '\n==> [%ss] %s\n' "$(( $(date +%s) - t0 ))" "$*"; }

step "setup"; ./scripts/setup.sh
step "cargo fmt --check"; cargo fmt --all -- --check
step "JSDoc types of static/*.js (tsc --checkJs)"; tsc -p tsconfig.json
step "clippy (host)"; cargo clippy --workspace --all-targets --all-features -- -D warnings
step "clippy (wasm32)"; cargo clippy --workspace --all-targets --target wasm32-unknown-unknown -- -D warnings
step "native tests"; cargo test --workspace --all-features
step "browser tests (wasm-bindgen-test, headless Chromium)"
CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_TEST_TIMEOUT=120 cargo test --target wasm32-unknown-unknown --test wasm --test wasm_panic
step "release build (dist/, then release/: manifest, tarball, npm package)"; ./scripts/release.sh
step "size benchmark"; node scripts/bench.mjs dist
step "test-hooks build for the end-to-end panic test"; ./scripts/build-test-hooks.sh
step "end-to-end tests (playwright-core + /usr/bin/chromium)"; node --test tests/e2e/
step "engine smoke suite (Firefox ESR, WebKitGTK, Chromium; ~45 s)"; xvfb-run -a node --test tests/engines/
step "all tests passed"
