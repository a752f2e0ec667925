import type * as ActionsCore from '@actions/core';

let loaded: typeof ActionsCore | undefined;

/**
 * Loads @actions/core the first time a run may talk to the Actions runner. It brings its HTTP
 * client (undici), about half of the bundle: the CLI outside a workflow never needs it, and not
 * evaluating it at every start keeps commands such as `guard` quick.
 */
export async function loadActionsCore(): Promise<typeof ActionsCore> {
  return (loaded ??= await import('@actions/core'));
}

/** @actions/core once loaded; main() loads it before any run in a workflow. Undefined otherwise. */
export function actionsCore(): typeof ActionsCore | undefined {
  return loaded;
}

/** @actions/core for code that runs only after main() has loaded it (the action front door). */
export function requireActionsCore(): typeof ActionsCore {
  if (!loaded) throw new Error('internal error: @actions/core used before loadActionsCore()');
  return loaded;
}
