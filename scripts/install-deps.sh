#!/usr/bin/env bash
# Installs what cutover's tests (default) or its rehearsal (--rehearsal) need on a Debian machine: the
# Debian packages, with apt-get as root or through sudo otherwise, and for the tests the npm
# dependencies and the Go tools (scripts/install-go-tools.sh: built from the Go module proxy into .tools/).
# Safe to run again: it installs only what is missing.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ "${1:-}" = --rehearsal ]; then
  # The rehearsal runs the committed bundles (dist/): registries, a Docker engine and git, nothing from npm.
  packages=(docker-registry docker.io git ca-certificates)
  tools=(docker-registry dockerd git)
  npm_too=false
else
  packages=(docker-registry docker.io skopeo golang-go mockgen go-bindata apache2-utils git ripgrep ca-certificates openssl runc curl jq)
  tools=(docker-registry dockerd skopeo go mockgen go-bindata htpasswd git rg openssl runc curl jq)
  npm_too=true
fi

command -v node >/dev/null 2>&1 || {
  echo "error: cutover needs Node.js ≥ 20 (https://nodejs.org, or your distribution's nodejs package)" >&2
  exit 2
}

missing=()
for tool in "${tools[@]}"; do command -v "$tool" >/dev/null 2>&1 || missing+=("$tool"); done
if [ ${#missing[@]} -gt 0 ]; then
  echo "installing Debian packages (missing: ${missing[*]})"
  # Root (a container's shell has no sudo) runs apt-get itself; anyone else goes through sudo.
  if [ "$(id -u)" -eq 0 ]; then
    as_root=()
  elif command -v sudo >/dev/null 2>&1; then
    as_root=(sudo)
  else
    echo "error: installing Debian packages needs root, and sudo is not installed: as root, run apt-get update && apt-get install -y ${packages[*]}" >&2
    exit 2
  fi
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  "${as_root[@]}" env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${packages[@]}" >/dev/null
fi

if $npm_too && { [ ! -d node_modules ] || [ package-lock.json -nt node_modules/.package-lock.json ]; }; then
  # npm ci is not used: the registry mirror serves only linux builds of optional platform packages,
  # which npm ci insists on; npm install honours the lock file and skips them.
  npm install --no-audit --no-fund
fi

# The Go tools the tests use as peers and witnesses (crane, regctl, oras, BuildKit, actionlint …).
if $npm_too; then bash scripts/install-go-tools.sh; fi
