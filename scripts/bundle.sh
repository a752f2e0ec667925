#!/usr/bin/env bash
# Bundles the compiled code into dist/index.js (CommonJS: ncc's ESM output crashes on ssh2's __dirname).
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf dist
npx ncc build src/entry.cjs -o dist --license licenses.txt --quiet
mv dist/index.cjs dist/index.js
# The package is "type": "module"; this file makes Node read the bundle as CommonJS.
printf '{ "type": "commonjs" }\n' > dist/package.json
npx prettier --log-level warn --write action.yml actions/
