#!/usr/bin/env bash
# Installs what the build and the tests need, skipping what is already there at the
# right version. Everything comes from a package registry (crates.io, npm, Debian):
# no prebuilt binary or browser is downloaded. A cold run takes about 20 minutes
# (Trunk alone compiles for ~15); a warm one a few seconds.
set -euo pipefail
cd "$(dirname "$0")/.."

WASM_BINDGEN_VERSION=0.2.130
TRUNK_VERSION=0.22.1
TRUNK_FALLBACK=0.21.14
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"

step() { printf '\n==> %s\n' "$*"; }
want_browser=${EA_SETUP_BROWSER:-1}

step "wasm32 target"
if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  echo "already installed"
else
  rustup target add wasm32-unknown-unknown
fi

if [ "$want_browser" = 1 ]; then
  step "Chromium and chromedriver (Debian packages)"
  if [ -x /usr/bin/chromium ] && [ -x /usr/bin/chromedriver ]; then
    echo "already installed: $(/usr/bin/chromium --version 2>/dev/null || true)"
  else
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq chromium chromium-driver
  fi

  step "Firefox ESR, WebKitGTK's WebKitWebDriver + MiniBrowser, Xvfb (Debian; the engine smoke suite)"
  if [ -x /usr/bin/firefox-esr ] && [ -x /usr/bin/WebKitWebDriver ] && [ -x /usr/bin/xvfb-run ]; then
    echo "already installed: $(/usr/bin/firefox-esr --version 2>/dev/null || true), WebKitGTK $(dpkg-query -W -f '${Version}' webkit2gtk-driver 2>/dev/null || true)"
  else
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO="sudo"
    export DEBIAN_FRONTEND=noninteractive
    $SUDO apt-get update -qq
    $SUDO apt-get install -y -qq firefox-esr webkit2gtk-driver xvfb
  fi
fi

step "wasm-bindgen CLI $WASM_BINDGEN_VERSION (crates.io; ~4 min cold)"
if command -v wasm-bindgen >/dev/null && [ "$(wasm-bindgen --version | awk '{print $2}')" = "$WASM_BINDGEN_VERSION" ]; then
  echo "already installed"
else
  # Not --locked: its lockfile pins a webpki-roots version the registry lacks.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

step "Trunk $TRUNK_VERSION (crates.io; ~15 min cold)"
if command -v trunk >/dev/null && trunk --version | grep -Eq "($TRUNK_VERSION|$TRUNK_FALLBACK)"; then
  echo "already installed: $(trunk --version)"
else
  cargo install --locked trunk --version "$TRUNK_VERSION" --ignore-rust-version \
    || cargo install --locked trunk --version "$TRUNK_FALLBACK"
fi

step "npm packages (wasm-opt from binaryen, playwright-core, axe-core, puppeteer-core, selenium-webdriver)"
if [ -d node_modules ] && [ node_modules/.package-lock.json -nt package-lock.json ] 2>/dev/null; then
  echo "already installed"
else
  if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi
fi
echo "wasm-opt: $(wasm-opt --version)"

step "crates (cargo fetch, so builds can run offline)"
cargo fetch --quiet
echo "setup done"
