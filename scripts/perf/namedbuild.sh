#!/usr/bin/env bash
# Profiling aid (not part of any test): copies dist/ to $1 with the wasm rebuilt from
# target/.../evidence-article.wasm keeping function names (wasm-bindgen --keep-debug,
# wasm-opt -Oz -g), so a CPU profile names our functions. Integrity attributes are
# dropped from the copy's pages (the bytes differ from the stamped ones).
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
out=${1:?usage: namedbuild.sh OUTDIR}
rm -rf "$out"; cp -a dist "$out"
glue=$(cd dist && ls evidence-article-*.js | head -1); base=${glue%.js}
wasm=$(cd dist && ls evidence-article-*_bg.wasm | head -1)
tmp=$(mktemp -d)
wasm-bindgen --target web --no-typescript --keep-debug --out-dir "$tmp" --out-name "$base" target/wasm32-unknown-unknown/release/evidence-article.wasm
wasm-opt -Oz -g --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext --enable-mutable-globals "$tmp/${base}_bg.wasm" -o "$out/$wasm" 2>/dev/null || wasm-opt -Oz -g --all-features "$tmp/${base}_bg.wasm" -o "$out/$wasm"
cp "$tmp/$base.js" "$out/$glue"
sed -i "s#${base}_bg.wasm#${wasm}#g" "$out/$glue"
for f in "$out"/index.html "$out"/examples/*.html; do sed -i -E 's/ integrity=("[^"]*"|[^ >]*)//g' "$f"; done
# The standalone boot's checked fetch of the wasm, and the CSP <meta> that allows that
# boot by its hash (changed by this edit): dropped from the copy.
sed -i -E 's/,\{integrity:"[^"]*"\}//; s/<meta http-equiv="Content-Security-Policy" content="[^"]*">//' "$out/index.html"
# embed.js checks integrity: unstamp it.
sed -i -E 's#"integrity":\{[^}]*\}#"integrity":null#' "$out/embed.js"
ls -la "$out/$wasm"
