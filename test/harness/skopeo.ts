import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { requireTool } from './tools.js';
import type { TestRegistry } from './registry.js';

const run = promisify(execFile);

function credsFor(registry: TestRegistry): string[] {
  return registry.auth ? ['--creds', `${registry.auth.username}:${registry.auth.password}`] : [];
}

/** Independent witness of registry contents, through skopeo. */
export const skopeo = {
  /** The digest of `repository:tag` (sha256 of the raw manifest bytes), or undefined when absent. */
  async digest(registry: TestRegistry, reference: string): Promise<string | undefined> {
    requireTool('skopeo');
    try {
      const { stdout } = await run(
        'skopeo',
        [
          'inspect',
          '--raw',
          '--tls-verify=false',
          ...credsFor(registry),
          `docker://${registry.host}/${reference}`,
        ],
        { encoding: 'buffer', maxBuffer: 16 * 1024 * 1024 },
      );
      return `sha256:${createHash('sha256').update(stdout).digest('hex')}`;
    } catch (error) {
      if (/manifest unknown|not found|name unknown/i.test(String((error as { stderr?: Buffer }).stderr)))
        return undefined;
      throw error;
    }
  },

  /** The raw manifest of `repository:tag` as parsed JSON. */
  async manifest(registry: TestRegistry, reference: string): Promise<Record<string, unknown>> {
    requireTool('skopeo');
    const { stdout } = await run('skopeo', [
      'inspect',
      '--raw',
      '--tls-verify=false',
      ...credsFor(registry),
      `docker://${registry.host}/${reference}`,
    ]);
    return JSON.parse(stdout) as Record<string, unknown>;
  },

  /** The tags of a repository ([] when it does not exist). */
  async tags(registry: TestRegistry, repository: string): Promise<string[]> {
    requireTool('skopeo');
    try {
      const { stdout } = await run('skopeo', [
        'list-tags',
        '--tls-verify=false',
        ...credsFor(registry),
        `docker://${registry.host}/${repository}`,
      ]);
      return ((JSON.parse(stdout) as { Tags: string[] | null }).Tags ?? []).sort();
    } catch (error) {
      if (
        /name unknown|not found|repository name not known/i.test(
          String((error as { stderr?: string }).stderr),
        )
      )
        return [];
      throw error;
    }
  },

  /** Copies an OCI layout image into a registry, keeping every digest. */
  async push(layoutDir: string, registry: TestRegistry, reference: string): Promise<void> {
    requireTool('skopeo');
    await run(
      'skopeo',
      [
        'copy',
        '--all',
        '--preserve-digests',
        '--dest-tls-verify=false',
        ...(registry.auth ? ['--dest-creds', `${registry.auth.username}:${registry.auth.password}`] : []),
        `oci:${layoutDir}:${reference.split(':').pop()}`,
        `docker://${registry.host}/${reference}`,
      ],
      { maxBuffer: 16 * 1024 * 1024 },
    );
  },
};
