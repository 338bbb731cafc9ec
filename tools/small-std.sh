#!/usr/bin/env bash
# Runs a command (a release cargo build of a wasm) so that the wasm it builds carries a standard library
# compiled for size, without panic messages:
#   -Zbuild-std=std,panic_abort   std compiled with this project's release profile (opt-level "z", LTO)
#   -Cpanic=immediate-abort       a panic stops at once: no panic hook, no message formatting
#   optimize_for_size             std's own choice of smaller code (sorts, number formatting)
# The first two together 53 KB less wasm (21.6 KB gzipped; bench/results.md); the third 6.4 KB
# less of the first-paint module (2.5 KB gzipped). These are unstable options
# of the toolchain this machine has (Rust 1.95, no nightly can be fetched), enabled for this one
# build by RUSTC_BOOTSTRAP=1; they need the rust-src component, which tools/setup.sh installs,
# and the crates of std's own workspace, which `make fetch` downloads (the build is --offline).
# Native builds and the wasm test build do not use them (a test build needs panic messages).
# A panic in the widget is still shown to the visitor: see the loader, web/loader.js.
set -euo pipefail
export RUSTC_BOOTSTRAP=1
export CARGO_UNSTABLE_BUILD_STD=std,panic_abort
export CARGO_UNSTABLE_BUILD_STD_FEATURES=optimize_for_size
# Cargo adds these to the flags .cargo/config.toml gives the wasm32 target (erase_components),
# and those the caller adds in EXTRA_RUSTFLAGS (tools/build-wasm.sh: the linker's relocations).
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="-Zunstable-options -Cpanic=immediate-abort${EXTRA_RUSTFLAGS:+ $EXTRA_RUSTFLAGS}"
exec "$@"
