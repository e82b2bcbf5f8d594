#!/usr/bin/env bash
# The simulator's speed natively and in the browser, side by side: the same
# distribution runs (client-server at N = 1,000, peer-to-peer at N = 100
# and 1,000), both from the release profile, the fastest of five runs each.
# Prints events per second and how many times slower the Wasm is.
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
const read = (text) => new Map(text.trim().split("\n").map((l) => l.split(" ")).map(([, arch, n, events, ms, rate]) => [`${arch} ${n}`, { events: +events, ms: +ms, rate: +rate }]));
const native = read(process.env.NATIVE), wasm = read(process.env.WASM);
console.log("case                  events   native ms   wasm ms   native events/s   wasm events/s   wasm/native");
for (const [key, n] of native) {
  const w = wasm.get(key);
  if (!w) throw new Error(`no Wasm figure for ${key}`);
  if (w.events !== n.events) throw new Error(`${key}: ${w.events} events in Wasm, ${n.events} natively`);
  console.log(`${key.padEnd(18)} ${String(n.events).padStart(9)} ${n.ms.toFixed(1).padStart(11)} ${w.ms.toFixed(1).padStart(9)} ${n.rate.toFixed(0).padStart(17)} ${w.rate.toFixed(0).padStart(15)} ${(w.ms / n.ms).toFixed(2).padStart(12)}`);
}'
