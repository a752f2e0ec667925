import type { Manifest } from '../manifest/model.js';
import type { Finding } from './finding.js';

/** Whether each finding's replacement exists in the new registry: a reason when it does not. */
export async function verifyInNewRegistry(
  _manifest: Manifest,
  _findings: readonly Finding[],
  _env: NodeJS.ProcessEnv,
): Promise<Map<Finding, string>> {
  throw new Error('--verify needs the registry client (copy-tags branch), not merged yet');
}
