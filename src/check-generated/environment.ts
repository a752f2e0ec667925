import type { Manifest } from '../manifest/model.js';

/**
 * Variables that carry credentials in a workflow: the GitHub tokens and the runner's own tokens (the
 * registry credentials the manifest names are added per run). Generators are third-party programs;
 * they get none of these unless their own `env:` in the manifest sets one explicitly.
 */
const CREDENTIAL_VARIABLES = [
  'GITHUB_TOKEN',
  'GH_TOKEN',
  'CUTOVER_MANIFEST_TOKEN',
  'ACTIONS_RUNTIME_TOKEN',
  'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
  'ACTIONS_ID_TOKEN_REQUEST_URL',
];

/** The environment generators run in: the run's, less every credential variable. */
export function withoutCredentials(env: NodeJS.ProcessEnv, manifest: Manifest): NodeJS.ProcessEnv {
  const names = new Set(CREDENTIAL_VARIABLES);
  for (const registry of [manifest.registries.old, manifest.registries.new]) {
    if (registry.credentials?.usernameEnv) names.add(registry.credentials.usernameEnv);
    if (registry.credentials?.passwordEnv) names.add(registry.credentials.passwordEnv);
  }
  return Object.fromEntries(Object.entries(env).filter(([name]) => !names.has(name)));
}
