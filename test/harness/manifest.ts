import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { Document, isScalar, visit } from 'yaml';
import type { ManifestInput } from '../../src/manifest/schema.js';

/** A registry of the manifest: its host alone, or the host with the keys a test needs. */
export type ManifestRegistry =
  | string
  | {
      host: string;
      aliases?: string[];
      insecure?: boolean;
      credentials?: { usernameEnv?: string; passwordEnv?: string };
    };

/** The days of the migration (registries.*, guard.fail-from and guard.warn-days). */
export interface ManifestTimeline {
  /** registries.new.available */
  available: string;
  /** registries.old.read-only */
  readOnly: string;
  /** registries.old.shutdown */
  shutdown: string;
  /** guard.fail-from (default: the shutdown day) */
  failFrom?: string;
  /** guard.warn-days */
  warnDays?: number;
}

/** The timeline most tests use: dual push in September 2020, old read-only in October, gone in November. */
export const TIMELINE_2020: ManifestTimeline = {
  available: '2020-09-01',
  readOnly: '2020-10-01',
  shutdown: '2020-11-01',
};

/** What a test says about its manifest; the rest of the keys are written as the schema names them. */
export interface ManifestOptions {
  old: ManifestRegistry;
  new: ManifestRegistry;
  /** Default TIMELINE_2020. */
  timeline?: ManifestTimeline;
  paths?: ManifestInput['paths'];
  /** guard.allow */
  allow?: NonNullable<ManifestInput['guard']>['allow'];
  repos?: ManifestInput['repos'];
  copy?: ManifestInput['copy'];
  generated?: ManifestInput['generated'];
}

function registry(spec: ManifestRegistry, days: Record<string, string>): Record<string, unknown> {
  const { host, aliases, insecure, credentials } = typeof spec === 'string' ? { host: spec } : spec;
  return {
    host,
    ...(aliases && { aliases }),
    ...(insecure !== undefined && { insecure }),
    ...days,
    ...(credentials && {
      credentials: {
        ...(credentials.usernameEnv && { 'username-env': credentials.usernameEnv }),
        ...(credentials.passwordEnv && { 'password-env': credentials.passwordEnv }),
      },
    }),
  };
}

/**
 * The text of a cutover manifest (version 1), written by the `yaml` library so every value is quoted
 * as YAML needs. One builder for every test that needs a manifest of its own; tests about the
 * parser's line and column numbers keep their text inline, since those depend on the exact layout.
 */
export function manifestYaml(options: ManifestOptions): string {
  const timeline = options.timeline ?? TIMELINE_2020;
  const guard = {
    ...(timeline.warnDays !== undefined && { 'warn-days': timeline.warnDays }),
    ...(timeline.failFrom && { 'fail-from': timeline.failFrom }),
    ...(options.allow && { allow: options.allow }),
  };
  const manifest = {
    version: 1,
    registries: {
      old: registry(options.old, { 'read-only': timeline.readOnly, shutdown: timeline.shutdown }),
      new: registry(options.new, { available: timeline.available }),
    },
    ...(options.paths && { paths: options.paths }),
    ...(Object.keys(guard).length > 0 && { guard }),
    ...(options.repos && { repos: options.repos }),
    ...(options.copy && { copy: options.copy }),
    ...(options.generated && { generated: options.generated }),
  };
  // Lists of plain values in flow style (`aliases: [a, b]`), as people write them: a key then sits on the
  // line a hand-written manifest would put it, which the messages that locate a key show.
  const document = new Document(manifest);
  visit(document, {
    Seq(_, sequence) {
      if (sequence.items.every((item) => isScalar(item))) sequence.flow = true;
    },
  });
  return document.toString({ lineWidth: 0, flowCollectionPadding: false });
}

/** Writes manifestYaml(options) to `dir/name` (default cutover.yml) and returns the file's path. */
export function writeManifest(dir: string, options: ManifestOptions, name = 'cutover.yml'): string {
  const file = path.join(dir, name);
  writeFileSync(file, manifestYaml(options));
  return file;
}
