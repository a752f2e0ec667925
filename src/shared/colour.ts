/**
 * Colour for terminal text, by the conventions other tools follow: NO_COLOR (any value) turns it
 * off, FORCE_COLOR (other than `0`) turns it on, otherwise only a terminal gets it.
 */

/** Whether text printed to a stream should carry colour. */
export function colourWanted(env: NodeJS.ProcessEnv, isTTY: boolean): boolean {
  if (env['NO_COLOR'] !== undefined && env['NO_COLOR'] !== '') return false;
  const force = env['FORCE_COLOR'];
  if (force !== undefined && force !== '') return force !== '0' && force !== 'false';
  return isTTY;
}

/** SGR codes for the few styles cutover uses. */
const STYLES = { bold: '1', dim: '2', red: '31', green: '32', yellow: '33' } as const;

/** A painter: `paint('red', text)` colours when `enabled`, else returns the text as it is. */
export function painter(enabled: boolean): (style: keyof typeof STYLES, text: string) => string {
  return (style, text) => (enabled ? `\u001b[${STYLES[style]}m${text}\u001b[0m` : text);
}
