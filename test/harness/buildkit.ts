import { execFile } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { startDaemon, waitFor, type Daemon } from './daemon.js';
import { requireTool } from './tools.js';

const run = promisify(execFile);

/** A standalone BuildKit daemon (rootful, OCI worker with Debian's runc) on a private socket. */
export interface Buildkit {
  /** `unix:///…/buildkitd.sock`, what `buildctl --addr` takes. */
  address: string;
  dir: string;
  daemon: Daemon;
  /** Runs `buildctl --addr ADDRESS …args`; fails with buildctl's output. */
  buildctl(args: string[]): Promise<{ stdout: string; stderr: string }>;
  stop(): Promise<void>;
}

/**
 * Starts buildkitd on a socket in a temporary directory. `registries` (host:port) are the plain-HTTP
 * loopback registries it may pull from (a scanner image); pushes name `registry.insecure=true`.
 */
export async function startBuildkitd(registries: string[] = []): Promise<Buildkit> {
  const buildkitd = requireTool('buildkitd');
  const buildctl = requireTool('buildctl');
  const runc = requireTool('runc');
  const dir = mkdtempSync(path.join(os.tmpdir(), 'cutover-buildkit-'));
  const address = `unix://${path.join(dir, 'buildkitd.sock')}`;
  const config = path.join(dir, 'buildkitd.toml');
  writeFileSync(
    config,
    registries.map((host) => `[registry."${host}"]\n  http = true\n  insecure = true\n`).join('\n'),
  );
  const daemon = startDaemon(
    buildkitd,
    [
      '--root',
      path.join(dir, 'root'),
      '--addr',
      address,
      '--config',
      config,
      '--oci-worker=true',
      '--oci-worker-binary',
      runc,
      // native: no overlay mounts, which a container running the tests may not allow.
      '--oci-worker-snapshotter',
      'native',
      '--containerd-worker=false',
    ],
    path.join(dir, 'buildkitd.log'),
  );
  const call = (args: string[]) =>
    run(buildctl, ['--addr', address, ...args], { maxBuffer: 64 * 1024 * 1024 }).catch(
      (error: Error & { stderr?: string }) => {
        throw new Error(`buildctl ${args.join(' ')} failed: ${error.message}\n${error.stderr ?? ''}`);
      },
    );
  await waitFor(`buildkitd on ${address}`, async () => {
    await run(buildctl, ['--addr', address, 'debug', 'workers']);
    return true;
  }).catch((error: Error) => {
    throw new Error(`${error.message}\n${readFileSync(daemon.logFile, 'utf8').slice(-3000)}`);
  });
  return {
    address,
    dir,
    daemon,
    buildctl: call,
    async stop() {
      await daemon.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** What build-push-action hands Buildx, in the terms buildctl takes. */
export interface BuildOptions {
  /** The build context; its Dockerfile is `Dockerfile` in it unless `dockerfile` names another. */
  context: string;
  dockerfile?: string;
  /** e.g. ['linux/amd64', 'linux/arm64'] */
  platforms: string[];
  /** Every reference to push to (build-push-action's `tags:`), all in one push. */
  tags: string[];
  /** Push (build-push-action's `push: true`); else only build. */
  push: boolean;
  /** Provenance attestation mode (`mode=min` is Buildx's default when pushing), or none. */
  provenance?: 'min' | 'max';
  /** An SBOM attestation made by this scanner image (BuildKit's SBOM protocol), or none. */
  sbomGenerator?: string;
  buildArgs?: Record<string, string>;
}

/**
 * Builds with the Dockerfile frontend and pushes to every tag at once, as `docker buildx build
 * --platform … --tag a --tag b --push --provenance … --sbom …` asks BuildKit to; returns the index
 * digest (build-push-action's `digest` output, from the metadata file).
 */
export async function buildAndPush(buildkit: Buildkit, options: BuildOptions): Promise<string> {
  const metadata = path.join(buildkit.dir, `metadata-${Date.now()}-${Math.random()}.json`);
  const dockerfile = path.dirname(path.resolve(options.context, options.dockerfile ?? 'Dockerfile'));
  // One output, every name in it: Buildx joins --tag values with commas into the exporter's `name`
  // (quoted, the option is CSV).
  const output = [
    'type=image',
    `"name=${options.tags.join(',')}"`,
    `push=${options.push}`,
    'registry.insecure=true',
    'oci-mediatypes=true',
  ].join(',');
  const args = [
    'build',
    '--frontend',
    'dockerfile.v0',
    '--local',
    `context=${options.context}`,
    '--local',
    `dockerfile=${dockerfile}`,
    '--opt',
    `filename=${path.basename(options.dockerfile ?? 'Dockerfile')}`,
    '--opt',
    `platform=${options.platforms.join(',')}`,
    '--output',
    output,
    '--metadata-file',
    metadata,
  ];
  if (options.provenance) args.push('--opt', `attest:provenance=mode=${options.provenance}`);
  if (options.sbomGenerator) args.push('--opt', `attest:sbom=generator=${options.sbomGenerator}`);
  for (const [name, value] of Object.entries(options.buildArgs ?? {}))
    args.push('--opt', `build-arg:${name}=${value}`);
  await buildkit.buildctl(args);
  const written = JSON.parse(readFileSync(metadata, 'utf8')) as Record<string, unknown>;
  const digest = written['containerimage.digest'];
  if (typeof digest !== 'string' || !/^sha256:[a-f0-9]{64}$/.test(digest))
    throw new Error(`buildctl wrote no image digest in ${metadata}: ${JSON.stringify(written)}`);
  return digest;
}

/**
 * Builds the harness's SBOM generator image (test/harness/sbom-scanner: a static binary, `FROM
 * scratch`) and pushes it to `registry` (one of the plain-HTTP registries buildkitd was started
 * with, so it can pull it back to run it); returns its reference for `BuildOptions.sbomGenerator`.
 */
export async function pushSbomScanner(buildkit: Buildkit, registry: string): Promise<string> {
  const context = path.join(buildkit.dir, 'sbom-scanner');
  mkdirSync(context, { recursive: true });
  copyFileSync(requireTool('sbom-scanner'), path.join(context, 'sbom-scanner'));
  writeFileSync(
    path.join(context, 'Dockerfile'),
    'FROM scratch\nCOPY sbom-scanner /bin/sbom-scanner\nENTRYPOINT ["/bin/sbom-scanner"]\n',
  );
  const reference = `${registry}/tools/sbom-scanner:1`;
  await buildAndPush(buildkit, { context, platforms: [`linux/${goArch()}`], tags: [reference], push: true });
  return reference;
}

/** This machine's architecture as Go and OCI platforms name it. */
function goArch(): string {
  const names: Record<string, string> = {
    x64: 'amd64',
    arm64: 'arm64',
    arm: 'arm',
    s390x: 's390x',
    ppc64: 'ppc64le',
  };
  return names[process.arch] ?? process.arch;
}

/**
 * A build context of an application image made `FROM scratch` with `COPY` only (no emulation is
 * needed for other platforms): a shared file of `sizes.shared` bytes, then each platform's own
 * (`app-<arch>`, so one platform per architecture) of `sizes.own` bytes. Deterministic per seed.
 */
export function scratchContext(
  dir: string,
  seed: string,
  platforms: string[],
  sizes: { shared: number; own: number } = { shared: 64 * 1024, own: 16 * 1024 },
): string {
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'shared.bin'), bytes(`${seed}-shared`, sizes.shared));
  for (const platform of platforms) {
    const arch = platform.split('/')[1]!;
    writeFileSync(path.join(dir, `app-${arch}`), bytes(`${seed}-${arch}`, sizes.own));
  }
  writeFileSync(
    path.join(dir, 'Dockerfile'),
    [
      '# An application image as many repositories build it: nothing from a base image, files copied in.',
      'FROM scratch',
      'ARG TARGETARCH',
      'COPY shared.bin /usr/share/app/shared.bin',
      'COPY app-${TARGETARCH} /usr/bin/app',
      'LABEL org.opencontainers.image.source="https://github.com/example/app"',
      'ENTRYPOINT ["/usr/bin/app"]',
      '',
    ].join('\n'),
  );
  return dir;
}

/** Deterministic bytes from a seed (xorshift: incompressible, so the sizes are honest, and cheap). */
function bytes(seed: string, size: number): Buffer {
  const out = Buffer.allocUnsafe(size);
  let state = 2166136261;
  for (const char of seed) state = Math.imul(state ^ char.charCodeAt(0), 16777619) >>> 0;
  for (let i = 0; i < size; i++) {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    out[i] = state & 0xff;
  }
  return out;
}
