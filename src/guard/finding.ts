import type { Severity } from '../manifest/timeline.js';
import type { PathRule } from '../manifest/model.js';
import { mapRepository } from '../manifest/paths.js';
import { formatReference, normalizeHost, parseReference, type ImageReference } from '../oci/reference.js';
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
  /** How --fix rewrites it; with `unfixable`, the edits it would share with others but cannot complete. */
  edits: Edit[];
  /** Why --fix cannot rewrite it. */
  unfixable?: string;
  ignored?: IgnoredBy;
}

/** The migration's names as the scanner needs them. */
export interface Hosts {
  /** The old registry's host, normalised: what findings are normalised to. */
  old: string;
  /** Every name of the old registry (host and aliases), normalised. */
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
}

/**
 * Turns a candidate into a finding when it is a valid reference to the old registry (exact host
 * match, aliases included), with the edits that rewrite it. Undefined for anything else.
 */
export function resolveCandidate(
  candidate: Candidate,
  hosts: Hosts,
  file: string,
): Omit<Finding, 'line' | 'column' | 'severity'> | undefined {
  let value = candidate.value;
  if (value.text.startsWith('docker://')) value = sub(value, 'docker://'.length);
  let end = value.text.length;
  // An unresolved ${TAG} leaves "repo:" behind; the repository is still known.
  if (candidate.partial) while (end > 0 && /[:@/]/.test(value.text[end - 1]!)) end--;
  value = sub(value, 0, end);
  const slash = value.text.indexOf('/');
  if (slash <= 0) return undefined;
  const writtenHost = value.text.slice(0, slash);
  if (!hosts.oldNames.includes(normalizeHost(writtenHost))) return undefined;
  let image: ImageReference;
  try {
    image = parseReference(value.text);
  } catch {
    return undefined;
  }
  const oldImage = { ...image, registry: hosts.old };
  const newRepository = mapRepository(image.repository, hosts.paths);
  const replacement = formatReference({ ...image, registry: hosts.newHost, repository: newRepository });
  const { edits, unfixable } = editsFor(value, slash, image.repository, newRepository, hosts.newHost);
  return {
    file,
    offset: candidate.at,
    reference: candidate.written,
    normalized: formatReference(oldImage),
    kind: candidate.kind,
    replacement,
    image: oldImage,
    partial: candidate.partial && image.tag === undefined && image.digest === undefined,
    edits,
    ...(unfixable !== undefined && { unfixable }),
  };
}

/**
 * The edits that move a reference to the new registry: the host (and the repository path when the
 * mapping changes it) replaced where they are written, which may be an ARG default or a split
 * `registry:`/`repository:` pair. Nothing else in the file changes.
 */
function editsFor(
  value: MappedText,
  slash: number,
  repository: string,
  newRepository: string,
  newHost: string,
): { edits: Edit[]; unfixable?: string } {
  const hostRange = contiguousRange(value, 0, slash);
  const repoStart = slash + 1;
  const repoWritten = value.text.slice(repoStart, repoStart + repository.length) === repository;
  const repoRange = repoWritten
    ? contiguousRange(value, repoStart, repoStart + repository.length)
    : undefined;
  if (!hostRange) return { edits: [], unfixable: 'the registry host is not written in one piece here' };
  const expect = (range: [number, number], text: string) => ({
    start: range[0],
    end: range[1],
    expect: text,
  });
  if (newRepository === repository) {
    return { edits: [{ ...expect(hostRange, value.text.slice(0, slash)), text: newHost }] };
  }
  if (!repoRange) {
    // The host edit is kept so that --fix knows this finding shares it (an ARG default, say).
    return {
      edits: [{ ...expect(hostRange, value.text.slice(0, slash)), text: newHost }],
      unfixable: `the repository path ${repository} (→ ${newRepository}) is not written literally here`,
    };
  }
  if (repoRange[0] === hostRange[1] + 1) {
    return {
      edits: [
        {
          ...expect([hostRange[0], repoRange[1]], value.text.slice(0, repoStart + repository.length)),
          text: `${newHost}/${newRepository}`,
        },
      ],
    };
  }
  return {
    edits: [
      { ...expect(hostRange, value.text.slice(0, slash)), text: newHost },
      { ...expect(repoRange, repository), text: newRepository },
    ],
  };
}
