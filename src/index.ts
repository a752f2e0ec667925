import { prestart } from './prestart.js';

prestart(process.argv.slice(2), process.env);
// Loaded after prestart() so that its threads boot while the rest of the code loads.
void import('./main.js').then(({ run }) => run());
