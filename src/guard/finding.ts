import type { Severity } from '../manifest/timeline.js';
import type { PathRule } from '../manifest/model.js';
import { mapRepository } from '../manifest/paths.js';
import {
  DOCKER_HUB,
  formatReference,
  normalizeHost,
  parseReference,
  type ImageReference,
} from '../oci/reference.js';
import { contiguousRange, sub, type MappedText } from './source.js';

/** Where and how a reference was written; the kind says which grammar understood it. */
export type FindingKind =
  | 'dockerfile-from'
  | 'dockerfile-copy-from'
  | 'dockerfile-mount-from'
  | 'compose-image'
  | 'kubernetes-image'
  | 'helm-image'
  | 'yaml-image'
  | 'workflow-container'
  | 'workflow-service'
  | 'workflow-uses'
  | 'action-image'
  | 'shell-docker'
  | 'heredoc-from'
  | 'shell-tool'
  | 'helm-chart'
  | 'kustomize-image'
  | 'dynamic'
  | 'registry-prefix'
  | 'registry-setting'
  | 'text';

/** One byte-level replacement in a file: bytes `start..end` (which must still read `expect`) become `text`. */
export interface Edit {
  start: number;
  end: number;
  expect: string;
  text: string;
}

/** Why a finding is not counted: an inline `cutover: ignore`, or a manifest allow-list glob. */
export type IgnoredBy = 'inline' | 'allow-files' | 'allow-references';

/** A reference to the old registry found in a file. */
export interface Finding {
  /** Path relative to the scanned directory, `/`-separated. */
  file: string;
  line: number;
  /** 1-based, in characters (UTF-8 sequences count once). */
  column: number;
  /** Byte offset of the reference in the file. */
  offset: number;
  /** The reference as written, e.g. `${REGISTRY:-registry.old.example.com}/api:1.2`. */
  reference: string;
  /** Normalised, with the old registry's main host: `registry.old.example.com/api:1.2`. */
  normalized: string;
  kind: FindingKind;
  severity: Severity;
  /** The same image in the new registry, after the manifest's `paths` mapping. */
  replacement: string;
  image: ImageReference;
  /** The tag or digest comes from a variable with no value here, so it is unknown. */
  partial: boolean;
  /**
   * Part of the reference is a variable (`$X`, `${X}`, `$(X)`, `{{ .Values.x }}`) with no value here:
   * the tag (`partial`), the repository (kind `dynamic`) or everything after the host (`registry-prefix`).
   */
  dynamic: boolean;
  /** Markdown prose: reported as `info`, rewritten only with --fix-docs. */
  prose?: boolean;
  /**
   * A repository, not an image: a command that lists or syncs its tags (`crane ls`, `skopeo sync`,
   * `oras repo tags`). Exported as a prefix, never as tag `latest`.
   */
  wholeRepository?: boolean;
  /** How --fix rewrites it; with `unfixable`, the edits it would share with others but cannot complete. */
  edits: Edit[];
  /** Why --fix cannot rewrite it. */
  unfixable?: string;
  ignored?: IgnoredBy;
  /** Something to check after the rewrite, shown with it (e.g. a paths mapping a host alone cannot follow). */
  note?: string;
  /** Reported for review and never rewritten: compatibility logic, history, vendored files, links to web pages. */
  review?: Review;
}

/** What guard reports but never rewrites, and why. */
export interface Review {
  category: 'compat' | 'history' | 'vendored' | 'link';
  reason: string;
}

/** What a finding is, in the words of docs/guard-kinds.md. */
export type FindingCategory = 'reference' | 'registry-setting' | Review['category'];

/** A finding's category: reference, registry-setting, compat, history or vendored. */
export const categoryOf = (finding: Pick<Finding, 'kind' | 'review'>): FindingCategory =>
  finding.review?.category ?? (finding.kind === 'registry-setting' ? 'registry-setting' : 'reference');

/** The migration's names as the scanner needs them. */
export interface Hosts {
  /** The old registry's host, normalised: what findings are normalised to. */
  old: string;
  /** Every name of the old registry (host and aliases), normalised (lower case, Docker Hub's names folded). */
  oldNames: string[];
  newHost: string;
  paths: readonly PathRule[];
}

