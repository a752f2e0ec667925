import type { Manifest } from '../manifest/model.js';
import { parseRepositoryReference } from '../oci/reference.js';
import { UsageError } from '../shared/errors.js';
import { hostPart, roleOfHost } from '../manifest/hosts.js';
import { planTags, plannedReferences } from '../tags/targets.js';
import type { ReferenceToVerify } from './verify.js';

/**
 * The references to verify: lines naming one of the manifest's registries (what `cutover tags`
 * printed) are taken as they are; other lines (tags, `repository:tag`) are planned for today as
 * `cutover tags` would.
 * @throws UsageError for a line that is neither
 */
export function referencesToVerify(
  manifest: Manifest,
  today: string,
  request: { lines: string[]; repository?: string },
): ReferenceToVerify[] {
  const full: ReferenceToVerify[] = [];
  const others: string[] = [];
  request.lines
    .map((line) => line.trim())
    .filter((line) => line.length > 0)
    .forEach((line, index) => {
      const host = hostPart(line);
      const role = host === undefined ? undefined : roleOfHost(manifest, host);
      if (host === undefined || role === undefined) return others.push(line);
      let parsed;
      try {
        parsed = parseRepositoryReference(line.slice(host.length + 1));
      } catch (error) {
        throw new UsageError(`--tags line ${index + 1} ("${line}"): ${(error as Error).message}`);
      }
      const tag = parsed.digest ?? parsed.tag ?? 'latest';
      full.push({ role, host, repository: parsed.repository, tag, reference: line });
    });
  const planned =
    others.length > 0 || full.length === 0
      ? plannedReferences(
          planTags(manifest, today, {
            lines: others,
            ...(request.repository !== undefined && { repository: request.repository }),
          }),
        )
      : [];
  return [...full, ...planned];
}
