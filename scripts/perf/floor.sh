#!/usr/bin/env bash
# Size floors (docs/size.md, "What the 110 KB target would take"): builds the minimal
# apps in bench/floor/ with the widget's release profile, Trunk and wasm-bindgen, then
# the widget's post-build steps (scripts/perf/floor.mjs), and prints wasm + JS brotli.
#   yew        what the widget uses of Yew 0.23 (csr + hydration, hooks, context,
#              listeners, keyed list), hydrating a pre-rendered node
#   yew-csr    the same app without the `hydration` feature (render() instead)
#   yew-hello  one function component with one text node (csr only): Yew's minimum
#   bare       no framework: wasm-bindgen + web-sys, one element, one listener
# A measuring tool: not part of `make test`; each app is a Cargo workspace of its own.
#   scripts/perf/floor.sh [yew|yew-csr|yew-hello|bare ...]   (all by default)
set -euo pipefail
cd "$(dirname "$0")/../.."
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
apps=("$@")
[ ${#apps[@]} -eq 0 ] && apps=(yew yew-csr yew-hello bare)
for app in "${apps[@]}"; do
  case "$app" in
    yew) dir=yew; flags=() ;;
    yew-csr) dir=yew; flags=(--no-default-features) ;;
    yew-hello) dir=yew; flags=(--no-default-features --features hello) ;;
    bare) dir=bare; flags=() ;;
    *) echo "floor: unknown app $app" >&2; exit 2 ;;
  esac
  (cd "bench/floor/$dir" && trunk build --release "${flags[@]}" >&2)
  node scripts/perf/floor.mjs "bench/floor/$dir/dist" "floor-$app"
done
