import { candidateFrom, type Candidate, type FindingKind } from '../finding.js';
import { concat, expand, type MappedText, type Variables } from '../source.js';

/** What a YAML file is, which decides how an `image:` in it is reported. */
export type YamlRole = 'workflow' | 'action' | 'compose' | 'helm-values' | 'yaml';

/** A key path from a document's root. */
export type Path = (string | number)[];

/** Kustomize's file, whose `images:` entries are read by their own rule. */
export const kustomization = (file: string) => /(^|\/)kustomization\.ya?ml$/i.test(file);

/** A string scalar under an image key as a candidate (`uses:` only with `docker://`). */
export function scalarCandidateOf(
  mapped: MappedText,
  kind: FindingKind,
  env?: Variables,
): Candidate | undefined {
  if (kind === 'workflow-uses' && !mapped.text.startsWith('docker://')) return undefined;
  const expanded = expand(mapped, env);
  return {
    ...candidateFrom(kind, mapped, expanded),
    // The host comes from `.env` (mapped nowhere here): the `.env` line is the one rewritten.
    ...(env &&
      expanded.value.offsets[0] === -1 && { unfixable: 'the value comes from .env, where it is rewritten' }),
  };
}

const synthetic = (text: string): MappedText => ({ text, offsets: Array<number>(text.length).fill(-1) });

/**
 * Helm's split form from a map's scalar fields: `{registry, repository, tag, digest}` (registry
 * optional when repository has the host, or inherited from the chart's global registry), the path
 * also spelt `image:`/`name:` beside a `registry:`.
 */
export function splitFormOf(
  field: (name: string) => MappedText | undefined,
  globalRegistry: MappedText | undefined,
): Omit<Candidate, 'kind'> | undefined {
  const ownRegistry = field('registry');
  const repository = field('repository') ?? (ownRegistry ? (field('image') ?? field('name')) : undefined);
  if (!repository) return undefined;
  const hostInPath = /^[^/]*[.:][^/]*\//.test(repository.text);
  const registry = ownRegistry ?? (hostInPath ? undefined : globalRegistry);
  const tag = field('tag');
  const digest = field('digest');
  if (!registry && !tag && !digest) return undefined;
  const parts: MappedText[] = [];
  if (registry && registry.text !== '') parts.push(registry, synthetic('/'));
  parts.push(repository);
  if (tag && tag.text !== '') parts.push(synthetic(':'), tag);
  if (digest && digest.text !== '') parts.push(synthetic('@'), digest);
  const expanded = expand(concat(parts));
  // With the global registry, the place reported is where that registry is named.
  const written = registry ?? repository;
  return {
    at: written.offsets[0] ?? 0,
    written: expanded.value.text,
    value: expanded.value,
    partial: expanded.partial,
  };
}

/**
 * `certain` for a value without a registry host in a place that certainly holds an image (only
 * host-less values need it: they mean Docker Hub there, and nothing elsewhere).
 */
export function certainty(value: MappedText, certain: boolean): { certain?: true } {
  if (!certain) return {};
  const text = /^docker:\/\//i.test(value.text) ? value.text.slice('docker://'.length) : value.text;
  const slash = text.indexOf('/');
  const first = slash < 0 ? text : text.slice(0, slash);
  const hasHost = slash >= 0 && (/[.:]/.test(first) || first === 'localhost');
  return hasHost ? {} : { certain: true };
}

/** Kubernetes pod specs: where an `image:` is certainly a container image. */
export function inPodSpec(path: Path): boolean {
  return path.some(
    (key) => key === 'containers' || key === 'initContainers' || key === 'ephemeralContainers',
  );
}
