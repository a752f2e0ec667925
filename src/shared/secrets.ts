import { actionsCore } from '../cli/actions-core.js';

const secrets = new Set<string>();

/**
 * Registers a credential so that nothing we print can show it: GitHub masks it in the log
 * (`::add-mask::`, sent before the value is used anywhere) and our own output redacts it too.
 */
export function maskSecret(value: string | undefined): void {
  if (!value || secrets.has(value)) return;
  secrets.add(value);
  if (process.env['GITHUB_ACTIONS'] !== 'true') return;
  // In the CLI, stdout may carry --json; the runner reads workflow commands from stderr as well.
  if (process.env['CUTOVER_FRONT_DOOR'] === 'cli') process.stderr.write(`::add-mask::${value}\n`);
  else {
    // main() loads @actions/core in a workflow; code run without it (a test, a library use) still masks.
    const core = actionsCore();
    if (core) core.setSecret(value);
    else
      process.stdout.write(
        `::add-mask::${value.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}\n`,
      );
  }
}

/** Replaces every registered credential in `text` with `***`. */
export function redact(text: string): string {
  let out = text;
  for (const secret of secrets) out = out.split(secret).join('***');
  return out;
}
