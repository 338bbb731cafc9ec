#!/usr/bin/env bash
# Runs every test suite against the real thing and ends with one summary line:
#   native   cargo test: the model, its time rules, and the feed contract fixtures
#   browser  wasm-bindgen-test: the components mounted in headless Chromium
#   schema   the JSON Schema of format v1 against the bundled feed and the fixtures
#   e2e      playwright-core driving Chromium against the built dist/ on 127.0.0.1
# Logs of each suite are kept in test-output/logs/. Expects tools/setup.sh --browser to have run.
set -uo pipefail
cd "$(dirname "$0")/.."
export PATH="$PWD/node_modules/.bin:$HOME/.cargo/bin:$PATH"
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

suite() { # name, counter, command...
  local name=$1 counter=$2; shift 2
  printf '\n\033[1m== %s: %s\033[0m\n' "$name" "$*"
  "$@" 2>&1 | tee "$LOGS/$name.log"
  local status=${PIPESTATUS[0]} passed failures
  read -r passed failures < <($counter "$LOGS/$name.log")
  if [ "$status" -ne 0 ] || [ "$passed" -eq 0 ]; then
    failed=1
    summary+=("$name FAILED ($passed passed, $failures failed)")
  else
    summary+=("$name $passed passed")
  fi
  return "$status"
}

suite native cargo_counts cargo test -p upcoming-meetings --locked
suite browser cargo_counts cargo test -p upcoming-meetings --locked --target wasm32-unknown-unknown --test web
suite schema node_counts node --test --test-reporter=spec tests/schema.test.mjs

printf '\n\033[1m== build: trunk build --release\033[0m\n'
if tools/small-std.sh trunk build --release --offline --skip-version-check 2>&1 | tee "$LOGS/build.log" | grep -E "ERROR|error|success"; [ "${PIPESTATUS[0]}" -eq 0 ]; then
  suite e2e node_counts node --test --test-reporter=spec --test-concurrency=1 tests/e2e/
else
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
