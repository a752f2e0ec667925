import type { Command } from './command.js';

/**
 * Every command, in the order `--help` lists them, each loaded only when it runs (a separate chunk in
 * dist/): a command's dependencies (the Docker client, Octokit...) then cost the others nothing at
 * start-up. Adding a command: its file, one line here, its action folder.
 */
const LOADERS: [name: string, load: () => Promise<Command>][] = [
  ['validate', async () => (await import('../validate/command.js')).validate],
  ['copy-tags', async () => (await import('../copy/command.js')).copyTags],
  ['push', async () => (await import('../push/command.js')).push],
  ['tags', async () => (await import('../tags/command.js')).tags],
  ['verify', async () => (await import('../verify/command.js')).verify],
  ['guard', async () => (await import('../guard/command.js')).guard],
  ['check-generated', async () => (await import('../check-generated/command.js')).checkGeneratedCommand],
  ['plan', async () => (await import('../plan/command.js')).plan],
  ['status', async () => (await import('../status/command.js')).status],
  ['pulls', async () => (await import('../pulls/command.js')).pulls],
  ['rollout', async () => (await import('../rollout/command.js')).rollout],
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
