import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { requireTool } from './tools.js';

const run = promisify(execFile);

/** A registry as the peers reach it: `127.0.0.1:PORT` (plain HTTP, loopback). */
type Host = { host: string };

// The peers read (and regctl writes) a config under HOME; each run gets an empty one of its own.
const home = mkdtempSync(path.join(os.tmpdir(), 'cutover-peers-home-'));

async function call(tool: string, args: string[], what: string): Promise<string> {
  const binary = requireTool(tool);
  try {
    const { stdout } = await run(binary, args, {
      env: { PATH: process.env['PATH'], HOME: home },
      maxBuffer: 64 * 1024 * 1024,
    });
    return stdout;
  } catch (error) {
    const failure = error as Error & { stderr?: string };
    throw new Error(`${what}: ${tool} ${args.join(' ')} failed: ${failure.stderr || failure.message}`, {
      cause: error,
    });
  }
}

/** go-containerregistry's crane, as an independent witness. */
export const crane = {
  /** The digest `host/reference` resolves to (an index's own, not a platform's). */
  async digest(registry: Host, reference: string): Promise<string> {
    const out = await call(
      'crane',
      ['digest', '--insecure', `${registry.host}/${reference}`],
      'crane digest',
    );
    return out.trim();
  },
  /** The raw manifest of `host/reference`, parsed. */
  async manifest(registry: Host, reference: string): Promise<Record<string, unknown>> {
    const out = await call(
      'crane',
      ['manifest', '--insecure', `${registry.host}/${reference}`],
      'crane manifest',
    );
    return JSON.parse(out) as Record<string, unknown>;
  },
  /** The tags of `host/repository`. */
  async tags(registry: Host, repository: string): Promise<string[]> {
    const out = await call('crane', ['ls', '--insecure', `${registry.host}/${repository}`], 'crane ls');
    return out.split('\n').filter(Boolean);
  },
};

/** regclient's regctl, as an independent witness (plain HTTP named per host, no config written). */
export const regctl = {
  /** The digest of `host/reference`. */
  async digest(registry: Host, reference: string): Promise<string> {
    const out = await call(
      'regctl',
      ['--host', `reg=${registry.host},tls=disabled`, 'image', 'digest', `${registry.host}/${reference}`],
      'regctl image digest',
    );
    return out.trim();
  },
  /** The referrers regctl finds for `host/reference` (API or tag schema, as it detects). */
  async referrers(registry: Host, reference: string): Promise<{ digest: string; artifactType?: string }[]> {
    const out = await call(
      'regctl',
      [
        '--host',
        `reg=${registry.host},tls=disabled`,
        'artifact',
        'list',
        '--format',
        'body',
        `${registry.host}/${reference}`,
      ],
      'regctl artifact list',
    );
    return (JSON.parse(out) as { manifests?: { digest: string; artifactType?: string }[] }).manifests ?? [];
  },
};

/** ORAS: attaches artifacts (OCI 1.1 referrers) and discovers them. */
export const oras = {
  /**
   * Attaches a file as an artifact of `artifactType` to `host/reference` (a manifest with `subject`);
   * on a registry without the referrers API ORAS maintains the `sha256-<hex>` fallback tag itself.
   * Returns the artifact manifest's digest.
   */
  async attach(
    registry: Host,
    reference: string,
    artifactType: string,
    file: { name: string; content: string; mediaType: string },
  ): Promise<string> {
    const dir = mkdtempSync(path.join(home, 'attach-'));
    writeFileSync(path.join(dir, file.name), file.content);
    const binary = requireTool('oras');
    try {
      const { stdout } = await run(
        binary,
        [
          'attach',
          '--plain-http',
          '--disable-path-validation',
          '--artifact-type',
          artifactType,
          '--format',
          'json',
          `${registry.host}/${reference}`,
          `${file.name}:${file.mediaType}`,
        ],
        { cwd: dir, env: { PATH: process.env['PATH'], HOME: home } },
      );
      return (JSON.parse(stdout) as { digest: string }).digest;
    } catch (error) {
      const failure = error as Error & { stderr?: string };
      throw new Error(
        `oras attach to ${registry.host}/${reference} failed: ${failure.stderr || failure.message}`,
        {
          cause: error,
        },
      );
    }
  },
  /**
   * Pushes cosign's legacy signature to `host/repository:sha256-<hex>.sig` (an image manifest whose
   * layer is the simple-signing payload, the signature in its annotation), as `cosign sign` does on a
   * registry it treats with the tag schema. Returns the signature manifest's digest.
   */
  async pushCosignSignature(registry: Host, repository: string, subject: string): Promise<string> {
    const dir = mkdtempSync(path.join(home, 'sig-'));
    const payload = JSON.stringify({
      critical: {
        identity: { 'docker-reference': `${registry.host}/${repository}` },
        image: { 'docker-manifest-digest': subject },
        type: 'cosign container image signature',
      },
      optional: null,
    });
    writeFileSync(path.join(dir, 'payload.json'), payload);
    writeFileSync(path.join(dir, 'config.json'), '{}');
    writeFileSync(
      path.join(dir, 'annotations.json'),
      JSON.stringify({
        'payload.json': {
          'dev.cosignproject.cosign/signature':
            'MEUCIQDx2x8fQvK0nXwzHk6uZ7wq2c4cJx0w4Uo6l8q9pQeL1wIgW3lS3Z1iBv0nH6Xl7w2T0l1r9S7o3p2k6y5c8m4n0aA=',
        },
      }),
    );
    const tag = `sha256-${subject.slice('sha256:'.length)}.sig`;
    const binary = requireTool('oras');
    try {
      const { stdout } = await run(
        binary,
        [
          'push',
          '--plain-http',
          '--disable-path-validation',
          '--config',
          'config.json:application/vnd.oci.image.config.v1+json',
          '--annotation-file',
          'annotations.json',
          '--format',
          'json',
          `${registry.host}/${repository}:${tag}`,
          'payload.json:application/vnd.dev.cosign.simplesigning.v1+json',
        ],
        { cwd: dir, env: { PATH: process.env['PATH'], HOME: home } },
      );
      return (JSON.parse(stdout) as { digest: string }).digest;
    } catch (error) {
      const failure = error as Error & { stderr?: string };
      throw new Error(`oras push of ${repository}:${tag} failed: ${failure.stderr || failure.message}`, {
        cause: error,
      });
    }
  },
  /** The referrers ORAS discovers for `host/reference`, one level deep. */
  async discover(registry: Host, reference: string): Promise<{ digest: string; artifactType: string }[]> {
    const out = await call(
      'oras',
      ['discover', '--plain-http', '--format', 'json', '--depth', '1', `${registry.host}/${reference}`],
      'oras discover',
    );
    const parsed = JSON.parse(out) as {
      referrers?: { digest: string; artifactType: string }[];
      manifests?: { digest: string; artifactType: string }[];
    };
    return parsed.referrers ?? parsed.manifests ?? [];
  },
};
