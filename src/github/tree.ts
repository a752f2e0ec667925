/**
 * A repository's whole tree at a commit, through the git database API: what a tarball leaves out
 * (`export-ignore` in `.gitattributes`) is still in the tree, and each file can be read by its blob.
 */
import type { GitHub } from './octokit.js';

/** One file of the tree: its blob and size in bytes. */
export interface TreeFile {
  sha: string;
  size: number;
}

/** The plain files of a tree (links and submodules are not files), and whether GitHub cut the list. */
export interface TreeFiles {
  files: Map<string, TreeFile>;
  /** GitHub lists at most 100,000 entries (7 MB) at once: a truncated list is not the whole tree. */
  truncated: boolean;
}

/** Every plain file of `repo` at `commit`: one request (`git/trees/{sha}?recursive=1`). */
export async function treeFiles(octokit: GitHub, repo: string, commit: string): Promise<TreeFiles> {
  const [owner, name] = repo.split('/') as [string, string];
  const response = await octokit.request('GET /repos/{owner}/{repo}/git/trees/{tree_sha}', {
    owner,
    repo: name,
    tree_sha: commit,
    recursive: '1',
  });
  const data = response.data as { tree?: unknown; truncated?: unknown };
  if (!Array.isArray(data.tree) || typeof data.truncated !== 'boolean')
    throw new Error(`GitHub answered the tree of ${repo} with something that is not a tree`);
  const files = new Map<string, TreeFile>();
  for (const item of data.tree as {
    path?: unknown;
    type?: unknown;
    mode?: unknown;
    sha?: unknown;
    size?: unknown;
  }[]) {
    // 120000 is a symbolic link, which the census never follows (as the tarball's unpacking).
    if (item.type !== 'blob' || item.mode === '120000') continue;
    if (typeof item.path !== 'string' || typeof item.sha !== 'string' || !/^[0-9a-f]{40,64}$/.test(item.sha))
      throw new Error(
        `GitHub answered the tree of ${repo} with an entry that is not a file: ${JSON.stringify(item).slice(0, 120)}`,
      );
    files.set(item.path, { sha: item.sha, size: typeof item.size === 'number' ? item.size : 0 });
  }
  return { files, truncated: data.truncated };
}

/** The bytes of one blob (`git/blobs/{sha}`, base64 in JSON); checked against the size the tree gave. */
export async function blobBytes(octokit: GitHub, repo: string, file: TreeFile): Promise<Buffer> {
  const [owner, name] = repo.split('/') as [string, string];
  const response = await octokit.request('GET /repos/{owner}/{repo}/git/blobs/{file_sha}', {
    owner,
    repo: name,
    file_sha: file.sha,
  });
  const { content, encoding } = response.data as { content?: unknown; encoding?: unknown };
  if (typeof content !== 'string' || (encoding !== 'base64' && encoding !== 'utf-8'))
    throw new Error(`GitHub answered blob ${file.sha} of ${repo} with something that is not a blob`);
  const bytes = Buffer.from(content, encoding === 'base64' ? 'base64' : 'utf8');
  if (bytes.length !== file.size)
    throw new Error(
      `GitHub answered blob ${file.sha} of ${repo} with ${bytes.length} bytes, not ${file.size}`,
    );
  return bytes;
}