/** A reference candidate a grammar recognised: where it is written and its value after expansion. */
export interface Candidate {
  kind: FindingKind;
  /** Byte offset where the reference is written (the location reported). */
  at: number;
  /** The text as written in the file, for the report. */
  written: string;
  /** The value after variable expansion, mapped back to file bytes. */
  value: MappedText;
  partial: boolean;
  /**
   * An image is certain here (a Dockerfile FROM, a Compose `image:`, a pod spec's container, a
   * `docker pull` argument): a reference without a registry host counts as Docker Hub's.
   */
  certain?: boolean;
  /** The value as written is a registry prefix (a registry variable), not an image. */
  prefix?: boolean;
  /** With prefix: the host alone, where a key, flag or variable names a registry (a registry setting). */
  setting?: boolean;
  /** A command takes a repository here (`crane ls`, `skopeo sync`): without a tag it means all its tags. */
  repository?: boolean;
  /** Why --fix must not rewrite it where it is written (the finding is still reported). */
  unfixable?: string;
}

/** Docker Hub's names: one registry, however it is spelt. */
export const DOCKER_HUB_NAMES = [
  'docker.io',
  'index.docker.io',
  'registry-1.docker.io',
  'registry.hub.docker.com',
];

/** True when the old registry is Docker Hub: references without a host are then references to it. */
export const oldIsDockerHub = (hosts: Hosts) => hosts.old === DOCKER_HUB;

/** Lower-case spellings of the old registry to search text for (Docker Hub's four names when it is Docker Hub). */
export function spellings(hosts: Hosts): string[] {
  return [...new Set([...hosts.oldNames, ...(oldIsDockerHub(hosts) ? DOCKER_HUB_NAMES : [])])];
}

/**
 * When the old registry is Docker Hub: the literal beginnings of the repositories the paths mapping
 * moves (`rootlesscontainers/` for `rootlesscontainers/*`), lower case. A word starting so, written
 * without a host, names one of those images wherever it is (a script's argument, a code span).
 */
export function movedRepositoryPrefixes(hosts: Hosts): string[] {
  if (!oldIsDockerHub(hosts)) return [];
  const prefixes = hosts.paths
    .map((rule) => rule.from.slice(0, rule.from.indexOf('*') >>> 0).toLowerCase())
    .filter((prefix) => prefix.includes('/') && !prefix.startsWith('library/'));
  return [...new Set(prefixes)];
}

/** True when a written host names the old registry (any case, any of Docker Hub's names). */
export function isOldHost(host: string, hosts: Hosts): boolean {
  return hosts.oldNames.includes(normalizeHost(host));
}

/** A first path component that is a registry host, as Docker decides it. */
function looksLikeHost(first: string): boolean {
  return first.includes('.') || first.includes(':') || first === 'localhost' || first !== first.toLowerCase();
}

