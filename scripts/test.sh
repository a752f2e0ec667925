#!/usr/bin/env bash
# The test command: installs what the tests need (scripts/install-deps.sh: Debian packages with apt-get as
# root or through sudo, npm dependencies) and runs the whole suite against real registries, a real dockerd,
# skopeo and Go generators.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh

# The tests run the committed bundles (dist/index.js, and dist/rehearsal/index.js for the rehearsal),
# exactly what users run; lib/ is compiled here for the tests that import compiled code.
[ -f dist/index.js ] && [ -f dist/rehearsal/index.js ] || npm run build
npx tsc -p tsconfig.build.json

results="$(mktemp)"
status=0
NODE_OPTIONS=--experimental-vm-modules npx jest --ci --json --outputFile="$results" "$@" || status=$?
# One closing line that any CI reader understands.
node -e 'const r = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8"));
  console.log(`tests: ${r.numPassedTests} passed, ${r.numFailedTests} failed, ${r.numPendingTests + r.numTodoTests} skipped`);' "$results" || true
rm -f "$results"
exit "$status"
