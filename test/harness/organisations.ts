import { manifestYaml, type ManifestOptions } from './manifest.js';

// Organisations at scale, shared by the tests (which check what comes out) and bench/scale.ts (which
// times it).

export const HEADER = [
  'version: 1',
  'registries:',
  '  old: { host: registry.old.example.com, read-only: 2020-10-01, shutdown: 2020-11-01 }',
  '  new: { host: registry.new.example.com, available: 2020-09-01 }',
];

/**
 * A manifest of `count` repositories, each producing one image and consuming two: one produced by
 * another repository, one that nobody produces (a located warning per repository).
 */
export function organisation(count: number): string {
  const lines = [...HEADER, 'repos:'];
  for (let index = 0; index < count; index++) {
    lines.push(
      `  acme/service-${index}:`,
      `    produces: [team/service-${index}]`,
      `    consumes: [team/service-${(index + 1) % count}:1.0, base/image-${index}:1]`,
    );
  }
  return `${lines.join('\n')}\n`;
}

/** A large organisation: layered producers, pinned back-edges (pinned cycles) and a few blocking pairs. */
export function largeManifest(repos: number): string {
  const entries: NonNullable<ManifestOptions['repos']> = {};
  for (let i = 0; i < repos; i++) {
    const consumes: string[] = [];
    if (i >= 1) consumes.push(`img-${Math.floor((i - 1) / 3)}`);
    if (i >= 50) consumes.push(`img-${i - 50}`);
    if (i + 5 < repos && i % 4 === 0) consumes.push(`img-${i + 5}:1.0.${i}`);
    // Every 200 repositories, a pair that pulls each other's latest image: a blocking cycle.
    if (i % 200 === 7 && i + 1 < repos) consumes.push(`img-${i + 1}`);
    if (i % 200 === 8) consumes.push(`img-${i - 1}`);
    entries[`org/repo-${i}`] = { owner: `team-${i % 40}`, produces: [`img-${i}`], consumes };
  }
  return manifestYaml({
    old: 'old.example.com',
    new: 'new.example.com',
    copy: [{ referenced: true }],
    repos: entries,
  });
}
