#!/usr/bin/env bash
# The simulator's speed natively and in the browser, side by side: the same
# distribution runs (client-server at N = 1,000, peer-to-peer at N = 100
# and 1,000), both from the release profile: each case's first run (in the
# browser, partly in its quick unoptimised tier) and, once every case has
# run, the fastest of nine rounds. Prints events per second and how many times
# slower the Wasm is.
#   scripts/wasm-speed.sh
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$ROOT"
setup_test

step "native: cargo run --release --bin simulate -- bench"
native="$(cargo run --quiet --release --bin simulate -- bench | grep -E '^speed [a-z-]+ [0-9]+ ')"
step "Wasm in headless Chromium: cargo test --release --target wasm32-unknown-unknown --test wasm_speed"
wasm="$(CHROMEDRIVER="$(command -v chromedriver)" \
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner \
  cargo test --release --target wasm32-unknown-unknown --test wasm_speed -- --nocapture 2>&1 | grep -E '^speed [a-z-]+ [0-9]+ ')"

NATIVE="$native" WASM="$wasm" node --input-type=module -e '
const read = (text) => new Map(text.trim().split("\n").map((l) => l.split(" ")).map(([, arch, n, events, first, best, rate]) => [`${arch} ${n}`, { events: +events, first: +first, best: +best, rate: +rate }]));
const native = read(process.env.NATIVE), wasm = read(process.env.WASM);
const ms = (x) => x.toFixed(1).padStart(8);
console.log("                             first run (ms)                 warm, fastest of 9 (ms)");
console.log("case                 events   native    wasm  wasm/native   native    wasm  wasm/native   native events/s  wasm events/s");
for (const [key, n] of native) {
  const w = wasm.get(key);
  if (!w) throw new Error(`no Wasm figure for ${key}`);
  if (w.events !== n.events) throw new Error(`${key}: ${w.events} events in Wasm, ${n.events} natively`);
  console.log(`${key.padEnd(18)} ${String(n.events).padStart(8)} ${ms(n.first)}${ms(w.first)} ${(w.first / n.first).toFixed(2).padStart(12)} ${ms(n.best)}${ms(w.best)} ${(w.best / n.best).toFixed(2).padStart(12)} ${n.rate.toFixed(0).padStart(17)} ${w.rate.toFixed(0).padStart(14)}`);
}'
