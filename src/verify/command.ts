import { defineCommand } from '../cli/command.js';
import { option } from '../cli/option.js';
import { RegistryClient } from '../oci/client.js';
import type { RegistryRole } from '../manifest/timeline.js';
import { presentVerify } from './present.js';
import { referencesToVerify } from './references.js';
import { verifyReferences } from './verify.js';

/** `cutover verify`: after a push, every reference resolves to one digest in every registry. */
export const verify = defineCommand({
  name: 'verify',
  summary:
    'Check that every reference `cutover tags` produced resolves to the same digest in each registry, index children and attestation manifests included.',
  options: {
    tags: option.list(
      'References to check: `cutover tags`’ tags output (host/repository:tag), or tags and repository:tag names planned for today as `cutover tags` does.',
    ),
    repository: option.string('Repository path in the old registry, for bare tags in --tags.'),
    digest: option.string('The digest every reference must have (build-push-action’s digest output).', {
      pattern: /^sha256:[a-f0-9]{64}$/,
      expected: 'expected a digest sha256:<64 hex>',
    }),
    concurrency: option.int({ min: 1, max: 64, default: 8 }, 'Requests in flight per registry host (1–64).'),
  },
  outputs: [{ name: 'digest', description: 'The digest every reference resolves to (empty on failure).' }],
  async run({ options, manifest: load, today, reporter, env, secrets }) {
    // parse
    const manifest = await load();
    const references = referencesToVerify(manifest, today, {
      lines: options.tags.flatMap((value) => value.split('\n')),
      ...(options.repository !== undefined && { repository: options.repository }),
    });
    const clients = new Map<RegistryRole, RegistryClient>();
    for (const role of new Set(references.map((reference) => reference.role)))
      clients.set(
        role,
        await RegistryClient.forRegistry(manifest.registries[role], env, {
          concurrency: options.concurrency,
          readOnly: true,
          secrets,
          onWaiting: (line) => reporter.info(line),
        }),
      );
    // do
    // The hint names a reference that can be copied from: the new registry's when there is one.
    const from = (references.find((reference) => reference.role === 'new') ?? references[0])?.reference;
    const good = (expected: string | undefined) =>
      `${from?.replace(/:[^:/]+$/, '') ?? '<host/repository>'}@${expected ?? '<digest>'}`;
    const report = await verifyReferences(references, (role) => clients.get(role)!, {
      ...(options.digest !== undefined && { expected: options.digest }),
      concurrency: options.concurrency,
      fix: (expected) =>
        `push again, or copy the right image where it is wrong with \`cutover push --from ${good(expected)} --tag <tag>\``,
    });
    // present
    return presentVerify(report, reporter);
  },
});
