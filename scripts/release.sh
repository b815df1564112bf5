#!/usr/bin/env bash
# `make release`: builds dist/ (already the release layout: scripts/build.sh) and
# assembles release/evidence-article-<version>/ with manifest.json, its .tar.gz and the
# npm package .tgz (scripts/release.mjs). EA_SKIP_BUILD=1 reuses a dist/ just built.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
if [ "${EA_SKIP_BUILD:-0}" != 1 ]; then ./scripts/build.sh; fi
echo "==> release/ (manifest, tarball, npm package)"
node scripts/release.mjs
