import { readFileSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';

/**
 * The peak resident set (VmHWM, in KiB) of process `pid`, read from /proc every 20 ms until
 * `exited` settles: VmHWM is the peak so far, so the last reading before exit is the run's peak.
 */
export async function peakResidentKiB(pid: number | undefined, exited: Promise<unknown>): Promise<number> {
  let done = false;
  void exited.then(() => (done = true));
  let peakKiB = 0;
  while (!done) {
    try {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      peakKiB = Math.max(peakKiB, Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? 0));
    } catch {
      // exited between the check and the read
    }
    await sleep(20);
  }
  return peakKiB;
}
