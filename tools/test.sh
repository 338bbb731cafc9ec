#!/usr/bin/env bash
# Every check and test suite, against the real thing, ending with one summary line:
#   lint     cargo fmt --check, every Rust line within 100 columns, cargo clippy -D warnings for
#            the native and the wasm32 build, and ESLint's recommended rules over the project's
#            JavaScript (eslint.config.js)
#   native   cargo test: the model, its time rules, and the feed contract fixtures
#   browser  wasm-bindgen-test in headless Chromium: widgets mounted as a page mounts them, and
#            every zone Chromium knows against the native database (tests/zones.rs)
#   schema   the JSON Schema of format v1 against the bundled feed and the fixtures
#   tools    the publisher's command line against a real iCalendar parser (ical.js)
#   calendars  import ics on a corpus of real calendars against ical.js's expansion of them
#   build    make build: the release dist/
#   e2e      Chromium (playwright-core), and for the core flows Firefox ESR and WebKitGTK too,
#            against the built dist/ on 127.0.0.1
# Logs of each suite are kept in test-output/logs/. Run by `make test`, after its set-up.
set -uo pipefail
cd "$(dirname "$0")/.."
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
# Two slow cores: give the wasm test runner time to start Chromium and finish.
export WASM_BINDGEN_TEST_DRIVER_TIMEOUT="${WASM_BINDGEN_TEST_DRIVER_TIMEOUT:-60}"
export WASM_BINDGEN_TEST_TIMEOUT="${WASM_BINDGEN_TEST_TIMEOUT:-300}"
LOGS=test-output/logs
mkdir -p "$LOGS"

summary=()
failed=0

# cargo prints "test result: ok. N passed; M failed; ..." per test binary.
cargo_counts() { awk '/^test result:/ { p += $4; f += $6 } END { printf "%d %d", p, f }' "$1"; }
# node --test (spec reporter) ends with "ℹ pass N" and "ℹ fail N".
node_counts() { awk '/^ℹ pass / { p = $3 } /^ℹ fail / { f = $3 } END { printf "%d %d", p, f }' "$1"; }
# The lint step prints "check passed: …" or "check FAILED: …" per check.
check_counts() { awk '/^check passed:/ { p++ } /^check FAILED:/ { f++ } END { printf "%d %d", p, f }' "$1"; }

suite() { # name, counter, command...
  local name=$1 counter=$2; shift 2
  printf '\n\033[1m== %s: %s\033[0m\n' "$name" "$*"
  local started=$SECONDS
  "$@" 2>&1 | tee "$LOGS/$name.log"
  local status=${PIPESTATUS[0]} passed failures took=$((SECONDS - started))
  read -r passed failures < <($counter "$LOGS/$name.log")
  if [ "$status" -ne 0 ] || [ "$passed" -eq 0 ]; then
    failed=1
    summary+=("$name FAILED ($passed passed, $failures failed, ${took} s)")
  else
    summary+=("$name $passed passed (${took} s)")
  fi
  return "$status"
}

# The Rust lines over 100 columns (characters), as file:line. rustfmt's max_width is 100, but it
# leaves long string literals, comments and the markup inside view! as they are.
rust_lines_within_100_columns() {
  local long found
  long=$(LC_ALL=C.UTF-8 grep -rn --include='*.rs' '.\{101,\}' src web paint check-page sheet calendar fuzz/fuzz_targets tests build.rs)
  found=$?
  [ "$found" -le 1 ] || return 1 # grep itself failed
  [ -z "$long" ] && return 0
  echo "over 100 columns:"
  cut -d: -f1,2 <<<"$long" | sort -t: -k1,1 -k2,2n | sed 's/^/  /'
  return 1
}

lint() {
  local status=0
  check() { # what, command...
    local what=$1; shift
    if "$@"; then echo "check passed: $what"; else echo "check FAILED: $what"; status=1; fi
  }
  check "cargo fmt --check" cargo fmt --all --check
  check "Rust lines within 100 columns" rust_lines_within_100_columns
  check "clippy, native" cargo clippy --workspace --all-targets --locked --offline -- -D warnings
  check "clippy, wasm32" cargo clippy --workspace --all-targets --locked --offline --target wasm32-unknown-unknown -- -D warnings
  check "eslint" node_modules/.bin/eslint --max-warnings 0 .
  # ESLint reads the loader as the classic script it is; Node (package.json's "type") as the
  # module it also is, in strict mode, for the pages that load it as one.
  check "the loader parses as a module" node --check web/loader.js
  return "$status"
}

suite lint check_counts lint
suite native cargo_counts cargo test -p upcoming-meetings --locked --offline
suite browser cargo_counts cargo test -p upcoming-meetings --locked --offline --target wasm32-unknown-unknown --test web --test zones
suite schema node_counts node --test --test-reporter=spec tests/schema.test.mjs
suite tools node_counts node --test --test-reporter=spec tests/tools.test.mjs
suite calendars node_counts node --test --test-reporter=spec tests/calendars.test.mjs

printf '\n\033[1m== build: make build\033[0m\n'
build_started=$SECONDS
if make --no-print-directory build >"$LOGS/build.log" 2>&1; then
  grep -E "^(upcoming-meetings.js|.*success)" "$LOGS/build.log"
  summary+=("build ($((SECONDS - build_started)) s)")
  # A file that hangs fails after 10 minutes, naming the test it was in, rather than holding
  # the run until CI's own limit.
  suite e2e node_counts node --test --test-reporter=spec --test-concurrency=1 \
    --test-timeout=600000 tests/e2e/
else
  tail -30 "$LOGS/build.log"
  failed=1
  summary+=("build FAILED (see $LOGS/build.log), e2e not run")
fi

line=$(IFS=,; echo "${summary[*]}" | sed 's/,/ · /g')
if [ "$failed" -eq 0 ]; then
  printf '\n\033[1;32mTEST SUMMARY: %s — all passed\033[0m\n' "$line"
else
  printf '\n\033[1;31mTEST SUMMARY: %s — FAILED\033[0m\n' "$line"
fi
exit "$failed"
