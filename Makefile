# upcoming-meetings. The two commands a new machine needs:
#   make serve   install what is missing, build dist/, serve it on http://127.0.0.1:8080/
#   make test    the same set-up plus the browsers, then every check and test suite, and a summary
# and for the rest:
#   make build   the release bundle in dist/: what a webmaster copies to a site
#   make bench   the release bundle measured on a slow phone (see bench/results.md)
#   make fuzz    the readers of a publisher's files fuzzed, an hour in all (tools/fuzz.sh)
.PHONY: setup setup-browser fetch prerender build serve test bench fuzz clean

CARGO_BIN := $(or $(CARGO_HOME),$(HOME)/.cargo)/bin
export PATH := $(CURDIR)/node_modules/.bin:$(CARGO_BIN):$(HOME)/.cargo/bin:$(PATH)
TRUNK := trunk --skip-version-check
PRERENDER := target/prerender/listings.html

# Tools: the wasm32 target, trunk, wasm-bindgen-cli, npm's wasm-opt, terser, Playwright, Ajv, ESLint.
setup:
	@tools/setup.sh

setup-browser:
	@tools/setup.sh --browser

# Every crate the builds need, so that they run --offline: the project's, and those of the
# standard library's own workspace, which the size-built std compiles (its manifest uses a
# nightly cargo feature: RUSTC_BOOTSTRAP=1, as tools/small-std.sh).
fetch:
	cargo fetch --locked
	RUSTC_BOOTSTRAP=1 cargo fetch --locked --manifest-path "$$(rustc --print sysroot)/lib/rustlib/src/rust/library/Cargo.toml"

# The bundled feed's listings as HTML, rendered natively by the widget's own views; trunk puts
# them into dist/index.html (index.html: <link data-trunk rel="inline">).
prerender: setup fetch
	@mkdir -p $(dir $(PRERENDER))
	cargo run --release --offline --locked --bin upcoming-meetings -- render public/feed.json --prerender --out $(PRERENDER)

# The wasm modules, the first-paint module, the app and the sheet module (tools/build-wasm.sh:
# cargo build, wasm-bindgen, wasm-opt); then trunk: the stylesheets, the page and public/ into
# dist/, and its post-build hook, tools/write-loader.mjs, the modules with hashed names and the
# loader (web/loader.js) that names them; then the check page (check-page/: its wasm and page/).
build: prerender
	tools/build-wasm.sh
	$(TRUNK) build --release --offline
	tools/build-check-page.sh

serve: build
	node tools/serve.mjs

test: setup-browser fetch
	@tools/test.sh

bench: setup-browser build
	cargo build --release --offline --locked --bin upcoming-meetings
	node bench/run.mjs

# Coverage-guided fuzzing of the feed reader and check, import csv and import ics (cargo-fuzz,
# libFuzzer): FUZZ_SECONDS per target (default 900), findings in fuzz/artifacts/.
fuzz: setup
	tools/fuzz.sh

clean:
	rm -rf dist test-output bench/out target/prerender
