#!/usr/bin/env bash
# Bundles the compiled code into dist/cutover.js (CommonJS: ncc's ESM output crashes on ssh2's __dirname),
# next to the two tiny entry points: dist/index.js (the CLI) and dist/action.js (the actions).
set -euo pipefail
cd "$(dirname "$0")/.."
rm -rf dist
# ssh2 (dockerode's SSH transport, which we do not use) has optional native addons that npm may or may
# not have compiled; ncc copies whatever it finds. Remove them so the committed bundle is the same on
# every machine; ssh2 falls back to its pure-JavaScript code.
rm -rf node_modules/cpu-features/build node_modules/ssh2/lib/protocol/crypto/build
# tsc's maps (lib/**/*.js.map) are kept for scripts/source-maps.ts, but not the comments naming them:
# the bundle names one map per file, its own.
find lib/src -name '*.js' -exec sed -i '/^\/\/# sourceMappingURL=/d' {} +
npx ncc build src/entry.cjs -o dist --license licenses.txt --minify --quiet --source-map --no-source-map-register
mv dist/index.cjs dist/cutover.js
# ncc's maps point into lib/; joined with tsc's, stacks name src/ (the entry points enable source maps).
node lib/scripts/source-maps.js dist
cp scripts/entries/index.cjs dist/index.js
cp scripts/entries/action.cjs dist/action.js
chmod +x dist/index.js
# The package is "type": "module"; this file makes Node read the bundle as CommonJS.
printf '{ "type": "commonjs" }\n' > dist/package.json
# The rehearsal (scripts/demo.ts with the test harness it starts servers with), runnable from a fresh
# clone without npm install: scripts/demo.sh runs it. ESM, with its own package.json saying so.
npx ncc build lib/scripts/demo.js -o dist/rehearsal --minify --quiet
npx prettier --log-level warn --write action.yml actions/
