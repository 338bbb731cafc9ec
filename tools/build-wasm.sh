#!/usr/bin/env bash
# The widget's wasm modules, each a cargo build of its own crate, then its JS glue, then smaller:
#   paint/  the first-paint module: the feed read and the first screen written, no Leptos (the
#           library without its `app` feature); fetched at once, with the feed;
#   web/    the app: the Leptos views (the library's `app` feature); fetched after the first
#           screen is painted, or on the reader's first tap;
#   sheet/  `import csv`, fetched only for a feed that is a sheet (and by the check page).
# Each step, and why:
#   1. cargo build --release for wasm32, through tools/small-std.sh: std compiled with the size
#      profile, panics that stop at once (-Zbuild-std, -Cpanic=immediate-abort);
#   2. wasm-bindgen: the JS glue that calls the module and the browser APIs it imports;
#   3. wasm-opt -Oz (npm binaryen; the app's twice more through --flatten --rereloop, measured to
#      pay: README, architecture).
# paint/ and sheet/ build in one cargo run (neither turns `app` on: cargo would give it to both),
# web/ in another. Trunk builds no Rust (index.html's skipped link); its post-build hook,
# tools/write-loader.mjs, copies target/web/out/ into dist/ with hashed names and writes the
# loader that names them.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"
release=target/wasm32-unknown-unknown/release
build() {
  tools/small-std.sh cargo build --release --offline --locked --target wasm32-unknown-unknown "$@"
}
build -p upcoming-meetings-paint -p upcoming-meetings-sheet
build -p upcoming-meetings-web
work=target/web
rm -rf "$work" && mkdir -p "$work/out"
# bind <crate's wasm name> <out name> [extra wasm-opt passes]
bind() {
  local wasm=$1 name=$2
  shift 2
  wasm-bindgen --target web --no-typescript --out-dir "$work/bound" --out-name "$name" "$release/$wasm.wasm"
  wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-reference-types --enable-multivalue "$@" -o "$work/out/${name}_bg.wasm" "$work/bound/${name}_bg.wasm"
  cp "$work/bound/$name.js" "$work/out/"
}
# Binaryen's flattening and re-relooping, twice, each followed by -Oz: 1.6 KB gzip less of the app
# than -Oz alone (issue 26), for about 15 s of build; 330 B less of the first-paint module.
flat=(--flatten --rereloop -Oz --flatten --rereloop -Oz -Oz)
bind upcoming_meetings_paint upcoming-meetings-paint "${flat[@]}"
bind upcoming_meetings_web upcoming-meetings-app "${flat[@]}"
bind upcoming_meetings_sheet upcoming-meetings-sheet
ls -l "$work/out" | awk 'NR > 1 { printf "  %8d  %s\n", $5, $9 }'
