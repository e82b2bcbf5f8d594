#!/usr/bin/env bash
# Sets up what is missing, then runs every test layer in turn:
#   1. native cargo test (simulation, lessons, progress, command line), and
#      clippy with every warning an error
#   2. wasm-bindgen-test in headless Chromium and Firefox (components)
#   3. end to end: the release build served on 127.0.0.1, driven in Chromium,
#      with an axe-core accessibility scan of every route
#   4. a smoke test in Firefox ESR and WebKit (W3C WebDriver)
#   5. the bundle report (fails over the size budget)
#   6. the Lighthouse report: figures printed, never a pass/fail timer
# Stops at the first layer that fails.
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$ROOT"
setup_test

passed=0
layer() { printf '\n==> layer %s\n' "$*"; }

layer "1/6: native tests (cargo test), no clippy warning, and no unwrap, expect or panic outside tests"
cargo test --quiet
# A panic in the browser kills the app: code that ships may not panic by
# hand. Checked for the native library and for the Wasm build with the UI,
# with every other clippy warning an error too.
NO_PANICS=(-D warnings -D clippy::unwrap_used -D clippy::expect_used -D clippy::panic)
cargo clippy --quiet --lib -- "${NO_PANICS[@]}"
cargo clippy --quiet --target wasm32-unknown-unknown --lib --bin hub-and-mesh -- "${NO_PANICS[@]}"
passed=$((passed + 1))

layer "2/6: components in headless Chromium and Firefox (wasm-bindgen-test)"
for driver in CHROMEDRIVER=chromedriver GECKODRIVER=geckodriver; do
  env "${driver%%=*}=$(command -v "${driver#*=}")" \
    CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
    cargo test --target wasm32-unknown-unknown --test web_app
done
passed=$((passed + 1))

layer "3/6: end to end in headless Chromium (release build, axe-core, offline)"
trunk build --release
node --test --test-concurrency=1 tests/e2e/
passed=$((passed + 1))

layer "4/6: smoke test in Firefox ESR and WebKit (WebDriver)"
node --test --test-concurrency=1 tests/engines/
passed=$((passed + 1))

layer "5/6: bundle report"
node scripts/bundle-report.mjs dist
passed=$((passed + 1))

layer "6/6: Lighthouse report (mobile defaults, Debian's Chromium)"
node scripts/lighthouse-report.mjs dist
passed=$((passed + 1))

printf '\nlayers: %d passed, 0 failed\n' "$passed"
