# The two commands of the README: `make serve` and `make test`. Both install what is missing.
SHELL := /bin/bash
.DEFAULT_GOAL := help
export PATH := $(CURDIR)/tools/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
WASM := --target wasm32-unknown-unknown

.PHONY: help setup build serve test lint test-native test-interop test-e2e sizes screenshot bench fuzz clean

help:
	@echo "make serve  - build the app and serve it at http://127.0.0.1:8080/"
	@echo "make test   - every test: format, lints, native domain tests, browser tests"

setup:
	@scripts/setup.sh

# Two pages, two wasm modules: the cell's (index.html) and the district's (district.html), so a
# secretary never downloads the district's code. Trunk builds one page at a time; the others are
# built aside (trunk names its page index.html) and merged into dist/ (the files both name,
# such as public/, are the same).
# The district import's Web Workers load a third module, the verifier, built for speed (profile
# "verify") and named by verify.html, which is built the same way.
build: setup
	trunk build --release
	trunk build --release=true --dist target/dist-district district.html
	mv target/dist-district/index.html target/dist-district/district.html
	cp -R target/dist-district/. dist/
	trunk build --release=true --dist target/dist-verify verify.html
	mv target/dist-verify/index.html target/dist-verify/verify.html
	cp -R target/dist-verify/. dist/
	node scripts/precompress.mjs dist

# Static files only (tests/e2e/serve.mjs): no auto-reload script, which would be inline and
# refused by the CSP (scripts/csp.py allows only trunk's loader).
serve: build
	@echo "Ứng dụng: http://127.0.0.1:8080/  (Ctrl+C để dừng)"
	node tests/e2e/serve.mjs dist 8080

lint: setup
	cargo fmt --all --check
	cargo clippy --all-targets -- -D warnings
	cargo clippy $(WASM) --lib --bins -- -D warnings

test-native: setup
	cargo test

test-e2e: build
	cargo build --bin chibo
	cd tests/e2e && CHIBO_BIN=$(CURDIR)/target/debug/chibo npx playwright test

# Our exports verify with an independent implementation (Python cryptography + rfc8785).
test-interop: setup
	tests/interop/run.sh

test: lint test-native test-interop test-e2e
	@scripts/sizes.sh

sizes:
	@scripts/sizes.sh

# Measurements (not tests): district import of 5,000 results in Chromium and with the CLI; first-load
# size and time to interactive against a SurveyJS peer (bench/peer, npm ci only when its lock changed).
bench: build
	@if [ ! -f bench/peer/node_modules/.package-lock.json ] || [ bench/peer/package-lock.json -nt bench/peer/node_modules/.package-lock.json ]; then \
	  cd bench/peer && npm ci --no-audit --no-fund; fi
	scripts/bench.sh

# Mutation fuzzing of the verifier, the JSON readers, the ZIP reader, the rubric parser and the
# drafts backup reader for FUZZ_SECONDS each
# (tests/fuzz.rs; `make test` runs a short version). A panicking input lands in target/fuzz-crashes/.
FUZZ_SECONDS ?= 120
fuzz: setup
	FUZZ_SECONDS=$(FUZZ_SECONDS) cargo test --release --test fuzz -- --nocapture --test-threads=1

# Refreshes the README's screenshots from a real browser session.
screenshot: build
	cargo build --bin chibo
	mkdir -p docs/img && cd tests/e2e && SCREENSHOT_DIR=$(CURDIR)/docs/img CHIBO_BIN=$(CURDIR)/target/debug/chibo npx playwright test specs/quarter.spec.mjs specs/district.spec.mjs -g "fills a full quarter|imports a registry"

clean:
	cargo clean
	rm -rf dist
