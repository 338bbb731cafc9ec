# upcoming-meetings. The two commands a new machine needs:
#   make serve   install what is missing, build, serve the app on http://127.0.0.1:8080/
#   make test    the same set-up plus Chromium, then every test suite and a summary line
#   make bench   the release bundle measured on a slow phone (see bench/results.md)
.PHONY: setup setup-browser build serve test bench clean

export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
# Release builds of the wasm go through tools/small-std.sh (a size-optimised std, no panic messages).
TRUNK := tools/small-std.sh trunk --skip-version-check

setup:
	@tools/setup.sh

setup-browser:
	@tools/setup.sh --browser

build: setup
	cargo fetch --locked
	$(TRUNK) build --release --offline

serve: setup
	cargo fetch --locked
	$(TRUNK) serve --release --offline

test: setup-browser
	cargo fetch --locked
	@tools/test.sh

bench: setup-browser
	cargo fetch --locked
	$(TRUNK) build --release --offline
	cargo build --release --locked --bin static-page
	node bench/run.mjs

clean:
	rm -rf dist test-output bench/out
