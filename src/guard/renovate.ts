import type { Manifest } from '../manifest/model.js';

/** One Renovate package rule that renames images. */
export interface RenovateRule {
  description: string;
  matchDatasources: ['docker'];
  matchPackageNames: string[];
  replacementName?: string;
  replacementNameTemplate?: string;
}

const regexEscape = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * A Renovate configuration that proposes the same moves as `--fix`: every name of the old registry
 * to the new host, then the manifest's `paths` rules. Renovate applies every matching rule and the
 * last one wins, while `paths` takes the first match, so the host-only rules come first and the path
 * rules follow in reverse order.
 */
export function renovateConfig(manifest: Manifest): { $schema: string; packageRules: RenovateRule[] } {
  const { old, new: next } = manifest.registries;
  const names = [old.host, ...old.aliases];
  const rules: RenovateRule[] = names.map((name) => ({
    description: `cutover: move images from ${name} to ${next.host}`,
    matchDatasources: ['docker'],
    matchPackageNames: [`${name}/**`],
    replacementNameTemplate: `{{{replace '^${regexEscape(name)}/' '${next.host}/' packageName}}}`,
  }));
  for (const rule of [...manifest.paths].reverse()) {
    for (const name of names) {
      if (!rule.from.includes('*')) {
        rules.push({
          description: `cutover: ${name}/${rule.from} is ${next.host}/${rule.to}`,
          matchDatasources: ['docker'],
          matchPackageNames: [`${name}/${rule.from}`],
          replacementName: `${next.host}/${rule.to}`,
        });
        continue;
      }
      const pattern = `^${regexEscape(name)}/${rule.from.split('*').map(regexEscape).join('(.*)')}$`;
      let capture = 1;
      const target = `${next.host}/${rule.to.replace(/\*/g, () => `$${capture++}`)}`;
      rules.push({
        description: `cutover: ${name}/${rule.from} moves to ${next.host}/${rule.to}`,
        matchDatasources: ['docker'],
        matchPackageNames: [`/${pattern}/`],
        replacementNameTemplate: `{{{replace '${pattern}' '${target}' packageName}}}`,
      });
    }
  }
  return { $schema: 'https://docs.renovatebot.com/renovate-schema.json', packageRules: rules };
}