/** Variable syntax that leaves a reference's value unknown here. */
export const VARIABLE = /\$\{|\$\(|\$[A-Za-z_]|\{\{/;

/**
 * Turns a candidate into a finding when it is a reference to the old registry (host compared
 * case-insensitively, aliases and Docker Hub's names included; no host at all means Docker Hub where
 * an image is certain), with the edits that rewrite it. Undefined for anything else.
 */
export function resolveCandidate(
  candidate: Candidate,
  hosts: Hosts,
  file: string,
): Omit<Finding, 'line' | 'column' | 'severity'> | undefined {
  let value = candidate.value;
  if (/^docker:\/\//i.test(value.text)) value = sub(value, 'docker://'.length);
  const slash = value.text.indexOf('/');
  const first = slash > 0 ? value.text.slice(0, slash) : value.text;
  const hasHost = slash > 0 ? looksLikeHost(first) : candidate.prefix === true && looksLikeHost(first);
  if (hasHost ? !isOldHost(first, hosts) : !(candidate.certain && oldIsDockerHub(hosts))) return undefined;
  // `FROM scratch` is the empty image, never pulled.
  if (!hasHost && value.text === 'scratch') return undefined;
  const hostEnd = hasHost ? first.length : -1;
  if (candidate.prefix) return prefixFinding({ candidate, value, hostEnd, hosts, file });
  let partialTag = candidate.partial;
  const variableAt = value.text.search(VARIABLE);
  if (variableAt >= 0) {
    // A variable in the tag or digest only (`api:$(VERSION)`): the repository is still known.
    if (!/[^/:@]+[:@][^/]*$/.test(value.text.slice(hostEnd + 1, variableAt)))
      return dynamicFinding({ candidate, value, hostEnd, hosts, file });
    value = sub(value, 0, variableAt);
    partialTag = true;
  }
  let end = value.text.length;
  // An unresolved ${TAG} leaves "repo:" behind; the repository is still known.
  if (partialTag) while (end > 0 && /[:@]/.test(value.text[end - 1]!)) end--;
  if (end < value.text.length) value = sub(value, 0, end);
  let image: ImageReference;
  try {
    image = parseReference(value.text);
  } catch {
    // `${REGISTRY}/${PROJECT}/base` with PROJECT unknown: the path is built at run time.
    return partialTag ? dynamicFinding({ candidate, value, hostEnd, hosts, file }) : undefined;
  }
  // A tag built from a variable (`api:$TAG`, `api:v${VERSION}`) is unknown, whatever literal part it
  // has: the reference is `dynamic` (a digest written beside it still pins the image).
  const partial = partialTag && image.digest === undefined;
  if (partial) delete image.tag;
  const newRepository = mapRepository(image.repository, hosts.paths);
  const moved: ImageReference = { registry: hosts.newHost, repository: newRepository };
  if (image.tag !== undefined) moved.tag = image.tag;
  if (image.digest !== undefined) moved.digest = image.digest;
  const replacement = formatReference(moved);
  // parseReference's object is new: it becomes the old registry's image in place (no copy per finding).
  const oldImage = image;
  oldImage.registry = hosts.old;
  const { edits, unfixable } = editsFor(value, hostEnd, image.repository, newRepository, hosts.newHost);
  const finding: Omit<Finding, 'line' | 'column' | 'severity'> = {
    file,
    offset: candidate.at,
    reference: candidate.written,
    normalized: formatReference(oldImage),
    kind: partial ? 'dynamic' : candidate.kind,
    replacement,
    image: oldImage,
    partial,
    dynamic: partial,
    edits,
  };
  if (candidate.repository && image.tag === undefined && image.digest === undefined)
    finding.wholeRepository = true;
  const why = candidate.unfixable ?? unfixable;
  if (why !== undefined) finding.unfixable = why;
  return finding;
}

/** A candidate whose host names the old registry, where dynamic and prefix findings are built from. */
interface HostContext {
  candidate: Candidate;
  /** The value (after `docker://`), host first. */
  value: MappedText;
  /** Length of the host (-1: no host written). */
  hostEnd: number;
  hosts: Hosts;
  file: string;
}

/** A candidate from the text where it is written and its expansion. */
export function candidateFrom(
  kind: FindingKind,
  written: MappedText,
  expanded: { value: MappedText; partial: boolean },
): Candidate {
  return {
    kind,
    at: written.offsets[0] ?? 0,
    written: written.text,
    value: expanded.value,
    partial: expanded.partial,
  };
}

/**
 * A reference whose repository (or more) is a variable with no value here (`old.example.com/$PROJECT/base`):
 * it breaks at shutdown like any other, so it is a finding; --fix moves only its host.
 */
function dynamicFinding(at: HostContext): Omit<Finding, 'line' | 'column' | 'severity'> | undefined {
  const { candidate, value, hostEnd, hosts } = at;
  if (hostEnd < 0) return undefined;
  // Variables expanded to nothing leave no trace in the value: show the path as written then.
  const rest = VARIABLE.test(value.text)
    ? value.text.slice(hostEnd + 1)
    : candidate.written.slice(candidate.written.indexOf('/') + 1);
  // The literal repository path before the first variable, up to a whole component.
  const variableAt = rest.search(VARIABLE);
  const literal = variableAt < 0 ? rest : rest.slice(0, variableAt);
  const repository = literal.slice(0, literal.lastIndexOf('/') + 1).replace(/\/$/, '');
  // The paths mapping works on whole repository paths; with a variable in the path it cannot be applied.
  const probe = repository === '' ? 'x' : `${repository}/x`;
  return {
    ...hostOnly(at, 'dynamic'),
    normalized: `${hosts.old}/${rest}`,
    replacement: `${hosts.newHost}/${rest}`,
    image: { registry: hosts.old, repository },
    ...(mapRepository(probe, hosts.paths) !== probe && {
      unfixable: `the paths mapping moves ${repository}/…, which is built from variables here: rewrite it by hand`,
    }),
  };
}

/** A registry prefix (`REGISTRY ?= old.example.com/staging`): not an image; --fix moves only its host. */
function prefixFinding(at: HostContext): Omit<Finding, 'line' | 'column' | 'severity'> | undefined {
  const { value, hostEnd, hosts } = at;
  if (hostEnd < 0) return undefined;
  const path = value.text.slice(hostEnd + 1);
  if (
    path !== '' &&
    !/^[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:\/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*$/.test(path)
  )
    return undefined;
  const mapped = path === '' ? '' : mapRepository(path, hosts.paths);
  const setting = path === '' && at.candidate.setting === true;
  return {
    ...hostOnly(at, setting ? 'registry-setting' : 'registry-prefix'),
    ...(setting &&
      hosts.paths.length > 0 && {
        note: `a registry setting holds the host alone: the paths mapping (${hosts.paths.map((rule) => `${rule.from} → ${rule.to}`).join(', ')}) does not apply to it; check the repository paths set beside it`,
      }),
    normalized: path === '' ? hosts.old : `${hosts.old}/${path}`,
    replacement: mapped === '' ? hosts.newHost : `${hosts.newHost}/${mapped}`,
    image: { registry: hosts.old, repository: path },
    ...(mapped !== path && {
      unfixable: `the prefix ${path} maps to ${mapped} only for some repositories: check the paths mapping by hand`,
    }),
  };
}

/** The parts dynamic and prefix findings share: the host edit, and no known tag. */
function hostOnly({ candidate, value, hostEnd, hosts, file }: HostContext, kind: FindingKind) {
  const hostRange = contiguousRange(value, 0, hostEnd);
  return {
    file,
    offset: candidate.at,
    reference: candidate.written,
    kind,
    partial: true,
    dynamic: true,
    edits: hostRange
      ? [
          {
            start: hostRange[0],
            end: hostRange[1],
            expect: value.text.slice(0, hostEnd),
            text: hosts.newHost,
          },
        ]
      : [],
    ...(!hostRange && { unfixable: 'the registry host is not written in one piece here' }),
  };
}

/**
 * The edits that move a reference to the new registry: the host (and the repository path when the
 * mapping changes it) replaced where they are written, which may be an ARG default or a split
 * `registry:`/`repository:` pair. Nothing else in the file changes.
 */
function editsFor(
  value: MappedText,
  hostEnd: number,
  repository: string,
  newRepository: string,
  newHost: string,
): { edits: Edit[]; unfixable?: string } {
  const repoStart = hostEnd + 1;
  // Docker Hub's official images may be written without `library/`.
  const written = [repository, repository.replace(/^library\//, '')].find(
    (name) =>
      value.text.slice(repoStart, repoStart + name.length) === name &&
      /^(?:$|[:@])/.test(value.text.slice(repoStart + name.length, repoStart + name.length + 1)),
  );
  const repoRange = written ? contiguousRange(value, repoStart, repoStart + written.length) : undefined;
  if (hostEnd < 0) {
    // No host written: the name becomes host/name, where it is written.
    return repoRange
      ? {
          edits: [
            { start: repoRange[0], end: repoRange[1], expect: written!, text: `${newHost}/${newRepository}` },
          ],
        }
      : { edits: [], unfixable: 'the image name is not written in one piece here' };
  }
  const hostRange = contiguousRange(value, 0, hostEnd);
  if (!hostRange) return { edits: [], unfixable: 'the registry host is not written in one piece here' };
  const expect = (range: [number, number], text: string) => ({
    start: range[0],
    end: range[1],
    expect: text,
  });
  if (newRepository === repository && written === repository) {
    // The commonest edit, built directly (one per finding).
    return {
      edits: [
        { start: hostRange[0], end: hostRange[1], expect: value.text.slice(0, hostEnd), text: newHost },
      ],
    };
  }
  if (!repoRange) {
    // The host edit is kept so that --fix knows this finding shares it (an ARG default, say).
    return {
      edits: [{ ...expect(hostRange, value.text.slice(0, hostEnd)), text: newHost }],
      unfixable: `the repository path ${repository} (→ ${newRepository}) is not written literally here`,
    };
  }
  if (repoRange[0] === hostRange[1] + 1) {
    return {
      edits: [
        {
          ...expect([hostRange[0], repoRange[1]], value.text.slice(0, repoStart + written!.length)),
          text: `${newHost}/${newRepository}`,
        },
      ],
    };
  }
  return {
    edits: [
      { ...expect(hostRange, value.text.slice(0, hostEnd)), text: newHost },
      { ...expect(repoRange, written!), text: newRepository },
    ],
  };
}
