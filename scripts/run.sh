#!/usr/bin/env bash
# Sets up what is missing, then builds and serves the app.
#   scripts/run.sh            serves on http://127.0.0.1:8080
#   PORT=9000 scripts/run.sh  another port
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$ROOT"
setup_build
PORT="${PORT:-8080}"
step "building the release and serving it at http://127.0.0.1:$PORT/"
exec trunk serve --release --no-autoreload --address 127.0.0.1 --port "$PORT"
