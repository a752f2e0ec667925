import type { Candidate, Finding, FindingKind, Hosts } from './finding.js';
import {
  DOCKER_HUB_NAMES,
  movedRepositoryPrefixes,
  oldIsDockerHub,
  resolveCandidate,
  spellings,
} from './finding.js';
import { dockerfileCandidates } from './dockerfile.js';
import { commandCandidates } from './shell.js';
import { compatLiteral } from './review.js';
import { hostAlone, namesRegistry, settingName } from './settings.js';
import { expand, slice, type Variables } from './source.js';
import { yamlCandidates, type YamlRole } from './yaml.js';

/** How a file is read: by its name (and a shebang for scripts). */
export type FileRole = 'dockerfile' | YamlRole | 'shell' | 'text';

/** The role of a file from its path (relative, `/`-separated) and first bytes. */
export function roleOf(file: string, source: string): FileRole {
  const base = file.slice(file.lastIndexOf('/') + 1);
  if (/^(Dockerfile|Containerfile)([._-].*)?$/i.test(base) || /\.(dockerfile|containerfile)$/i.test(base))
    return 'dockerfile';
  // Chart.yaml names charts and their repositories, never an image by key: the text pass reads it.
  if (base === 'Chart.yaml') return 'text';
  if (/\.ya?ml$/i.test(base)) {
    if (/(^|\/)\.github\/workflows\/[^/]+$/.test(file)) return 'workflow';
    if (/^action\.ya?ml$/.test(base)) return 'action';
    if (/^(docker-)?compose([.-][\w.-]+)?\.ya?ml$/i.test(base)) return 'compose';
    if (/^values([.-][\w.-]+)?\.ya?ml$/i.test(base)) return 'helm-values';
    return 'yaml';
  }
  if (/\.(sh|bash|zsh|ksh|mk)$/i.test(base) || /^(GNUmakefile|Makefile|makefile)$/.test(base)) return 'shell';
  if (/^#!.*\b(sh|bash|zsh|ksh|dash)\b/.test(source.slice(0, 128))) return 'shell';
  return 'text';
}

const HOST_CHAR = /[A-Za-z0-9._-]/;
const REFERENCE_CHAR = /[A-Za-z0-9._\-/:@]/;
const DOCKER_COMMAND =
  /\b(?:docker|podman|nerdctl)\s+(?:image\s+|container\s+)?(?:pull|run|tag|push|create)\b/;
/** Other tools whose command lines name images or OCI artifacts. */
const TOOL_COMMAND = /\b(?:oras|crane|skopeo|cosign|helm|regctl)\s+[a-z]/;
/**
 * Tool commands whose argument is a repository, not an image: they list or sync its tags, so a
 * reference there without a tag means every tag of it (not `latest`).
 */
const REPOSITORY_COMMAND =
  /\b(?:crane\s+ls|skopeo\s+(?:list-tags|sync)|oras\s+repo\s+(?:tags|ls)|regctl\s+(?:tag|repo)\s+ls)\b/;
/**
 * A login to a registry, right before its host: the step fails the day the registry goes away like
 * any pull, so the host is a registry prefix (`--fix` moves it to the new registry's login).
 */
const LOGIN_COMMAND =
  /\b(?:(?:docker|podman|nerdctl|buildah|oras|skopeo|cosign)\s+login|helm\s+registry\s+login|crane\s+auth\s+login|regctl\s+registry\s+login)\b[^\n;&|]*\s$/;
/** `${NAME:-`, `${NAME-`, `${NAME:=`, `${NAME=` right before a default value. */
const DEFAULT_OPENER = /\$\{[A-Za-z_][A-Za-z0-9_]*:?[-=]$/;
/** A variable assignment a value follows: shell, Makefile, Dockerfile ARG/ENV, YAML `KEY:`. */
const ASSIGNMENT =
  /(?:^|[\s;])(?:export\s+|ARG\s+|ENV\s+|override\s+)?-?\s*["']?([A-Za-z_][A-Za-z0-9_.-]*)["']?\s*(?:\?=|:=|::=|\+=|=|:)\s*["']?$/;
/** Variable names that hold a registry or a path prefix rather than an image. */
const PREFIX_NAME = /(REGISTRY|REGISTRIES|PREFIX|HUB|NAMESPACE|(^|_)REPO$|REPOSITORY_BASE|(^|_)ORG$)/i;

/** Files that name packages, not images: a host-like path there is a module or package name. */
const PACKAGE_FILES =
  /(^|\/)(go\.(mod|sum|work|work\.sum)|Cargo\.(toml|lock)|(requirements|constraints)[\w.-]*\.txt|Pipfile(\.lock)?|poetry\.lock|package-lock\.json|yarn\.lock|pnpm-lock\.yaml|composer\.(json|lock)|Gemfile(\.lock)?)$/;

/** Names of files that can hold an image reference by their grammar (read even without the host in them). */
export const IMAGE_FILE_NAMES =
  /(^|\/)((Dockerfile|Containerfile)([._-][^/]*)?|[^/]*\.(dockerfile|containerfile|ya?ml|sh|bash|zsh|ksh|mk)|GNUmakefile|Makefile|makefile)$/i;

/**
 * Every reference to the old registry in one file (decoded latin1, so indexes are byte offsets):
 * first what the file's grammar understands (Dockerfile, YAML, container command lines), then any
 * other place the host is written (any case) followed by a path — shell `docker pull/run/tag/push`,
 * `FROM` in heredocs, variable defaults and assignments, plain text. Package manifests (go.mod,
 * go.sum, Cargo.toml, requirements.txt …), Go import lines and package.json dependencies name
 * packages, not images, and are left alone.
 */
export function findReferences(
  file: string,
  source: string,
  hosts: Hosts,
  env?: Variables,
  found?: readonly (readonly [at: number, name: string])[],
): Omit<Finding, 'line' | 'column' | 'severity'>[] {
  if (PACKAGE_FILES.test(file)) return [];
  const role = roleOf(file, source);
  const hub = oldIsDockerHub(hosts);
  // Hosts compare case-insensitively: their names are searched once, in the lower-cased file (or
  // given: the reader thread that found the file found them).
  const names = spellings(hosts);
  const moved = new Set(movedRepositoryPrefixes(hosts));
  const occurrences = found ?? occurrencesOf(source, moved.size ? [...names, ...moved] : names);
  const structured: Candidate[] =
    role === 'dockerfile'
      ? dockerfileCandidates(source)
      : role === 'text' || role === 'shell' || (hub && !mayHoldDockerHubImage(file, source))
        ? []
        : yamlCandidates(
            source,
            role,
            hub ? [] : names,
            file,
            role === 'compose' ? env : undefined,
            hub
              ? []
              : [...new Set(occurrences.map(([at]) => source.lastIndexOf('\n', at) + 1))].sort(
                  (a, b) => a - b,
                ),
          );
  // Host-less images on command lines matter only when they mean the old registry.
  if (hub && (role === 'shell' || role === 'workflow' || role === 'dockerfile'))
    structured.push(...commandCandidates(source));
  const findings: Omit<Finding, 'line' | 'column' | 'severity'>[] = [];
  const covered = new Set<number>();
  for (const candidate of structured) {
    // A command line in a Dockerfile RUN or a workflow step may be seen by two grammars.
    if (covered.has(candidate.at)) continue;
    const finding = resolveCandidate(candidate, hosts, file);
    if (!finding) continue;
    findings.push(finding);
    for (const edit of finding.edits) covered.add(edit.start);
    covered.add(candidate.at);
    const hostAt = candidate.value.offsets[/^docker:\/\//i.test(candidate.value.text) ? 9 : 0];
    if (hostAt !== undefined && hostAt >= 0) covered.add(hostAt);
  }
  const excluded = excludedLines(file, source);
  const markdown = /\.(md|markdown)$/i.test(file) ? fencedLines(source) : undefined;
  for (const [at, name] of occurrences) {
    if (covered.has(at) || excluded(at)) continue;
    const candidate = moved.has(name)
      ? movedRepositoryCandidate(source, at, role)
      : textCandidate(file, source, at, name, role);
    const finding =
      (candidate && resolveCandidate(candidate, hosts, file)) ??
      webLink(file, source, at, hosts) ??
      compatLiteral(file, source, at, name, hosts);
    if (!finding) continue;
    for (const edit of finding.edits) covered.add(edit.start);
    const prose = markdown !== undefined && finding.kind === 'text' && !markdown(at);
    findings.push(prose ? { ...finding, prose } : finding);
  }
  return findings.sort((a, b) => a.offset - b.offset);
}

/**
 * A link to the old registry's web pages (`https://quay.io/organization/x`): nothing pulls it, and the
 * new registry's pages live elsewhere, so it is reported for a person to point it at them.
 */
function webLink(
  file: string,
  source: string,
  at: number,
  hosts: Hosts,
): Omit<Finding, 'line' | 'column' | 'severity'> | undefined {
  const scheme = /https?:\/\/$/i.exec(source.slice(Math.max(0, at - 8), at));
  if (!scheme) return undefined;
  const start = at - scheme[0].length;
  const url = /^[^\s)\]>"'`|]+/.exec(source.slice(start))![0];
  // The registry's API (`/v2/…`) is no web page: left to the rules for references, as before.
  if (/^https?:\/\/[^/]+\/v2(\/|$)/i.test(url)) return undefined;
  return {
    file,
    offset: start,
    reference: url,
    normalized: url,
    kind: 'text',
    replacement: '',
    image: { registry: hosts.old, repository: '' },
    partial: true,
    dynamic: true,
    edits: [],
    unfixable: "a link to the old registry's web pages",
    review: {
      category: 'link',
      reason: "a link to the old registry's web pages: point it at the new registry's page by hand",
    },
  };
}

/** Where each of `names` (lower case) occurs in `source`, in any case, not overlapping: name by name. */
function occurrencesOf(source: string, names: readonly string[]): [at: number, name: string][] {
  const lower = source.toLowerCase();
  const occurrences: [at: number, name: string][] = [];
  for (const name of names)
    for (let at = lower.indexOf(name); at >= 0; at = lower.indexOf(name, at + name.length))
      occurrences.push([at, name]);
  return occurrences;
}

/** An image key and the value written on its line (empty when the value is nested below). */
const IMAGE_KEY_LINE =
  /(?:^|[\s{,-])(?:image|repository|container|uses|newName)\s*:[ \t]*["']?([^\s"',}#\]]*)/gm;

/** A bare `{{ … }}` filling the rest of a line (then a comment at most). */
const TEMPLATE_VALUE = /^\{\{[^\n]*\}\}[ \t]*(?:#[^\n]*)?\r?$/;

/**
 * The cheap line scan before a YAML parse when the old registry is Docker Hub: only a file with an
 * image key whose value has no registry host (or one of Docker Hub's names, or a variable) can hold
 * a Docker Hub reference by structure; the others are left to the text pass. Kustomize files (whose
 * `name:` keys hold images) are always parsed.
 */
function mayHoldDockerHubImage(file: string, source: string): boolean {
  if (/(^|\/)kustomization\.ya?ml$/i.test(file)) return true;
  for (const match of source.matchAll(IMAGE_KEY_LINE)) {
    const value = match[1]!.replace(/^docker:\/\//i, '');
    if (value === '') continue;
    // A Helm template expression written bare (`image: {{ include … }}`) is a flow mapping to the
    // parser, whose key is a mapping: never an image string (templates/ of every chart).
    const valueStart = match.index + match[0].length - match[1]!.length;
    if (
      value.startsWith('{{') &&
      TEMPLATE_VALUE.test(source.slice(valueStart, source.indexOf('\n', valueStart) >>> 0))
    )
      continue;
    if (value.includes('$') || value.includes('{{')) return true;
    const slash = value.indexOf('/');
    const first = slash < 0 ? '' : value.slice(0, slash);
    if (slash < 0 || (!/[.:]/.test(first) && first !== 'localhost')) return true;
    if (DOCKER_HUB_NAMES.includes(first.toLowerCase())) return true;
  }
  return false;
}

/** The reference-shaped word at a host occurrence, if the host is a whole host there. */
function textCandidate(
  file: string,
  source: string,
  at: number,
  name: string,
  role: FileRole,
): Candidate | undefined {
  const before = source[at - 1];
  const lineStart = source.lastIndexOf('\n', at - 1) + 1;
  const opener = DEFAULT_OPENER.exec(source.slice(Math.max(lineStart, at - 80), at));
  const start = opener ? at - opener[0].length : at;
  if (!opener) {
    if (before !== undefined && HOST_CHAR.test(before)) return undefined;
    if (before === '/' && source[at - 2] !== '/') return undefined;
    if (/https?:\/\/$/i.test(source.slice(Math.max(0, at - 8), at))) return undefined;
  }
  let end = wordEnd(source, start);
  while (end > at && /[.:@/-]/.test(source[end - 1]!)) end--;
  const written = slice(source, start, end);
  const expanded = expand(written);
  const hostEnd = at + name.length;
  const lineBefore = source.slice(lineStart, start);
  const variable = ASSIGNMENT.exec(lineBefore)?.[1];
  const oci = /oci:\/\/$/i.test(source.slice(Math.max(0, at - 6), at));
  // A chart repository (Chart.yaml/Chart.lock `repository:`, `helm push … oci://…`) is a prefix: the
  // chart's name is appended to it.
  const chartRepository =
    oci && (/(^|\/)Chart\.(ya?ml|lock)$/.test(file) || /\bhelm\s+push\b/.test(source.slice(lineStart, at)));
  const login = lineBefore.includes('login') && LOGIN_COMMAND.test(lineBefore);
  // A host alone where a key, flag, variable or constant names a registry: a registry setting.
  const setting =
    !opener &&
    !oci &&
    !login &&
    hostAlone(source, hostEnd) &&
    namesRegistry(settingName(source, lineStart, start) ?? '');
  const prefix =
    (chartRepository ||
      login ||
      setting ||
      (variable !== undefined && PREFIX_NAME.test(variable) && !/image/i.test(variable))) &&
    !expanded.partial &&
    !/[:@]/.test(source.slice(hostEnd, end));
  if (!prefix && source[hostEnd] !== '/' && !(opener && expanded.value.text.includes('/'))) return undefined;
  const { kind, command } = oci ? { kind: 'helm-chart' as const, command: '' } : lineKind(source, at, role);
  return {
    kind,
    ...(kind === 'shell-tool' && REPOSITORY_COMMAND.test(command) && { repository: true }),
    at: start,
    written: written.text,
    value: expanded.value,
    partial: expanded.partial,
    ...(prefix && { prefix }),
    ...(prefix && !login && !chartRepository && hostAlone(source, hostEnd) && { setting: true }),
  };
}

/**
 * A Docker Hub repository the paths mapping moves, written without a host (`rootlesscontainers/usernetes`
 * as a script's argument or in a code span): an image, when it starts a word.
 */
function movedRepositoryCandidate(source: string, at: number, role: FileRole): Candidate | undefined {
  if (at > 0 && /[A-Za-z0-9._\-/:@$]/.test(source[at - 1]!)) return undefined;
  let end = wordEnd(source, at);
  while (end > at && /[.:@/-]/.test(source[end - 1]!)) end--;
  const written = slice(source, at, end);
  const expanded = expand(written);
  return {
    kind: lineKind(source, at, role).kind,
    at,
    written: written.text,
    value: expanded.value,
    partial: expanded.partial,
    certain: true,
  };
}

/** Where a reference-shaped word ends: reference characters and variable forms (`$X`, `${X}`, `$(X)`, `{{ x }}`). */
function wordEnd(source: string, start: number): number {
  let end = start;
  while (end < source.length) {
    const char = source[end]!;
    if (REFERENCE_CHAR.test(char)) {
      end++;
      continue;
    }
    const next = source[end + 1];
    if (char === '$' && (next === '{' || next === '(')) {
      const close = source.indexOf(next === '{' ? '}' : ')', end + 2);
      if (close < 0 || source.slice(end, close).includes('\n')) break;
      end = close + 1;
    } else if (char === '$' && next !== undefined && /[A-Za-z_]/.test(next)) {
      end += 2;
      while (end < source.length && /\w/.test(source[end]!)) end++;
    } else if (char === '{' && next === '{') {
      const close = source.indexOf('}}', end + 2);
      if (close < 0 || source.slice(end, close).includes('\n')) break;
      end = close + 2;
    } else break;
  }
  return end;
}

/**
 * Shell commands and heredoc `FROM` lines get their own kind; anything else is text. With the
 * command's text before the reference (continued lines joined).
 */
function lineKind(source: string, at: number, role: FileRole): { kind: FindingKind; command: string } {
  let lineStart = source.lastIndexOf('\n', at - 1) + 1;
  const line = source.slice(lineStart, at);
  if (/^\s*FROM\s+(--\S+\s+)*$/i.test(line) && role !== 'dockerfile')
    return { kind: 'heredoc-from', command: line };
  // A command may start on an earlier line continued with a backslash.
  let command = line;
  for (let back = 0; back < 5; back++) {
    if (DOCKER_COMMAND.test(command)) return { kind: 'shell-docker', command };
    if (TOOL_COMMAND.test(command)) return { kind: 'shell-tool', command };
    if (lineStart === 0) break;
    const previousEnd = lineStart - 1;
    const previousStart = source.lastIndexOf('\n', previousEnd - 1) + 1;
    const previous = source.slice(previousStart, previousEnd).replace(/\r$/, '');
    if (!previous.endsWith('\\')) break;
    command = previous + command;
    lineStart = previousStart;
  }
  return { kind: 'text', command };
}

/**
 * Byte offsets that name packages rather than images: Go import lines (and import blocks), the
 * dependency sections of package.json.
 */
function excludedLines(file: string, source: string): (at: number) => boolean {
  const ranges: [number, number][] = [];
  if (/\.go$/.test(file)) {
    for (const match of source.matchAll(/^import\s*\([^)]*\)|^import\s+(?:[\w.]+\s+)?"[^"\n]*"/gm))
      ranges.push([match.index, match.index + match[0].length]);
  } else if (/(^|\/)package\.json$/.test(file)) {
    for (const match of source.matchAll(
      /"(?:dev|peer|optional|bundle|bundled)?[dD]ependencies"\s*:\s*\{[^}]*\}/g,
    ))
      ranges.push([match.index, match.index + match[0].length]);
  }
  return (at) => ranges.some(([start, end]) => at >= start && at < end);
}

/** For Markdown: whether an offset is inside a fenced code block or an inline code span (not prose). */
function fencedLines(source: string): (at: number) => boolean {
  const ranges: [number, number][] = [];
  for (const match of source.matchAll(/^( {0,3})(```+|~~~+)[^\n]*\n[\s\S]*?(?:^\1?\2[ \t]*$|(?![\s\S]))/gm))
    ranges.push([match.index, match.index + match[0].length]);
  for (const match of source.matchAll(/`[^`\n]+`/g))
    ranges.push([match.index, match.index + match[0].length]);
  return (at) => ranges.some(([start, end]) => at >= start && at < end);
}
