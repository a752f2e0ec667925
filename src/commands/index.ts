import type { Command } from './types.js';
import { checkGeneratedCommand } from './check-generated.js';
import { copyTags } from './copy-tags.js';
import { guard } from './guard.js';
import { plan } from './plan.js';
import { push } from './push.js';
import { rollout } from './rollout.js';
import { status } from './status.js';
import { validate } from './validate.js';

/** Every command, in the order `--help` lists them. Adding a command: its file, one line here, its action folder. */
export const COMMANDS: Command[] = [
  validate,
  copyTags,
  push,
  guard,
  checkGeneratedCommand,
  plan,
  status,
  rollout,
];

/** The command named `name`, if there is one. */
export function findCommand(name: string): Command | undefined {
  return COMMANDS.find((command) => command.name === name);
}
