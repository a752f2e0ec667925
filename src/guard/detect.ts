import type { Candidate, Finding, FindingKind, Hosts } from './finding.js';
import { resolveCandidate } from './finding.js';
import { dockerfileCandidates } from './dockerfile.js';
import { slice } from './source.js';
import { yamlCandidates, type YamlRole } from './yaml.js';

/** How a file is read: by its name (and a shebang for scripts). */
export type FileRole = 'dockerfile' | YamlRole | 'shell' | 'text';

/** The role of a file from its path (relative, `/`-separated) and first bytes. */
export function roleOf(file: string, source: string): FileRole {
  const base = file.slice(file.lastIndexOf('/') + 1);
  if (/^(Dockerfile|Containerfile)([._-].*)?$/i.test(base) || /\.(dockerfile|containerfile)$/i.test(base))
    return 'dockerfile';
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

/**
 * Every reference to the old registry in one file (decoded latin1, so indexes are byte offsets):
 * first what the file's grammar understands (Dockerfile, YAML), then any other place the host is
 * written followed by a path — shell `docker pull/run/tag/push`, `FROM` in heredocs, plain text.
 */
export function findReferences(
  file: string,
  source: string,
  hosts: Hosts,
): Omit<Finding, 'line' | 'column' | 'severity'>[] {
  const role = roleOf(file, source);
  const structured: Candidate[] =
    role === 'dockerfile'
      ? dockerfileCandidates(source)
      : role === 'text' || role === 'shell'
        ? []
        : yamlCandidates(source, role, hosts.oldNames);
  const findings: Omit<Finding, 'line' | 'column' | 'severity'>[] = [];
  const covered = new Set<number>();
  for (const candidate of structured) {
    const finding = resolveCandidate(candidate, hosts, file);
    if (!finding) continue;
    findings.push(finding);
    for (const edit of finding.edits) covered.add(edit.start);
    const hostAt = candidate.value.offsets[candidate.value.text.startsWith('docker://') ? 9 : 0];
    if (hostAt !== undefined && hostAt >= 0) covered.add(hostAt);
  }
  for (const name of hosts.oldNames) {
    let at = source.indexOf(name);
    while (at >= 0) {
      if (!covered.has(at)) {
        const candidate = textCandidate(source, at, name, role);
        const finding = candidate && resolveCandidate(candidate, hosts, file);
        if (finding) findings.push(finding);
      }
      at = source.indexOf(name, at + name.length);
    }
  }
  return findings.sort((a, b) => a.offset - b.offset);
}

/** The reference-shaped word starting at a host occurrence, if the host is a whole host there. */
function textCandidate(source: string, at: number, name: string, role: FileRole): Candidate | undefined {
  const before = source[at - 1];
  if (before !== undefined && HOST_CHAR.test(before)) return undefined;
  if (before === '/' && source[at - 2] !== '/') return undefined;
  if (/https?:\/\/$/i.test(source.slice(Math.max(0, at - 8), at))) return undefined;
  if (source[at + name.length] !== '/') return undefined;
  let end = at + name.length;
  while (end < source.length && REFERENCE_CHAR.test(source[end]!)) end++;
  while (end > at && /[.:@/-]/.test(source[end - 1]!)) end--;
  const value = slice(source, at, end);
  return { kind: lineKind(source, at, role), at, written: value.text, value, partial: false };
}

/** Shell commands and heredoc `FROM` lines get their own kind; anything else is text. */
function lineKind(source: string, at: number, role: FileRole): FindingKind {
  let lineStart = source.lastIndexOf('\n', at - 1) + 1;
  const line = source.slice(lineStart, at);
  if (/^\s*FROM\s+(--\S+\s+)*$/i.test(line) && role !== 'dockerfile') return 'heredoc-from';
  // A docker command may start on an earlier line continued with a backslash.
  let command = line;
  for (let back = 0; back < 5 && lineStart > 0; back++) {
    if (DOCKER_COMMAND.test(command)) return 'shell-docker';
    const previousEnd = lineStart - 1;
    const previousStart = source.lastIndexOf('\n', previousEnd - 1) + 1;
    const previous = source.slice(previousStart, previousEnd).replace(/\r$/, '');
    if (!previous.endsWith('\\')) break;
    command = previous + command;
    lineStart = previousStart;
  }
  return DOCKER_COMMAND.test(command) ? 'shell-docker' : 'text';
}
