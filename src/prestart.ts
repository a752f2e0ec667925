import path from 'node:path';
import { listFilesEarly } from './scan/files.js';
import { startReadersEarly } from './scan/readers.js';

/**
 * Work worth starting before the bulk of the bundle (zod, yaml, the manifest) is loaded, which takes
 * a few hundred milliseconds. `guard` boots its reader threads (about 100 ms each) and asks git for
 * the file list (a directory walk) meanwhile. Both are guesses that cost nothing when wrong: the
 * threads do not keep the process alive, and a listing of another directory than the one the
 * parsed options name is ignored. Only node built-ins are imported here.
 */
export function prestart(args: readonly string[], env: NodeJS.ProcessEnv, cwd = process.cwd()): void {
  const action = env['GITHUB_ACTIONS'] === 'true';
  const command = args[0] ?? (action ? (env['INPUT_COMMAND'] ?? '').trim() : undefined);
  if (command !== 'guard' || args.includes('--help') || args.includes('-h')) return;
  startReadersEarly();
  const scanned =
    args.length > 1 ? flagValue(args, '--path') : action ? env['INPUT_PATH']?.trim() : undefined;
  listFilesEarly(path.resolve(cwd, scanned || '.'));
}

/** The value of `--name value` or `--name=value`, as the option parser reads it. */
function flagValue(args: readonly string[], name: string): string | undefined {
  for (let index = 0; index < args.length; index++) {
    const arg = args[index]!;
    if (arg === name) return args[index + 1];
    if (arg.startsWith(`${name}=`)) return arg.slice(name.length + 1);
  }
  return undefined;
}
