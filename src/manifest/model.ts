import type { ConfigProblem } from '../shared/errors.js';
import type { RepositoryReference } from '../oci/reference.js';
import type { SourceLocator } from './locate.js';
import type { CopyRule, GeneratedEntry, PathRule } from './schema.js';
import type { RegistryRole, Timeline } from './timeline.js';

/** Where the manifest's credentials come from: environment variable names only. */
export interface CredentialNames {
  usernameEnv?: string;
  passwordEnv?: string;
}

/** One registry of the migration, as the manifest describes it. */
export interface RegistrySpec {
  role: RegistryRole;
  host: string;
  aliases: string[];
  /** Plain HTTP: set explicitly, or implied for loopback hosts. */
  insecure: boolean;
  credentials?: CredentialNames;
}

/** One repository of the organisation. */
export interface RepoSpec {
  name: string;
  owner?: string;
  produces: string[];
  consumes: RepositoryReference[];
  generated: GeneratedEntry[];
}

/** The validated, normalised manifest every command works from. */
export interface Manifest {
  /** Where it came from, for messages: a path or `owner/repo:path@ref`. */
  source: string;
  registries: { old: RegistrySpec; new: RegistrySpec };
  timeline: Timeline;
  paths: PathRule[];
  guard: { allowFiles: string[]; allowReferences: string[] };
  repos: RepoSpec[];
  copy: CopyRule[];
  generated: GeneratedEntry[];
  /** Non-fatal findings (for example consumed images that nobody produces). */
  warnings: ConfigProblem[];
  /** Positions in the manifest's text, for annotations that point into it. */
  locator: SourceLocator;
}

export type { CopyRule, GeneratedEntry, PathRule };
