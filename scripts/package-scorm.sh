#!/usr/bin/env bash
# Sets up what is missing, builds the release, and packs it as a SCORM 1.2
# package for an LMS (Moodle, Canvas, Blackboard):
#   scripts/package-scorm.sh                  writes hub-and-mesh-scorm.zip
#   scripts/package-scorm.sh other-name.zip   another file name
set -euo pipefail
source "$(dirname "${BASH_SOURCE[0]}")/setup.sh"
cd "$ROOT"
setup_build
step "building the release"
trunk build --release
step "packing dist/ as a SCORM 1.2 package"
node scripts/scorm-package.mjs dist "${1:-hub-and-mesh-scorm.zip}"
