import { spawnSync } from 'node:child_process';
import os from 'node:os';

/**
 * Running a third-party program (a generator) where it cannot read cutover's secrets.
 *
 * Removing variables from the environment it is given is not enough: on Linux any process may read
 * `/proc/PID/environ` of every process of the same user — the environment that process STARTED
 * with, which nothing done later in it changes — so a generator could read its parent's (cutover's)
 * and every ancestor's (the runner step's shell) tokens. The program therefore runs in its own PID
 * namespace with its own `/proc` (util-linux `unshare --pid --fork --mount-proc`): it sees its own
 * processes only; no ancestor exists for it. It also holds no capability that could undo this:
 *
 * - as root, `setpriv` clears the capability bounding set (and sets no-new-privs) before the
 *   program starts, so it cannot unmount that `/proc` or mount the host's;
 * - as any other user, the namespaces are made in a new user namespace mapping the user to
 *   itself (`--map-current-user`): a program started there by a non-root user has no capability.
 */

/** How a program is started inside the isolation, or why it cannot be. */
export type Isolation = { file: string; args: string[] } | { unavailable: string };

let probed: { prefix: string[] } | { unavailable: string } | undefined;

/** The command prefix that isolates a program on this machine (probed once per run). */
function prefix(): { prefix: string[] } | { unavailable: string } {
  if (probed) return probed;
  if (process.platform !== 'linux') return (probed = { unavailable: `not on Linux (${process.platform})` });
  const root = os.userInfo().uid === 0;
  const namespaces = ['--pid', '--fork', '--mount-proc', '--kill-child'];
  const candidate = root
    ? [
        'unshare',
        ...namespaces,
        '--',
        'setpriv',
        '--bounding-set=-all',
        '--inh-caps=-all',
        '--no-new-privs',
        '--',
      ]
    : ['unshare', '--user', '--map-current-user', ...namespaces, '--'];
  // The probe proves the whole chain: a new /proc in which this shell is process 1, with no parent.
  const probe = spawnSync(candidate[0]!, [...candidate.slice(1), 'sh', '-c', 'echo "$$ $PPID"'], {
    encoding: 'utf8',
    timeout: 10_000,
  });
  if (probe.error)
    probed = {
      unavailable: `${candidate[0]} cannot be started (${(probe.error as NodeJS.ErrnoException).code})`,
    };
  else if (probe.status !== 0 || probe.stdout.trim() !== '1 0')
    probed = {
      unavailable: `${candidate.slice(0, -1).join(' ')} failed (exit ${probe.status}): ${probe.stderr.trim().split('\n').pop() ?? ''}`,
    };
  else probed = { prefix: candidate };
  return probed;
}

/** `file args` wrapped so that it runs isolated, or the reason this machine cannot isolate it. */
export function isolated(file: string, args: string[]): Isolation {
  const found = prefix();
  if ('unavailable' in found) return found;
  return { file: found.prefix[0]!, args: [...found.prefix.slice(1), file, ...args] };
}
