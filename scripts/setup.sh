#!/usr/bin/env bash
# Installs what building and testing need, and skips what is already there.
# Sourced by run.sh and test.sh; each step says what it does.
#   setup_build  the wasm target, Trunk, wasm-bindgen-cli, npm tools (wasm-opt)
#   setup_test   the above plus Debian's chromium and chromium-driver, and
#                the other engines: firefox-esr with geckodriver, WebKitGTK's
#                driver and MiniBrowser, and xvfb for a display

TRUNK_VERSION="0.21.14"
GECKODRIVER_VERSION="0.37.0"
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"

step() { printf '==> %s\n' "$*"; }

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}

ensure_wasm_target() {
  if rustup target list --installed | grep -qx wasm32-unknown-unknown; then
    step "wasm32-unknown-unknown target: present"
  else
    step "installing the wasm32-unknown-unknown target"
    rustup target add wasm32-unknown-unknown
  fi
}

ensure_clippy() {
  if cargo clippy --version >/dev/null 2>&1; then
    step "clippy: present"
  else
    step "installing clippy"
    rustup component add clippy
  fi
}

# A tool built from its crate at one version, kept when that version is on
# the PATH: ensure_crate_tool <command> <crate> <version> <how long>.
ensure_crate_tool() {
  local cmd="$1" crate="$2" version="$3" takes="$4" first=""
  # The first line whole, compared as text: `geckodriver 0.37.0 (…)`, `trunk
  # 0.21.14`. Read into a variable, not piped to `grep -q`, which would
  # close the pipe while geckodriver still writes and fail under pipefail.
  if command -v "$cmd" >/dev/null; then
    first="$("$cmd" --version 2>/dev/null || true)"
    first="${first%%$'\n'*}"
  fi
  if [ "$first" = "$cmd $version" ] || [[ $first == "$cmd $version "* ]]; then
    step "$cmd $version: present"
  else
    step "installing $cmd $version ($takes)"
    cargo install "$crate" --version "$version" --locked
  fi
}

ensure_trunk() {
  ensure_crate_tool trunk trunk "$TRUNK_VERSION" "several minutes on 2 cores"
}

# wasm-bindgen-cli must equal the wasm-bindgen that Cargo.lock resolved, byte
# for byte, or the generated JS glue does not match the Wasm.
wasm_bindgen_version() {
  awk '/^name = "wasm-bindgen"$/ { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock"
}

ensure_wasm_bindgen() {
  local want
  want="$(wasm_bindgen_version)"
  if [ -z "$want" ]; then
    echo "error: cannot read wasm-bindgen's version from Cargo.lock" >&2
    return 1
  fi
  if command -v wasm-bindgen >/dev/null && wasm-bindgen --version | grep -q " $want" \
     && command -v wasm-bindgen-test-runner >/dev/null; then
    step "wasm-bindgen-cli $want: present"
  else
    # Not --locked: the CLI's own lock file pins a crate version the
    # registry no longer serves.
    step "installing wasm-bindgen-cli $want (a few minutes)"
    cargo install wasm-bindgen-cli --version "$want" --force
  fi
}

ensure_npm_tools() {
  if [ -x "$ROOT/node_modules/.bin/wasm-opt" ] && [ -x "$ROOT/node_modules/.bin/playwright-core" ] \
     && [ -f "$ROOT/node_modules/axe-core/axe.min.js" ] && [ -x "$ROOT/node_modules/.bin/terser" ] \
     && [ -f "$ROOT/node_modules/fflate/package.json" ] && [ -x "$ROOT/node_modules/.bin/lighthouse" ] \
     && [ -f "$ROOT/node_modules/scorm-again/dist/scorm12.js" ] \
     && [ "$ROOT/node_modules/.package-lock.json" -nt "$ROOT/package-lock.json" ]; then
    step "npm tools (binaryen's wasm-opt, terser, fflate, playwright-core, axe-core, lighthouse, scorm-again): present"
  else
    step "installing npm tools from package-lock.json (binaryen's wasm-opt, terser, fflate, playwright-core, axe-core, lighthouse, scorm-again)"
    (cd "$ROOT" && npm ci --no-audit --no-fund)
  fi
}

ensure_chromium() {
  if command -v chromium >/dev/null && command -v chromedriver >/dev/null; then
    step "chromium and chromedriver: present"
  else
    step "installing Debian's chromium and chromium-driver"
    as_root apt-get update -q
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q chromium chromium-driver
  fi
}

ensure_other_engines() {
  local missing=()
  command -v firefox-esr >/dev/null || missing+=(firefox-esr)
  command -v WebKitWebDriver >/dev/null || missing+=(webkit2gtk-driver)
  command -v xvfb-run >/dev/null || missing+=(xvfb)
  if [ ${#missing[@]} -eq 0 ]; then
    step "firefox-esr, webkit2gtk-driver and xvfb: present"
  else
    step "installing Debian's ${missing[*]}"
    as_root apt-get update -q
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
  fi
  ensure_crate_tool geckodriver geckodriver "$GECKODRIVER_VERSION" "a few minutes on 2 cores"
}

setup_build() {
  ensure_wasm_target
  ensure_trunk
  ensure_wasm_bindgen
  ensure_npm_tools
}

setup_test() {
  setup_build
  ensure_clippy
  ensure_chromium
  ensure_other_engines
}
