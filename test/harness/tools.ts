import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Debian packages that provide each external tool the tests use. */
export const TOOL_PACKAGES: Record<string, string> = {
  'docker-registry': 'docker-registry',
  dockerd: 'docker.io',
  docker: 'docker.io',
  skopeo: 'skopeo',
  go: 'golang-go',
  gofmt: 'golang-go',
  mockgen: 'mockgen',
  'go-bindata': 'go-bindata',
  htpasswd: 'apache2-utils',
  git: 'git',
  rg: 'ripgrep',
  openssl: 'openssl',
  curl: 'curl',
  runc: 'runc',
  jq: 'jq',
};

/**
 * The tools built from Go modules by scripts/install-go-tools.sh into the repository's .tools/bin
 * (pinned there); the value says what each is.
 */
export const GO_TOOLS: Record<string, string> = {
  crane: 'go-containerregistry crane',
  regctl: 'regclient regctl',
  regsync: 'regclient regsync',
  oras: 'oras',
  actionlint: 'actionlint',
  buildctl: 'BuildKit buildctl',
  buildkitd: 'BuildKit buildkitd',
  'referrers-registry': 'the harness registry with the OCI referrers API (test/harness/referrers-registry)',
  'sbom-scanner': "the harness's SBOM generator for BuildKit (test/harness/sbom-scanner)",
};

/**
 * The repository's root: this file is test/harness/tools.ts, or lib/test/harness/tools.js once
 * compiled (lib/ holds a copy of package.json, so the walk looks for the install script instead).
 */
function repositoryRoot(): string {
  let dir = path.dirname(fileURLToPath(import.meta.url));
  while (!existsSync(path.join(dir, 'scripts', 'install-go-tools.sh')) && path.dirname(dir) !== dir)
    dir = path.dirname(dir);
  return dir;
}

/** Where scripts/install-go-tools.sh puts the Go tools. */
export const GO_TOOLS_BIN = path.join(repositoryRoot(), '.tools', 'bin');

/**
 * The absolute path of a tool the tests need. A missing tool fails loudly with the command that
 * installs it; it never turns into a skipped test.
 */
export function requireTool(name: string): string {
  if (name in GO_TOOLS) {
    const built = path.join(GO_TOOLS_BIN, name);
    if (existsSync(built)) return built;
    throw new Error(
      `required test tool "${name}" (${GO_TOOLS[name]}) is not built: run \`bash scripts/install-go-tools.sh ${name}\` (it builds the pinned version from the Go module proxy into .tools/bin), or the README's test command (bash scripts/test.sh), which installs everything`,
    );
  }
  try {
    return execFileSync('sh', ['-c', 'command -v "$1"', 'sh', name], { encoding: 'utf8' }).trim();
  } catch {
    const pkg = TOOL_PACKAGES[name] ?? name;
    throw new Error(
      `required test tool "${name}" is not installed: run \`apt-get update && apt-get install -y ${pkg}\` as root, or run the README's test command (bash scripts/test.sh), which installs everything`,
    );
  }
}
