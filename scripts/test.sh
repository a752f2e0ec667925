#!/usr/bin/env bash
# The test command: installs what the tests need (Debian packages, as root; npm dependencies)
# and runs the whole suite against real registries, a real dockerd, skopeo and Go generators.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(docker-registry docker.io skopeo golang-go mockgen go-bindata apache2-utils git ripgrep ca-certificates openssl)
tools=(docker-registry dockerd skopeo go mockgen go-bindata htpasswd git rg openssl)
missing=()
for tool in "${tools[@]}"; do command -v "$tool" >/dev/null 2>&1 || missing+=("$tool"); done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing test tools (missing: ${missing[*]})"
  if [ "$(id -u)" -ne 0 ]; then
    echo "error: installing Debian packages needs root: sudo apt-get update && sudo apt-get install -y ${packages[*]}" >&2
    exit 2
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  npm ci --no-audit --no-fund
fi

# The tests run the committed bundle (dist/index.js), exactly what users run.
[ -f dist/index.js ] || npm run build

NODE_OPTIONS=--experimental-vm-modules npx jest --ci "$@"
