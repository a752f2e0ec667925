import type { GitHub as Octokit } from './octokit.js';
import { UsageError } from '../shared/errors.js';

/** Where the dashboard lives: an issue by number, or by title (created on the first run). */
export type DashboardTarget =
  { owner: string; repo: string; number: number } | { owner: string; repo: string; title: string };

/** GitHub refuses issue bodies longer than this. */
export const ISSUE_BODY_LIMIT = 65_536;

/** Marks the issues cutover keeps, so a person can tell it is generated. */
export const DASHBOARD_MARKER =
  '<!-- cutover:dashboard — this body is rewritten by `cutover status --dashboard` -->';

/**
 * Parses `--dashboard`: `owner/repo#N`, `owner/repo:Title`, `#N` or a bare title (both in
 * GITHUB_REPOSITORY).
 * @throws UsageError naming what was expected
 */
export function parseDashboardTarget(spec: string, env: NodeJS.ProcessEnv): DashboardTarget {
  const text = spec.trim();
  const numbered = /^(?:([\w.-]+)\/([\w.-]+))?#(\d+)$/.exec(text);
  const titled = /^([\w.-]+)\/([\w.-]+):(.+)$/.exec(text);
  const here = () => {
    const repository = env['GITHUB_REPOSITORY'];
    const match = repository ? /^([\w.-]+)\/([\w.-]+)$/.exec(repository) : null;
    if (!match)
      throw new UsageError(
        `--dashboard ${JSON.stringify(spec)}: name the repository (owner/repo#N or owner/repo:Title); GITHUB_REPOSITORY is not set`,
      );
    return { owner: match[1]!, repo: match[2]! };
  };
  if (numbered) {
    const where = numbered[1] ? { owner: numbered[1], repo: numbered[2]! } : here();
    return { ...where, number: Number(numbered[3]) };
  }
  if (titled) return { owner: titled[1]!, repo: titled[2]!, title: titled[3]!.trim() };
  if (!text) throw new UsageError('--dashboard: expected owner/repo#N, owner/repo:Title or a title');
  return { ...here(), title: text };
}

/** The body as it is written: the marker, the dashboard, cut to GitHub's limit if it must be. */
export function dashboardBody(markdown: string): string {
  const body = `${DASHBOARD_MARKER}\n\n${markdown}`;
  if (body.length <= ISSUE_BODY_LIMIT) return body;
  const note = '\n\n… (cut to GitHub’s issue size limit; the job summary has everything)';
  const budget = ISSUE_BODY_LIMIT - note.length;
  let room = budget;
  for (;;) {
    // Cut at a line's end (one within the last 4 kB), so no tag, table row or link is left half-written.
    let cut = body.slice(0, room);
    const lineEnd = cut.lastIndexOf('\n');
    if (lineEnd >= cut.length - 4096) cut = cut.slice(0, lineEnd + 1);
    // Never leave half a diagram (it would not render) or an open <details> (it would hide the note).
    const fence = cut.lastIndexOf('```mermaid');
    if (fence >= 0 && cut.indexOf('\n```', fence + 10) < 0) cut = cut.slice(0, fence);
    const open = (cut.match(/<details[ >]/g) ?? []).length - (cut.match(/<\/details>/g) ?? []).length;
    const closing = '\n\n</details>'.repeat(Math.max(0, open));
    if (cut.length + closing.length <= budget) return cut + closing + note;
    room = Math.min(room - 1, budget - closing.length);
  }
}

/** What happened to the dashboard issue. */
export interface DashboardUpdate {
  number: number;
  url: string;
  action: 'created' | 'updated' | 'unchanged';
}

/**
 * Writes the dashboard into the issue: by number it updates that issue; by title it looks
 * through the open issues for that exact title first and creates the issue only when none has it.
 * An unchanged body is left alone, so watchers are not notified for nothing.
 */
export async function updateDashboard(
  octokit: Octokit,
  target: DashboardTarget,
  markdown: string,
): Promise<DashboardUpdate> {
  const body = dashboardBody(markdown);
  const { owner, repo } = target;
  let existing: { number: number; html_url: string; body?: string | null } | undefined;
  if ('number' in target) {
    existing = (await octokit.rest.issues.get({ owner, repo, issue_number: target.number })).data;
  } else {
    for await (const page of octokit.paginate.iterator(octokit.rest.issues.listForRepo, {
      owner,
      repo,
      state: 'open',
      per_page: 100,
    })) {
      existing = page.data.find((issue) => issue.title === target.title && !issue.pull_request);
      if (existing) break;
    }
    if (!existing) {
      const created = await octokit.rest.issues.create({ owner, repo, title: target.title, body });
      return { number: created.data.number, url: created.data.html_url, action: 'created' };
    }
  }
  if (existing.body === body) return { number: existing.number, url: existing.html_url, action: 'unchanged' };
  const updated = await octokit.rest.issues.update({ owner, repo, issue_number: existing.number, body });
  return { number: updated.data.number, url: updated.data.html_url, action: 'updated' };
}
