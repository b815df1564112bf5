#!/usr/bin/env bash
# Runs the cargo-fuzz targets (fuzz/) one after another for a fixed time each:
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]     (default: 60 s, all three)
# Targets: load_view (raw JSON → load → validate → view model), inline (the inline
# markup parser), share_codec (share-state URL codec and query helpers). Needs the
# nightly toolchain and cargo-fuzz (installed from crates.io when missing). Seeds come
# from the repository (fuzz/seeds.mjs); libFuzzer keeps what it finds in fuzz/corpus/
# and writes a crashing input to fuzz/artifacts/<target>/ (the script then fails).
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
secs=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(load_view inline share_codec)

rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked
node fuzz/seeds.mjs

for t in "${targets[@]}"; do
  printf '\n==> fuzzing %s for %s s\n' "$t" "$secs"
  # -max_len: the seed article (41 KB) must fit; -rss_limit_mb: a share of a busy machine.
  rc=0
  cargo +nightly fuzz run "$t" "fuzz/corpus/$t" -- \
    -max_total_time="$secs" -max_len=65536 -rss_limit_mb=2048 -print_final_stats=1 \
    > "fuzz/last-$t.log" 2>&1 || rc=$?
  grep -E '^(#[0-9]+ +(INITED|DONE)|stat::number_of_executed_units|stat::average_exec_per_sec|stat::new_units_added|SUMMARY)' \
    "fuzz/last-$t.log" || true
  if [ "$rc" -ne 0 ]; then
    tail -40 "fuzz/last-$t.log" >&2
    echo "fuzz target $t failed (exit $rc): see fuzz/last-$t.log and fuzz/artifacts/$t/" >&2
    exit 1
  fi
done
