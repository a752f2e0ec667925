// The action's entry point (action.yml and every actions/<command>/action.yml): options from inputs.
// Stacks of internal errors name src/ files (the bundle's source maps: scripts/source-maps.ts).
process.setSourceMapsEnabled(true);
require('./cutover.js')
  .runAction()
  .then((code) => (process.exitCode = code));
