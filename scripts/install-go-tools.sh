#!/usr/bin/env bash
# Builds the Go tools the tests and benches use as peers and witnesses, from the Go module proxy only
# (no release binaries): pinned versions, built once into .tools/bin and cached there (.tools is
# git-ignored; its module and build caches live under it so CI can cache the one directory).
#
# Usage: scripts/install-go-tools.sh [NAME...]   (no name: all of them)
# A tool already built at its pinned version is skipped. A tool that fails to build is named with the
# module and go's own error, the rest are still built, and the script exits 1 at the end.
set -uo pipefail
cd "$(dirname "$0")/.."
root="$PWD/.tools"
export GOBIN="$root/bin" GOMODCACHE="$root/go/mod" GOCACHE="$root/go/cache" GOFLAGS="-trimpath"
# Static binaries; a go older than a module asks for fetches the toolchain it needs from the module
# proxy (GOTOOLCHAIN=auto, the default), into the same cache.
export CGO_ENABLED=0
mkdir -p "$GOBIN" "$root/log"

if ! command -v go >/dev/null 2>&1; then
  echo "error: go is not installed: sudo apt-get install -y golang-go (any go since 1.21 fetches the newer toolchain the modules ask for from the module proxy)" >&2
  exit 2
fi

# name  package@version  (one line each; the version is the module's, pinned here).
# "module MODULE@VERSION PACKAGE": a module whose go.mod has replace/exclude directives, which
# `go install pkg@version` refuses; its source is fetched from the proxy and built as the main module.
# "./DIR": a harness program in this repository, its own module.
tools=(
  "crane github.com/google/go-containerregistry/cmd/crane@v0.22.1"
  "regctl github.com/regclient/regclient/cmd/regctl@v0.11.7"
  "regsync github.com/regclient/regclient/cmd/regsync@v0.11.7"
  "oras oras.land/oras/cmd/oras@v1.3.6"
  "actionlint github.com/rhysd/actionlint/cmd/actionlint@v1.7.12"
  "buildctl module github.com/moby/buildkit@v0.34.2 ./cmd/buildctl"
  "buildkitd module github.com/moby/buildkit@v0.34.2 ./cmd/buildkitd"
  "referrers-registry ./test/harness/referrers-registry"
  "sbom-scanner ./test/harness/sbom-scanner"
)

wanted=("$@")
failed=()
for line in "${tools[@]}"; do
  read -r name target module package <<<"$line"
  if [ ${#wanted[@]} -gt 0 ] && [[ ! " ${wanted[*]} " == *" $name "* ]]; then continue; fi
  stamp="$GOBIN/.$name.built"
  if [[ "$target" == ./* ]]; then
    # A harness program in this repository: rebuilt when its sources change.
    version="$(cat "$target"/go.mod "$target"/go.sum "$target"/*.go | sha256sum | cut -c1-16)"
  elif [ "$target" = module ]; then
    version="${module##*@}"
    target="$module/${package#./}"
  else
    version="${target##*@}"
  fi
  if [ -x "$GOBIN/$name" ] && [ "$(cat "$stamp" 2>/dev/null)" = "$version" ]; then continue; fi
  started=$SECONDS
  echo "building $name ($target)"
  if [[ "$target" == ./* ]]; then
    (cd "$target" && go build -ldflags="-s -w" -o "$GOBIN/$name" .) >"$root/log/$name.log" 2>&1
  elif [ -n "$module" ]; then
    (
      set -e
      dir="$(cd "$root" && go mod download -json "$module" | sed -n 's/^\t"Dir": "\(.*\)",$/\1/p')"
      cd "$dir"
      go build -mod=readonly -ldflags="-s -w -X ${module%@*}/version.Version=$version" -o "$GOBIN/$name" "$package"
    ) >"$root/log/$name.log" 2>&1
  else
    go install -ldflags="-s -w" "$target" >"$root/log/$name.log" 2>&1
  fi
  status=$?
  if [ $status -ne 0 ] || [ ! -x "$GOBIN/$name" ]; then
    echo "error: $name could not be built from ${target%@*} (${version}); go said:" >&2
    tail -n 20 "$root/log/$name.log" | sed 's/^/  /' >&2
    failed+=("$name")
    continue
  fi
  echo "$version" >"$stamp"
  echo "built $name in $((SECONDS - started)) s"
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "error: not built: ${failed[*]} (logs in .tools/log/); run scripts/install-go-tools.sh ${failed[*]} to retry" >&2
  exit 1
fi
