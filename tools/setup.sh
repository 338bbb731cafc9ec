#!/usr/bin/env bash
# Installs what building and testing need, and only what is missing or at the wrong version, so a
# second run takes seconds. Sources: rustup, crates.io, the npm registry and Debian's packages;
# nothing is downloaded from anywhere else (trunk runs with --offline and finds these on PATH).
#
#   tools/setup.sh            wasm32 target, trunk, wasm-bindgen-cli, npm tools (wasm-opt, ...)
#   tools/setup.sh --browser  the same, plus Debian's chromium, chromium-driver, firefox-esr,
#                             webkit2gtk-driver and xvfb
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
# The wasm-bindgen CLI must match the wasm-bindgen crate in Cargo.lock exactly.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' Cargo.lock)

say() { printf '\033[1msetup:\033[0m %s\n' "$*"; }
have_version() { command -v "$1" >/dev/null 2>&1 && "$1" --version 2>/dev/null | grep -q "$2"; }
export PATH="${CARGO_HOME:-$HOME/.cargo}/bin:$HOME/.cargo/bin:$PATH"

# The Rust of rust-toolchain.toml, before anything in this folder runs cargo (which would ask
# rustup to download it). Where rustup's server cannot be reached but the machine's stable is
# that very version, the stable toolchain is also given the pinned name; any other version is
# installed by rustup, or the set-up stops here with the reason.
pinned=$(sed -n 's/^channel = "\(.*\)"$/\1/p' rust-toolchain.toml)
host=$(RUSTUP_TOOLCHAIN=stable rustc -vV | sed -n 's/^host: //p')
if ! RUSTUP_TOOLCHAIN=stable rustup toolchain list | grep -q "^$pinned-$host"; then
  if RUSTUP_TOOLCHAIN=stable rustc -V | grep -q "^rustc $pinned "; then
    say "Rust $pinned (rust-toolchain.toml) is this machine's stable: naming it $pinned"
    ln -s "$(RUSTUP_TOOLCHAIN=stable rustc --print sysroot)" \
      "${RUSTUP_HOME:-$HOME/.rustup}/toolchains/$pinned-$host"
  else
    say "installing Rust $pinned (rust-toolchain.toml)"
    rustup toolchain install "$pinned" --profile minimal --component rust-src,rustfmt,clippy \
      --target wasm32-unknown-unknown
  fi
fi
rustc -V | grep -q "^rustc $pinned " || { say "rustc is not $pinned: $(rustc -V)"; exit 1; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

# The release build compiles std itself for size (tools/small-std.sh): it needs std's sources.
# `make test` runs clippy and rustfmt.
for component in rust-src clippy rustfmt; do
  if ! rustup component list --installed | grep -q "^$component"; then
    say "adding the $component component"
    rustup component add "$component"
  fi
done

if ! have_version trunk "trunk $TRUNK_VERSION"; then
  say "installing trunk $TRUNK_VERSION (about 20 minutes on 2 cores, once)"
  CARGO_PROFILE_RELEASE_LTO=false CARGO_PROFILE_RELEASE_CODEGEN_UNITS=16 \
    cargo install trunk --version "$TRUNK_VERSION" --locked
fi

if ! have_version wasm-bindgen "wasm-bindgen $WASM_BINDGEN_VERSION"; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 7 minutes, once)"
  # Not --locked: its lock file names a crate version the registry does not serve.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION" --force
fi

if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  say "installing npm tools (binaryen's wasm-opt, terser, playwright-core, puppeteer-core, selenium-webdriver, ajv, eslint)"
  npm ci --no-audit --no-fund --loglevel=error
fi

# The browsers of the tests, each only when missing: Chromium (and its driver) for everything;
# Firefox ESR, WebKitGTK's WebKitWebDriver (with MiniBrowser) and an X server for it, Xvfb, for
# the core flows in every engine (tests/e2e/engines.test.mjs).
if [ "${1:-}" = "--browser" ]; then
  missing=()
  [ -x /usr/bin/chromium ] || missing+=(chromium)
  [ -x /usr/bin/chromedriver ] || missing+=(chromium-driver)
  [ -x /usr/bin/firefox-esr ] || missing+=(firefox-esr)
  { [ -x /usr/bin/WebKitWebDriver ] && [ -x /usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser ]; } || missing+=(webkit2gtk-driver)
  [ -x /usr/bin/Xvfb ] || missing+=(xvfb)
  if [ "${#missing[@]}" -gt 0 ]; then
    say "installing Debian's ${missing[*]}"
    sudo=""; [ "$(id -u)" -ne 0 ] && sudo="sudo"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
fi

say "ready: $(trunk --version), wasm-bindgen $WASM_BINDGEN_VERSION, $(node_modules/.bin/wasm-opt --version)"
