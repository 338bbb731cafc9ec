#!/usr/bin/env bash
# The widget's wasm, in modules: the first holds what the first card needs; each function defined
# with `later!` (src/edge/later.rs) goes, with the code only it reaches, into a module of its own
# that the browser fetches later. Trunk 0.21 has no split step (trunk issue 1022), so `make build`
# runs these steps before trunk, which no longer builds any Rust:
#   1. cargo build of web/ (the release profile, std compiled for size: tools/small-std.sh), with
#      the linker's relocations kept (--emit-relocs): the split step follows them;
#   2. wasm-split-cli (crates.io's wasm_split_cli_support, as cargo-leptos --split) cuts it into
#      the main module, one module per split point (split_<name>.wasm), modules of the code that
#      several of those share (chunk_<n>.wasm), and __wasm_split.js, which fetches them;
#   3. wasm-bindgen on the main module, with its JS glue (--keep-lld-exports: the later modules
#      import the main module's functions, memory and table by the linker's names);
#   4. wasm-opt -Oz on each module.
# Then the sheet module (sheet/: `import csv`, which the loader fetches only for a CSV feed), built
# as the check page's wasm is, in the default target folder, with wasm-bindgen and wasm-opt.
# Out: target/web/out/, which trunk's post-build hook (tools/write-loader.mjs) copies into dist/
# with hashed names, and the loader that names them.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"
# Its own target folder: other flags than the check page's release build, which would otherwise
# rebuild each other's crates.
export CARGO_TARGET_DIR=target/split
EXTRA_RUSTFLAGS="-Clink-args=--emit-relocs" tools/small-std.sh \
  cargo build --release --offline --locked --target wasm32-unknown-unknown -p upcoming-meetings-web
work=target/web
rm -rf "$work" && mkdir -p "$work/out"
wasm-split-cli --target web --out-name upcoming-meetings-web \
  "$CARGO_TARGET_DIR/wasm32-unknown-unknown/release/upcoming_meetings_web.wasm" "$work/split"
wasm-bindgen --target web --no-typescript --keep-lld-exports --out-dir "$work/bound" \
  --out-name upcoming-meetings-web "$work/split/upcoming-meetings-web.wasm"
optimize() {
  wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-reference-types --enable-multivalue -o "$work/out/$(basename "$1")" "$@"
}
# The first module twice more through binaryen's flattening and re-relooping, each followed by
# -Oz: 1.6 KB gzip less than -Oz alone (issue 26, 2026-12-05: node's gzip -9, 196,014 B against
# 197,6xx B; once gave 1.2 KB, three times less than twice), for about 15 s of build. The later
# modules are small; -Oz alone.
optimize "$work/bound/upcoming-meetings-web_bg.wasm" --flatten --rereloop -Oz --flatten --rereloop -Oz -Oz
for module in "$work"/split/{split,chunk}_*.wasm; do optimize "$module"; done
cp "$work/bound/upcoming-meetings-web.js" "$work/split/__wasm_split.js" "$work/out/"

CARGO_TARGET_DIR=target tools/small-std.sh \
  cargo build --release --offline --locked --target wasm32-unknown-unknown -p upcoming-meetings-sheet
wasm-bindgen --target web --no-typescript --out-dir "$work/sheet" --out-name upcoming-meetings-sheet \
  target/wasm32-unknown-unknown/release/upcoming_meetings_sheet.wasm
optimize "$work/sheet/upcoming-meetings-sheet_bg.wasm"
cp "$work/sheet/upcoming-meetings-sheet.js" "$work/out/"
ls -l "$work/out" | awk 'NR > 1 { printf "  %8d  %s\n", $5, $9 }'
