import { rmSync } from 'node:fs';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { onInterrupt, processExists } from '../shared/process.js';

/**
 * Scratch directories are named `cutover-generated-<pid>@<host>-<random>`, so leftovers can be told
 * apart: only this host's (a temp folder may be shared between containers, whose process ids are
 * not ours) whose process is gone.
 */
const PREFIX = 'cutover-generated-';
const HOST =
  os
    .hostname()
    .replace(/[^A-Za-z0-9.-]/g, '_')
    .slice(0, 64) || 'host';

/** A directory that holds one check's scratch copies, removed however the check ends. */
export interface ScratchRoot {
  dir: string;
  /** Removes the directory (and stops guarding it against signals). */
  remove(): Promise<void>;
}

/**
 * Creates the scratch root for one check in `base`. It is removed by `remove()`, or if cutover is
 * stopped by SIGINT/SIGTERM; a root left behind by a run that was killed outright (SIGKILL, a lost
 * runner) is removed by the next run, which sees that the process named in it is gone.
 */
export async function createScratchRoot(base: string): Promise<ScratchRoot> {
  await removeLeftovers(base);
  const dir = await mkdtemp(path.join(base, `${PREFIX}${process.pid}@${HOST}-`));
  const removeNow = () => rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  const unregister = onInterrupt(removeNow);
  return {
    dir,
    async remove() {
      // Still guarded while it is being removed: a signal now finishes the job synchronously.
      await rm(dir, { recursive: true, force: true, maxRetries: 2 }).catch(() => undefined);
      unregister();
    },
  };
}

/** Removes scratch roots in `base` whose process no longer exists. */
async function removeLeftovers(base: string): Promise<void> {
  const names = await readdir(base).catch(() => [] as string[]);
  await Promise.all(
    names.map(async (name) => {
      const owner = /^cutover-generated-(\d+)@(.+)-[^-]+$/.exec(name);
      if (!owner || owner[2] !== HOST || processExists(Number(owner[1]))) return;
      // Another user's leftovers (EACCES) are theirs to remove.
      await rm(path.join(base, name), { recursive: true, force: true }).catch(() => undefined);
    }),
  );
}
