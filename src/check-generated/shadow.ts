import { copyFile, mkdir } from 'node:fs/promises';
import path from 'node:path';
import { git, splitNul } from '../shared/process.js';
import type { Repository } from './repository.js';

/**
 * An empty git directory that lets git look at a scratch copy (`--git-dir … --work-tree …`) the way
 * it looks at the developer's tree: the same ignore rules (the copied .gitignore files, info/exclude,
 * core.excludesFile) and the same line-ending rules (.gitattributes, core.autocrlf, core.eol).
 * It never has an index, so every non-ignored file of a copy is listed as untracked.
 */
export class ShadowGit {
  private constructor(
    private readonly gitDir: string,
    private readonly configArgs: string[],
  ) {}

  /** Creates the shadow git directory inside `parent`. */
  static async create(repo: Repository, parent: string): Promise<ShadowGit> {
    const gitDir = path.join(parent, 'shadow.git');
    // No templates: no hooks or sample files, just the minimum git needs.
    await git(['init', '-q', '--template=', '--bare', gitDir], parent);
    await mkdir(path.join(gitDir, 'info'), { recursive: true });
    try {
      await copyFile(repo.infoExclude, path.join(gitDir, 'info', 'exclude'));
    } catch {
      // No info/exclude in the developer's repository: nothing to honour.
    }
    return new ShadowGit(gitDir, repo.view.configArgs);
  }

  private args(workTree: string, rest: string[]): string[] {
    return [
      ...this.configArgs,
      '-c',
      'core.bare=false',
      `--git-dir=${this.gitDir}`,
      `--work-tree=${workTree}`,
      ...rest,
    ];
  }

  /** Every file git would see in `workTree` (everything not ignored), repository-relative. */
  async listFiles(workTree: string): Promise<string[]> {
    return splitNul(
      await git(this.args(workTree, ['ls-files', '-z', '--others', '--exclude-standard']), workTree),
    );
  }

  /** The blob ids git would store for `files` of `workTree` (after line-ending normalisation). */
  async hashFiles(workTree: string, files: string[]): Promise<string[]> {
    if (files.length === 0) return [];
    const output = await git(
      this.args(workTree, ['hash-object', '--stdin-paths']),
      workTree,
      `${files.join('\n')}\n`,
    );
    return output.toString('utf8').trim().split('\n');
  }
}

/** The blob ids git stores for `files` of the developer's own tree, with its own attributes. */
export async function hashRepositoryFiles(top: string, files: string[]): Promise<string[]> {
  if (files.length === 0) return [];
  const output = await git(['hash-object', '--stdin-paths'], top, `${files.join('\n')}\n`);
  return output.toString('utf8').trim().split('\n');
}
