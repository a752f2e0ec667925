// The action's entry point (action.yml and every actions/<command>/action.yml): options from inputs.
require('./cutover.js')
  .runAction()
  .then((code) => (process.exitCode = code));
