#!/usr/bin/env bash
# The main job on the shipped example: installs what the rehearsal needs (as root) and rehearses a
# whole migration on this machine with two local registries and a private Docker engine.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh
npm run demo
