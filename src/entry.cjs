require('../lib/src/index.js');
