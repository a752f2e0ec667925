import type { Command } from './types.js';
import { checkGeneratedCommand } from './check-generated.js';
import { copyTags } from './copy-tags.js';
import { guard } from './guard.js';
import { push } from './push.js';
import { validate } from './validate.js';

/** Every command, in the order `--help` lists them. Adding a command: its file, one line here, its action folder. */
export const COMMANDS: Command[] = [validate, copyTags, push, guard, checkGeneratedCommand];

/** The command named `name`, if there is one. */
export function findCommand(name: string): Command | undefined {
  return COMMANDS.find((command) => command.name === name);
}
