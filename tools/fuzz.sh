#!/usr/bin/env bash
# `make fuzz`: coverage-guided fuzzing (cargo-fuzz 0.13, libFuzzer with AddressSanitizer) of the
# readers of a publisher's files, each target for FUZZ_SECONDS (default 900: an hour for the
# four). Seeds: the project's fixtures of each kind (for import_ics, every calendar of the corpus,
# and iCalendar's words as libFuzzer's dictionary, fuzz/ical.dict); import_ics_calendar writes
# whole calendars from the fuzzer's bytes, so each run reaches series, changes and zones. A crash, a hang (over 10 s on one input) or
# a memory blow-up (over 2 GB) stops a target and leaves its input in fuzz/artifacts/TARGET/; keep
# each one as a regression test, then fix it. The sanitizer and coverage flags are nightly
# options of the pinned stable compiler, enabled for this build by RUSTC_BOOTSTRAP=1, as
# tools/small-std.sh does for the release wasm.
#   FUZZ_SECONDS=60 make fuzz          a short run
#   FUZZ_TARGETS="feed" make fuzz      one target
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$HOME/.cargo/bin:$PATH"
CARGO_FUZZ_VERSION=0.13.1
if ! { command -v cargo-fuzz >/dev/null && cargo fuzz --version | grep -q "$CARGO_FUZZ_VERSION"; }; then
  echo "fuzz: installing cargo-fuzz $CARGO_FUZZ_VERSION (a minute, once)"
  cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked
fi
export RUSTC_BOOTSTRAP=1
seconds=${FUZZ_SECONDS:-900}
targets=${FUZZ_TARGETS:-feed import_csv import_ics import_ics_calendar}
declare -A seeds=(
  [feed]="tests/fixtures/*.json tests/fixtures/valid/*.json tests/fixtures/invalid/*.json public/feed.json"
  [import_csv]="tests/fixtures/import/*.csv"
  [import_ics]="tests/fixtures/import/*.ics tests/fixtures/calendars/*/*.ics"
  [import_ics_calendar]=""
)
declare -A dicts=([import_ics]="-dict=fuzz/ical.dict")
mkdir -p test-output/fuzz
for target in $targets; do
  corpus="fuzz/corpus/$target"
  mkdir -p "$corpus"
  # shellcheck disable=SC2086 # the seeds are globs
  cp -n ${seeds[$target]} "$corpus/" 2>/dev/null || true
  echo "fuzz: $target for $seconds s (log: test-output/fuzz/$target.log)"
  status=0
  # shellcheck disable=SC2086 # no dictionary is no argument
  cargo fuzz run --fuzz-dir fuzz "$target" "$corpus" -- -max_total_time="$seconds" -timeout=10 \
    -rss_limit_mb=2048 -print_final_stats=1 ${dicts[$target]:-} >"test-output/fuzz/$target.log" 2>&1 \
    || status=$?
  runs=$(sed -n 's/^stat::number_of_executed_units: *//p' "test-output/fuzz/$target.log")
  # libFuzzer's last status line: the edges (cov) and features (ft) its inputs reached.
  reached=$(grep -oE "cov: [0-9]+ ft: [0-9]+" "test-output/fuzz/$target.log" | tail -1)
  echo "fuzz: $target: exit status $status, ${runs:-?} inputs run, ${reached:-cov: ?}," \
    "corpus $(ls "$corpus" | wc -l) files"
  grep -E "^(==[0-9]+==ERROR|thread .* panicked|SUMMARY|artifact_prefix|Test unit written)" \
    "test-output/fuzz/$target.log" | head -5 || true
done
