// ncc's entry: the bundle (dist/cutover.js) exports the two entry points; dist/index.js and dist/action.js call them.
module.exports = require('../lib/src/cli/index.js');
