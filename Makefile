# upcoming-meetings. The two commands a new machine needs:
#   make serve   install what is missing, build, serve the app on http://127.0.0.1:8080/
#   make test    the same set-up plus Chromium, then every test suite and a summary line
.PHONY: setup setup-browser build serve test clean

export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
TRUNK := trunk --skip-version-check

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

clean:
	rm -rf dist test-output
