/**
 * The starter workflow a repository gets (by `cutover rollout`, or from the organisation's
 * `.github/workflow-templates`): one job calling the reusable cutover workflow.
 */

/** Where the reusable workflow lives; an organisation that forks cutover passes its own with --uses. */
export const DEFAULT_REUSABLE_WORKFLOW = 'cutover/cutover/.github/workflows/cutover.yml@v1';

/** Where rollout writes the starter workflow in each repository. */
export const DEFAULT_WORKFLOW_PATH = '.github/workflows/cutover.yml';

export interface StarterOptions {
  /** The branch pushes run on; `$default-branch` in a workflow template. */
  branch: string;
  /** Images the repository produces (old-registry paths): one matrix job each; none skips build and push. */
  images: string[];
  /** A central manifest (`owner/repo:path@ref`); absent: the repository's own cutover.yml. */
  manifest?: string;
  /** The reusable workflow reference. */
  uses: string;
}

/** YAML single-quoted scalar: safe for any text in a workflow file. */
function quote(text: string): string {
  return `'${text.replace(/'/g, "''")}'`;
}

/** The registry secrets the reusable workflow takes; only its push step sees them. */
export const REGISTRY_SECRETS = [
  'OLD_REGISTRY_USER',
  'OLD_REGISTRY_PASSWORD',
  'NEW_REGISTRY_USER',
  'NEW_REGISTRY_PASSWORD',
];

/** The organisation secret the starter passes as `manifest-token` when the manifest is central. */
export const MANIFEST_TOKEN_SECRET = 'CUTOVER_MANIFEST_TOKEN';

/**
 * The starter workflow's text. Safe to roll out to every repository:
 * - pull requests (forks included) build and run guard and check-generated but never push, and get
 *   no registry secret: the secrets are passed only for pushes to the default branch, tags and
 *   manual runs (the reusable workflow gives them to its push step alone);
 * - no `secrets: inherit`: the called workflow gets the registry secrets and, for a central
 *   manifest, `manifest-token` (github.token cannot read another private repository), nothing else.
 */
export function starterWorkflow(options: StarterOptions): string {
  const lines = [
    '# cutover: build and push during the registry migration, flag references to the old registry,',
    '# and keep generated code current. From cutover (rollout or the organisation templates); edit freely.',
    '# Pull requests build and check but never push; pushes to the default branch, tags and manual runs push.',
    'name: cutover',
    'on:',
    '  push:',
    `    branches: [${quote(options.branch)}]`,
    "    tags: ['*']",
    '  pull_request:',
    '  workflow_dispatch:',
    'permissions:',
    '  contents: read',
    'jobs:',
    '  cutover:',
  ];
  if (options.images.length > 1) {
    lines.push(
      '    strategy:',
      '      fail-fast: false',
      '      matrix:',
      '        # One job per image; set context/dockerfile where an image is not built from the root.',
      `        repository: [${options.images.map(quote).join(', ')}]`,
    );
  }
  lines.push(`    uses: ${options.uses}`);
  const inputs: string[] = [];
  if (options.manifest !== undefined) inputs.push(`      manifest: ${quote(options.manifest)}`);
  if (options.images.length === 1) inputs.push(`      repository: ${quote(options.images[0]!)}`);
  if (options.images.length > 1) inputs.push('      repository: ${{ matrix.repository }}');
  if (inputs.length > 0) lines.push('    with:', ...inputs);
  else
    lines.push(
      '    # with:',
      '    #   repository: team/app  # the image this repository pushes, as a path in the old registry',
    );
  lines.push(
    '    secrets:',
    '      # Registry credentials only where a push can happen: never on pull requests.',
    ...REGISTRY_SECRETS.map(
      (name) => `      ${name}: \${{ github.event_name != 'pull_request' && secrets.${name} || '' }}`,
    ),
  );
  if (options.manifest !== undefined)
    lines.push(
      '      # github.token reads only this repository: the central manifest needs a token that can read',
      '      # its repository, e.g. a GitHub App installation token (actions/create-github-app-token).',
      `      manifest-token: \${{ secrets.${MANIFEST_TOKEN_SECRET} }}`,
    );
  return `${lines.join('\n')}\n`;
}

/** The organisation template's `.properties.json` beside workflows/cutover.yml. */
export const STARTER_PROPERTIES = {
  name: 'cutover registry migration',
  description:
    'Build and push to the old and new container registries on the migration timeline, flag references to the old registry, and keep generated code current.',
  categories: ['Deployment', 'Containers'],
  filePatterns: ['^Dockerfile$', '^cutover\\.ya?ml$'],
};
