import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import Docker from 'dockerode';
import { UsageError } from '../shared/errors.js';
import type { Credentials } from '../oci/credentials.js';

/** What `docker push` reports as it goes: one JSON message per layer event. */
export interface PushEvent {
  status?: string;
  id?: string;
  progressDetail?: { current?: number; total?: number };
  aux?: { Tag?: string; Digest?: string; Size?: number };
  error?: string;
  errorDetail?: { message?: string };
}

/** The parts of a local image that push needs. */
export interface LocalImage {
  /** `sha256:…` image ID (the config digest). */
  id: string;
  repoTags: string[];
  labels: Record<string, string>;
  /** `created_by` of every history step, newest first (as the engine lists them). */
  history: string[];
  /** Uncompressed size in bytes. */
  size: number;
}

/** The engine refused or failed a push; `message` is the engine's own words. */
export class EnginePushError extends Error {
  override name = 'EnginePushError';
}

/**
 * Where the engine is: `DOCKER_HOST` (`unix://…`, `tcp://host:port`, `http(s)://…`), else the default
 * socket. Read from the environment the command was given, not from the process, so tests and
 * actions can point it at another engine.
 */
export function engineOptions(env: NodeJS.ProcessEnv): Docker.DockerOptions {
  const host = env['DOCKER_HOST']?.trim();
  if (!host) return { socketPath: '/var/run/docker.sock' };
  if (host.startsWith('unix://')) return { socketPath: host.slice('unix://'.length) };
  const match = /^(tcp|http|https):\/\/([^/:]+|\[[^\]]+\])(?::(\d+))?\/?$/.exec(host);
  if (!match) {
    throw new UsageError(
      `DOCKER_HOST: expected unix:///path/to/docker.sock or tcp://host:port, found ${JSON.stringify(host)}`,
    );
  }
  const tls = match[1] === 'https' || Boolean(env['DOCKER_TLS_VERIFY']);
  const options: Docker.DockerOptions = {
    host: match[2]!.replace(/^\[|\]$/g, ''),
    port: Number(match[3] ?? (tls ? 2376 : 2375)),
    protocol: tls ? 'https' : 'http',
  };
  if (!tls) return options;
  // As the docker CLI: client certificates from DOCKER_CERT_PATH, else ~/.docker.
  const certs = env['DOCKER_CERT_PATH'] || path.join(env['HOME'] || os.homedir(), '.docker');
  const read = (name: string) => {
    try {
      return readFileSync(path.join(certs, name));
    } catch {
      return undefined;
    }
  };
  const [ca, cert, key] = [read('ca.pem'), read('cert.pem'), read('key.pem')];
  return { ...options, ...(ca && { ca }), ...(cert && { cert }), ...(key && { key }) };
}

/** The `X-Registry-Auth` document the engine expects for one registry. */
export function authConfigFor(
  host: string,
  credentials: Credentials | undefined,
): Docker.AuthConfig | undefined {
  if (!credentials) return undefined;
  if (credentials.kind === 'identity-token') {
    return { serveraddress: host, identitytoken: credentials.token } as Docker.AuthConfig;
  }
  return { serveraddress: host, username: credentials.username, password: credentials.password };
}

/** A small seam over dockerode: the few engine calls push makes, with errors in the engine's words. */
export class DockerEngine {
  private readonly docker: Docker;
  /** Where the engine is, for messages. */
  readonly address: string;

  constructor(env: NodeJS.ProcessEnv) {
    const options = engineOptions(env);
    this.docker = new Docker(options);
    this.address = options.socketPath
      ? `unix://${String(options.socketPath)}`
      : `${String(options.protocol)}://${String(options.host)}:${String(options.port)}`;
  }

  /** Fails with a UsageError naming DOCKER_HOST when the engine does not answer. */
  async ping(): Promise<void> {
    try {
      await this.docker.ping();
    } catch (error) {
      throw new UsageError(
        `cannot reach the Docker engine at ${this.address} (set DOCKER_HOST): ${(error as Error).message}`,
      );
    }
  }

  /** The local image `reference` (name:tag or ID), or undefined when the engine has no such image. */
  async inspectImage(reference: string): Promise<LocalImage | undefined> {
    const image = this.docker.getImage(reference);
    let info: Docker.ImageInspectInfo;
    try {
      info = await image.inspect();
    } catch (error) {
      if ((error as { statusCode?: number }).statusCode === 404) return undefined;
      throw error;
    }
    const history = (await image.history()) as { CreatedBy?: string }[];
    return {
      id: info.Id,
      repoTags: info.RepoTags ?? [],
      labels: info.Config?.Labels ?? {},
      history: history.map((step) => step.CreatedBy ?? ''),
      size: info.Size,
    };
  }

  /** Names `imageId` as `repository:tag` in the engine (what `docker tag` does). */
  async tag(imageId: string, repository: string, tag: string): Promise<void> {
    await this.docker.getImage(imageId).tag({ repo: repository, tag });
  }

  /** Removes the name `reference` only; the image and its other names stay (`docker rmi --no-prune` on a tag). */
  async untag(reference: string): Promise<void> {
    await this.docker.getImage(reference).remove({ noprune: true });
  }

  /** The image as `docker save` writes it (a tar of its config and uncompressed layers). */
  async exportImage(imageId: string): Promise<NodeJS.ReadableStream> {
    return this.docker.getImage(imageId).get();
  }

  /** The image ID a name points at, or undefined. */
  async imageIdOf(reference: string): Promise<string | undefined> {
    return (await this.inspectImage(reference))?.id;
  }

  /**
   * Pushes `repository:tag` (a name that includes the registry host) and returns the manifest
   * digest the engine reports. Every event goes to `onEvent`; an error event rejects with
   * EnginePushError carrying the engine's message.
   */
  async push(
    repository: string,
    tag: string,
    auth: Docker.AuthConfig | undefined,
    onEvent: (event: PushEvent) => void,
  ): Promise<{ digest: string; size: number }> {
    const stream = await this.docker
      .getImage(repository)
      .push({ tag, ...(auth && { authconfig: auth }) })
      .catch((error: Error) => {
        throw new EnginePushError(error.message);
      });
    return new Promise((resolve, reject) => {
      let result: { digest: string; size: number } | undefined;
      let failure: string | undefined;
      this.docker.modem.followProgress(
        stream,
        (error: Error | null) => {
          if (error) reject(new EnginePushError(error.message));
          else if (failure) reject(new EnginePushError(failure));
          else if (!result)
            reject(new EnginePushError('the engine finished the push without reporting a digest'));
          else resolve(result);
        },
        (event: PushEvent) => {
          if (event.error || event.errorDetail) failure ??= event.errorDetail?.message ?? event.error;
          if (event.aux?.Digest) result = { digest: event.aux.Digest, size: event.aux.Size ?? 0 };
          onEvent(event);
        },
      );
    });
  }
}
