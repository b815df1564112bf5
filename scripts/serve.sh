#!/usr/bin/env bash
# Builds the release (scripts/release.sh) and serves its folder,
# release/evidence-article-<version>/, at http://127.0.0.1:8080/ (Ctrl+C stops): what is
# served is what ships, and what the tests load (dist/, byte for byte: tests/e2e/release.test.mjs).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
./scripts/release.sh
VERSION=$(node -e "import('./scripts/stamp.mjs').then((m) => console.log(m.crateVersion('.')))")
echo "==> serving release/evidence-article-$VERSION/ at http://127.0.0.1:${PORT:-8080}/"
exec node tests/e2e/server.mjs --root "release/evidence-article-$VERSION" --port "${PORT:-8080}"
