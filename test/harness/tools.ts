import { execFileSync } from 'node:child_process';

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
};

/**
 * The absolute path of a tool the tests need. A missing tool fails loudly with the command that
 * installs it; it never turns into a skipped test.
 */
export function requireTool(name: string): string {
  try {
    return execFileSync('sh', ['-c', 'command -v "$1"', 'sh', name], { encoding: 'utf8' }).trim();
  } catch {
    const pkg = TOOL_PACKAGES[name] ?? name;
    throw new Error(
      `required test tool "${name}" is not installed: run \`apt-get update && apt-get install -y ${pkg}\` as root, or run the README's test command (bash scripts/test.sh), which installs everything`,
    );
  }
}
