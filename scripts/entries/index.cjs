#!/usr/bin/env node
// The CLI's entry point (`cutover`): flags on the command line, results on stdout/stderr.
require('./cutover.js')
  .runCli()
  .then((code) => (process.exitCode = code));
