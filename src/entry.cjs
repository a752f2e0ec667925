require('../lib/src/cli/index.js');
