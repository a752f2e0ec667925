#!/usr/bin/env bash
# Installs what cutover's tests and rehearsal need on a Debian machine: the Debian packages (as root)
# the npm dependencies and the Go tools (scripts/install-go-tools.sh: built from the Go module proxy into
# .tools/). Safe to run again: it installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(docker-registry docker.io skopeo golang-go mockgen go-bindata apache2-utils git ripgrep ca-certificates openssl runc)
tools=(docker-registry dockerd skopeo go mockgen go-bindata htpasswd git rg openssl runc)
missing=()
for tool in "${tools[@]}"; do command -v "$tool" >/dev/null 2>&1 || missing+=("$tool"); done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing Debian packages (missing: ${missing[*]})"
  if [ "$(id -u)" -ne 0 ]; then
    echo "error: installing Debian packages needs root: sudo apt-get update && sudo apt-get install -y ${packages[*]}" >&2
    exit 2
  fi
  export DEBIAN_FRONTEND=noninteractive
  apt-get update -qq
  apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
fi

if [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  # npm ci is not used: the registry mirror serves only linux builds of optional platform packages,
  # which npm ci insists on; npm install honours the lock file and skips them.
  npm install --no-audit --no-fund
fi

bash scripts/install-go-tools.sh
