import type { Command } from './types.js';

/**
 * Every command, in the order `--help` lists them, each loaded only when it runs (a separate chunk in
 * dist/): a command's dependencies (the Docker client, Octokit...) then cost the others nothing at
 * start-up. Adding a command: its file, one line here, its action folder.
 */
const LOADERS: [name: string, load: () => Promise<Command>][] = [
  ['validate', async () => (await import('./validate.js')).validate],
  ['copy-tags', async () => (await import('./copy-tags.js')).copyTags],
  ['push', async () => (await import('./push.js')).push],
  ['guard', async () => (await import('./guard.js')).guard],
  ['check-generated', async () => (await import('./check-generated.js')).checkGeneratedCommand],
  ['plan', async () => (await import('./plan.js')).plan],
  ['status', async () => (await import('./status.js')).status],
  ['rollout', async () => (await import('./rollout.js')).rollout],
];

/** The command names, without loading any command. */
export const COMMAND_NAMES: readonly string[] = LOADERS.map(([name]) => name);

/** The command named `name`, loaded, if there is one. */
export async function findCommand(name: string): Promise<Command | undefined> {
  return LOADERS.find(([candidate]) => candidate === name)?.[1]();
}

/** Every command, loaded (for `--help`, the action generator and tests). */
export async function loadCommands(): Promise<Command[]> {
  // One after the other: Jest's ESM loader fails on concurrent imports of a shared module.
  const commands: Command[] = [];
  for (const [, load] of LOADERS) commands.push(await load());
  return commands;
}
