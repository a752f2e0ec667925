#!/usr/bin/env node
// The CLI's entry point (`cutover`): flags on the command line, results on stdout/stderr.
// Stacks of internal errors name src/ files (the bundle's source maps: scripts/source-maps.ts).
process.setSourceMapsEnabled(true);
require('./cutover.js')
  .runCli()
  .then((code) => (process.exitCode = code));
