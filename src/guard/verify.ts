import type { SecretRegistry } from '../shared/secrets.js';
import type { Manifest } from '../manifest/model.js';
import { mapRepository } from '../manifest/paths.js';
import { RegistryClient } from '../oci/client.js';
import type { Finding } from './finding.js';

/**
 * Looks up each finding's replacement in the new registry (HEAD on the manifest, by digest when the
 * reference pins one, else by tag, else `latest`) and returns the findings whose replacement is not
 * there, each with the reason. The registry is only read.
 */
export async function verifyInNewRegistry(
  manifest: Manifest,
  findings: readonly Finding[],
  env: NodeJS.ProcessEnv,
  secrets: SecretRegistry,
): Promise<Map<Finding, string>> {
  const client = await RegistryClient.forRegistry(manifest.registries.new, env, { readOnly: true, secrets });
  const lookups = new Map<string, Promise<string | undefined>>();
  const missing = new Map<Finding, string>();
  await Promise.all(
    findings.map(async (finding) => {
      if (finding.partial) {
        missing.set(finding, 'the tag comes from a variable with no value here, so it cannot be checked');
        return;
      }
      const repository = mapRepository(finding.image.repository, manifest.paths);
      const reference = finding.image.digest ?? finding.image.tag ?? 'latest';
      const key = `${repository}\n${reference}`;
      let lookup = lookups.get(key);
      if (!lookup) {
        lookup = client.headManifest(repository, reference).then(
          (head) =>
            head
              ? undefined
              : `${client.host}/${repository}${reference.includes(':') ? '@' : ':'}${reference} is not in the new registry (copy it first: cutover copy-tags)`,
          (error: Error) => `cannot check the new registry: ${error.message}`,
        );
        lookups.set(key, lookup);
      }
      const reason = await lookup;
      if (reason !== undefined) missing.set(finding, reason);
    }),
  );
  return missing;
}
