/**
 * cutover's version and the user agent of every registry request it sends. The version comes from
 * package.json through a JSON import: ncc inlines it in the bundle, ts-jest and tsc read the file.
 */
import packageJson from '../../package.json' with { type: 'json' };

/** The package version (`0.1.0`). */
export const CUTOVER_VERSION: string = packageJson.version;

/**
 * The `User-Agent` of cutover's registry requests: `cutover/VERSION`, so a registry's logs tell
 * cutover's own copies and checks from the clients that still pull (`cutover pulls` counts them apart).
 */
export const USER_AGENT = `cutover/${CUTOVER_VERSION}`;
