/** What the bundle (dist/cutover.js) exports: the two entry points, called by dist/index.js and dist/action.js. */
export { runAction, runCli } from './main.js';
