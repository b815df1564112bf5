#!/usr/bin/env bash
# What each feature costs in shipped bytes (docs/size.md, "What the 110 KB target would
# take"): applies each patch in this folder to a scratch worktree of HEAD, builds it with
# ./scripts/build.sh (the studio step skipped: it is another app, and bench.mjs does not
# count it) and prints wasm + JS brotli as `node scripts/bench.mjs` counts them.
# A measuring tool, not part of `make test`; variants build one at a time.
#   bench/floor/patches/measure.sh [SPEC ...]
# SPEC: `base` (no patch), a patch name without `.patch`, or names joined by `+`
# (applied in that order). Default: base, then every patch on its own.
# EA_FLOOR_TMP picks the scratch worktree (default /tmp/ea-floor-variants); it keeps its
# target/ between runs (seeded from this repository's, if there is one: ~7 GB); remove it
# with `git worktree remove --force /tmp/ea-floor-variants` when done. Each build's log:
# /tmp/ea-floor-SPEC.log.
set -uo pipefail
repo="$(cd "$(dirname "$0")/../../.." && pwd)"
here="$repo/bench/floor/patches"
tmp="${EA_FLOOR_TMP:-/tmp/ea-floor-variants}"
export PATH="$HOME/.cargo/bin:$repo/node_modules/.bin:$PATH"
if [ ! -d "$tmp/.git" ] && [ ! -f "$tmp/.git" ]; then
  git -C "$repo" worktree add --detach "$tmp" HEAD >/dev/null || exit 1
  [ -d "$repo/target" ] && cp -a "$repo/target" "$tmp/target"
  ln -s "$repo/node_modules" "$tmp/node_modules"
fi
specs=("$@")
if [ ${#specs[@]} -eq 0 ]; then
  specs=(base)
  for p in "$here"/*.patch; do specs+=("$(basename "$p" .patch)"); done
fi
head=$(git -C "$repo" rev-parse HEAD)
for spec in "${specs[@]}"; do
  git -C "$tmp" checkout -q --detach "$head" && git -C "$tmp" reset -q --hard && git -C "$tmp" clean -fdq
  ok=1
  if [ "$spec" != base ]; then
    IFS=+ read -ra parts <<< "$spec"
    for part in "${parts[@]}"; do
      # -C1 as a fallback: two patches may change lines a few apart (notes, glossary).
      if ! git -C "$tmp" apply "$here/$part.patch" 2>/dev/null && ! git -C "$tmp" apply -C1 "$here/$part.patch" 2>/dev/null; then
        echo "$spec: patch no longer applies ($part)"; ok=0; break
      fi
    done
  fi
  [ $ok = 1 ] || continue
  printf '#!/bin/sh\n' > "$tmp/studio/build.sh"
  log="/tmp/ea-floor-$spec.log"
  if ! (cd "$tmp" && ./scripts/build.sh) > "$log" 2>&1; then
    echo "$spec: build failed (log: $log)"; continue
  fi
  sizes="$(mktemp -d)"
  cp "$tmp"/dist/*.wasm "$tmp"/dist/*.js "$sizes"/
  guard=$(cd "$tmp" && node scripts/bench.mjs "$sizes" 2>&1 | grep '^size guard')
  total=$(sed -n 's/^size guard: wasm + JS \([0-9]*\) bytes.*/\1/p' <<< "$guard")
  # Each file's brotli 11 bytes, exactly (bench.mjs prints KiB).
  files=$(node -e '
    const fs = require("fs"), z = require("zlib"), d = process.argv[1];
    const q = { params: { [z.constants.BROTLI_PARAM_QUALITY]: 11 } };
    console.log(fs.readdirSync(d).map((f) => `${f.replace(/-[0-9a-f]{16}/, "")} ${z.brotliCompressSync(fs.readFileSync(d + "/" + f), q).length}`).join(", "));
  ' "$sizes")
  # Brotli 11 moves by hundreds of bytes when any 16 bytes of the wasm change (the build
  # id, a hash of the sources, docs/size.md session 13): the same wasm with 15 fixed
  # stand-in ids, the median, is the steadier figure to compare variants by.
  ids=$(node -e '
    const fs = require("fs"), z = require("zlib"), c = require("crypto"), [d, page] = process.argv.slice(1);
    const id = (fs.readFileSync(page, "utf8").match(/data-ea-build="([0-9a-f]{16})"/) || [])[1];
    const f = fs.readdirSync(d).find((x) => x.endsWith("_bg.wasm"));
    const wasm = fs.readFileSync(d + "/" + f);
    const at = id ? wasm.indexOf(Buffer.from(id)) : -1;
    if (at < 0) { console.log("?"); process.exit(0); }
    const q = { params: { [z.constants.BROTLI_PARAM_QUALITY]: 11 } };
    const out = [];
    for (let i = 0; i < 15; i++) {
      const b = Buffer.from(wasm);
      Buffer.from(c.createHash("sha256").update(String(i)).digest("hex").slice(0, 16)).copy(b, at);
      out.push(z.brotliCompressSync(b, q).length);
    }
    out.sort((a, b) => a - b);
    console.log(`${out[7]} (${out[0]}-${out[14]})`);
  ' "$sizes" "$tmp/dist/index.html")
  rm -rf "$sizes"
  echo "$spec: wasm + JS ${total:-?} B brotli ($files); wasm with 15 stand-in build ids: median $ids"
done
