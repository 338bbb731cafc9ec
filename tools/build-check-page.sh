#!/usr/bin/env bash
# Builds the check page into dist/ (after trunk, which empties dist/): check.html, check.css,
# check.js (check-page/page/), the check crate's wasm and the calendar module's (calendar/:
# `import ics`, fetched only for a calendar) with their JS glue, named by a hash of their contents
# so that a host may cache them forever (check.js, a stable name, imports them, and the widget's
# sheet module, which trunk's hook has put in dist/, to make a sheet into a feed).
# The wasm is built like the widget's (tools/small-std.sh, the release profile), then
# wasm-bindgen, wasm-opt -Oz and terser, as trunk does for the widget. Run by `make build`.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$PATH"
tools/small-std.sh cargo build --release --offline --locked --target wasm32-unknown-unknown \
  -p upcoming-meetings-check -p upcoming-meetings-calendar
out=target/check-page
rm -rf "$out" dist/check-wasm-* dist/calendar-wasm-* && mkdir -p "$out"
# The crate's wasm in dist/ as <name>-<hash>_bg.wasm and its glue as <name>-<hash>.js; prints
# <name>-<hash>.
bind() {
  local wasm="target/wasm32-unknown-unknown/release/$1.wasm"
  local name
  name="$2-$(sha256sum "$wasm" | cut -c1-16)"
  wasm-bindgen --target web --no-typescript --out-dir "$out" --out-name "$name" "$wasm"
  wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-reference-types --enable-multivalue -o "dist/${name}_bg.wasm" "$out/${name}_bg.wasm"
  terser "$out/$name.js" --module --ecma 2020 --compress --mangle -o "dist/$name.js"
  echo "$name"
}
name=$(bind upcoming_meetings_check check-wasm)
calendar=$(bind upcoming_meetings_calendar calendar-wasm)
# The sheet module (a sheet made into a feed) is the widget's, which trunk's hook put in dist/.
sheet=$(cd dist && ls upcoming-meetings-sheet-*.js)
[ "$(echo "$sheet" | wc -l)" = 1 ] || { echo "build-check-page: not one sheet module in dist/: $sheet" >&2; exit 1; }
sed -e "s|\"./check-wasm.js\"|\"./$name.js\"|" -e "s|\"./sheet-wasm.js\"|\"./$sheet\"|" \
  -e "s|\"./calendar-wasm.js\"|\"./$calendar.js\"|" check-page/page/check.js |
  terser --module --ecma 2020 --compress --mangle -o dist/check.js
for module in "$name.js" "$sheet" "$calendar.js"; do
  grep -q "\"./$module\"" dist/check.js || { echo "build-check-page: check.js does not name $module" >&2; exit 1; }
done
cp check-page/page/check.html check-page/page/check.css dist/
for wasm in "$name" "$calendar"; do
  echo "check page: dist/${wasm}_bg.wasm ($(wc -c <"dist/${wasm}_bg.wasm") bytes)"
done
