import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { cpSync, lstatSync, mkdtempSync, readdirSync, readFileSync, readlinkSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from './cli.js';

/** Templates of the repositories the check-generated tests build. */
export const GENERATED_FIXTURES = path.join(ROOT, 'test/fixtures/generated');

const scratch: string[] = [];

/** A temp directory removed by {@link removeTempDirs}. */
export function tempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  scratch.push(dir);
  return dir;
}

/** Removes every temp directory made by {@link tempDir} (Go's module cache is read-only: chmod first). */
export function removeTempDirs(): void {
  for (const dir of scratch.splice(0)) {
    execFileSync('chmod', ['-R', 'u+w', dir]);
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Go without network or shared state: modules only, no proxy, caches in temp directories. */
export function goEnv(): NodeJS.ProcessEnv {
  const home = tempDir('cutover-go-');
  return {
    GOPROXY: 'off',
    GOFLAGS: '-mod=mod',
    GO111MODULE: 'on',
    GOCACHE: path.join(home, 'cache'),
    GOPATH: path.join(home, 'gopath'),
    GOTOOLCHAIN: 'local',
  };
}

/** Runs git in `dir` (as a fixed author, ignoring the machine's config) and returns its output. */
export function git(dir: string, ...args: string[]): string {
  return execFileSync('git', ['-c', 'user.name=fixture', '-c', 'user.email=fixture@example.com', ...args], {
    cwd: dir,
    encoding: 'utf8',
    stdio: ['pipe', 'pipe', 'pipe'],
    env: { ...process.env, GIT_CONFIG_GLOBAL: '/dev/null', GIT_CONFIG_NOSYSTEM: '1' },
  });
}

/** Runs a shell command in `dir` with `env` added (for generating a fixture's committed files). */
export function sh(dir: string, command: string, env: NodeJS.ProcessEnv = {}): string {
  return execFileSync('sh', ['-c', command], { cwd: dir, encoding: 'utf8', env: { ...process.env, ...env } });
}

/**
 * Builds a fixture repository from a template in a temp directory: copies it, runs `generate` (the
 * real generators, so the committed files are what today's tools write), then `git init` and commits.
 */
export function fixtureRepo(template: string, generate: string, env: NodeJS.ProcessEnv = {}): string {
  const dir = tempDir(`cutover-${template}-`);
  cpSync(path.join(GENERATED_FIXTURES, template), dir, { recursive: true });
  if (generate) sh(dir, generate, env);
  git(dir, 'init', '-q', '-b', 'main');
  git(dir, 'add', '-A');
  git(dir, 'commit', '-q', '-m', 'fixture');
  return dir;
}

/**
 * Every file under `dir` — tracked, untracked, ignored and .git alike — with its type, mode and a
 * hash of its content: two equal snapshots mean the tree is byte-identical.
 */
export function snapshot(dir: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (relative: string) => {
    for (const name of readdirSync(path.join(dir, relative))) {
      const file = path.join(relative, name);
      const stat = lstatSync(path.join(dir, file));
      if (stat.isDirectory()) {
        files.set(`${file}/`, `dir ${(stat.mode & 0o7777).toString(8)}`);
        walk(file);
      } else if (stat.isSymbolicLink()) files.set(file, `link ${readlinkSync(path.join(dir, file))}`);
      else {
        const hash = createHash('sha256')
          .update(readFileSync(path.join(dir, file)))
          .digest('hex');
        files.set(file, `file ${(stat.mode & 0o7777).toString(8)} ${hash}`);
      }
    }
  };
  walk('');
  return files;
}

/** The paths whose snapshot entry differs between `before` and `after` (added, removed or changed). */
export function changedPaths(before: Map<string, string>, after: Map<string, string>): string[] {
  const paths = new Set([...before.keys(), ...after.keys()]);
  return [...paths].filter((file) => before.get(file) !== after.get(file)).sort();
}
