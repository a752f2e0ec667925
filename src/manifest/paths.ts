import type { PathRule } from './schema.js';

function globToRegExp(glob: string): RegExp {
  const body = glob
    .split('*')
    .map((part) => part.replace(/[.+?^${}()|[\]\\]/g, '\\$&'))
    .join('(.*)');
  return new RegExp(`^${body}$`);
}

/**
 * The new registry's repository path for an old one: the first `paths` rule whose `from`
 * matches wins, each `*` in `to` taking the next capture; no match keeps the path.
 */
export function mapRepository(oldPath: string, rules: readonly PathRule[]): string {
  for (const rule of rules) {
    const match = globToRegExp(rule.from).exec(oldPath);
    if (!match) continue;
    let capture = 1;
    return rule.to.replace(/\*/g, () => match[capture++] ?? '');
  }
  return oldPath;
}
