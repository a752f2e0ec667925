#!/usr/bin/env bash
# The rehearsal of a whole migration on this machine (two local registries, a private Docker engine):
# installs the Debian packages it needs when they are missing (as root, or through sudo), then runs the
# committed bundle dist/rehearsal/index.js — no npm install. CUTOVER_BUNDLE rehearses another build.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh --rehearsal
exec node dist/rehearsal/index.js
