/**
 * Image arguments of container command lines in scripts, Makefiles and workflow `run:` blocks:
 * `docker|podman|nerdctl [image|container] pull|run|create [options] IMAGE`. The image is the first
 * argument that is not an option (or an option's value), so it is certain even without a registry
 * host — which is what finds `docker run redis:7` when the old registry is Docker Hub.
 */
import type { Candidate } from './finding.js';
import { words } from './dockerfile.js';
import { expand, slice, unquote } from './source.js';

const COMMAND =
  /(?:^|[\s;&|(`])(?:sudo\s+)?(docker|podman|nerdctl)\s+(?:image\s+|container\s+)?(pull|run|create)\b/g;

/** Options of `run`/`create`/`pull` that take a value as the next word. */
const WITH_VALUE = new Set(
  [
    'a attach add-host annotation blkio-weight cap-add cap-drop cgroup-parent cgroupns cidfile cpu-period',
    'cpu-quota cpu-shares cpus cpuset-cpus cpuset-mems c device device-cgroup-rule dns dns-option',
    'dns-search domainname entrypoint e env env-file expose gpus group-add health-cmd health-interval',
    'health-retries health-start-period health-timeout h hostname ip ip6 ipc isolation kernel-memory',
    'l label label-file link log-driver log-opt mac-address m memory memory-reservation memory-swap',
    'mount name network net network-alias platform p publish pull restart runtime security-opt',
    'shm-size stop-signal stop-timeout storage-opt sysctl tmpfs ulimit u user userns uts v volume',
    'volume-driver volumes-from w workdir pid pids-limit',
  ]
    .join(' ')
    .split(' '),
);

/** The image argument of every container command line in a file. */
export function commandCandidates(source: string): Candidate[] {
  const candidates: Candidate[] = [];
  for (const match of source.matchAll(COMMAND)) {
    const argsStart = match.index + match[0].length;
    // The arguments run to the end of the line, continued lines included.
    let end = argsStart;
    for (;;) {
      const newline = source.indexOf('\n', end);
      if (newline < 0) {
        end = source.length;
        break;
      }
      const line = source.slice(end, newline).replace(/\r$/, '');
      if (!line.endsWith('\\')) {
        end = newline;
        break;
      }
      end = newline + 1;
    }
    let skipNext = false;
    for (const word of words(slice(source, argsStart, end))) {
      const text = word.text;
      if (text === '\\') continue;
      if (/^[;&|)#`]/.test(text)) break;
      if (text.startsWith('-')) {
        const name = text.replace(/^-+/, '');
        if (!name.includes('=') && WITH_VALUE.has(name)) skipNext = true;
        continue;
      }
      if (skipNext) {
        skipNext = false;
        continue;
      }
      const value = unquote(word);
      const expanded = expand(value);
      candidates.push({
        kind: 'shell-docker',
        at: value.offsets[0] ?? argsStart,
        written: value.text,
        value: expanded.value,
        partial: expanded.partial,
        certain: true,
      });
      break;
    }
  }
  return candidates;
}
