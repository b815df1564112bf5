#!/usr/bin/env bash
# Builds the release widget and serves it at http://127.0.0.1:8080/ (Ctrl+C stops).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/setup.sh
./scripts/build.sh
echo "==> serving dist/ at http://127.0.0.1:${PORT:-8080}/"
exec node tests/e2e/server.mjs --root dist --port "${PORT:-8080}"
