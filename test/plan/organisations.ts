/**
 * Generated organisations for the plan's scale and correctness tests: deterministic (a seeded
 * random source), so a failure names the same manifest every time.
 */

const HEADER = [
  'version: 1',
  'registries:',
  '  old: { host: old.example.com, read-only: 2020-10-01, shutdown: 2020-11-01 }',
  '  new: { host: new.example.com, available: 2020-09-01 }',
  'copy:',
  '  - referenced: true',
  'repos:',
];

/** A small deterministic random source (mulberry32). */
export function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

interface RepoLine {
  owner: string;
  consumes: string[];
}

function manifest(repos: RepoLine[]): string {
  return [
    ...HEADER,
    ...repos.map(
      (repo, i) =>
        `  org/repo-${i}: { owner: ${repo.owner}, produces: [img-${i}], consumes: [${repo.consumes.join(', ')}] }`,
    ),
  ].join('\n');
}

/**
 * A dense organisation: every repository pulls the latest images of about four earlier ones, many
 * pull a pinned tag of a later one (pinned back-edges, which overlap everything), and exactly
 * seven repositories wait on each other's latest images: two pairs and a loop of three.
 */
export const DENSE_BLOCKING = [
  ['org/repo-20', 'org/repo-21'],
  ['org/repo-60', 'org/repo-61'],
  ['org/repo-90', 'org/repo-91', 'org/repo-92'],
];

export function denseManifest(count = 120, seed = 7): string {
  const random = seeded(seed);
  const repos: RepoLine[] = [];
  for (let i = 0; i < count; i++) {
    const consumes = new Set<string>();
    for (let k = 0; k < 5 && i > 0; k++) consumes.add(`img-${Math.floor(random() * i)}`);
    if (i % 2 === 0 && i + 1 < count) {
      const later = i + 1 + Math.floor(random() * Math.min(30, count - i - 1));
      consumes.add(`'img-${later}:1.0.${i}'`);
    }
    repos.push({ owner: `team-${i % 8}`, consumes: [...consumes] });
  }
  // The planted blocking cycles: back-edges to the latest image (forward edges close them).
  const add = (consumer: number, producer: number) => {
    const list = repos[consumer]!.consumes.filter((c) => !c.includes(`img-${producer}:`));
    repos[consumer]!.consumes = [...new Set([...list, `img-${producer}`])];
  };
  add(20, 21);
  add(21, 20);
  add(60, 61);
  add(61, 60);
  add(90, 92);
  add(92, 91);
  add(91, 90);
  return manifest(repos);
}

/**
 * A layered organisation of `count` repositories in 40 teams: a chain of producers, pinned back-edges
 * (pinned cycles) and, every 200 repositories, a pair waiting on each other (a blocking cycle).
 */
export function layeredManifest(count: number): string {
  const repos: RepoLine[] = [];
  for (let i = 0; i < count; i++) {
    const consumes: string[] = [];
    if (i >= 1) consumes.push(`img-${Math.floor((i - 1) / 3)}`);
    if (i >= 50) consumes.push(`img-${i - 50}`);
    if (i + 5 < count && i % 4 === 0) consumes.push(`'img-${i + 5}:1.0.${i}'`);
    if (i % 200 === 7 && i + 1 < count) consumes.push(`img-${i + 1}`);
    if (i % 200 === 8) consumes.push(`img-${i - 1}`);
    repos.push({ owner: `team-${i % 40}`, consumes });
  }
  return manifest(repos);
}

/** Ten repositories: a blocking pair, a pinned pair, a self-loop and a chain. */
export function smallManifest(): string {
  const repos: RepoLine[] = [
    { owner: 'platform', consumes: [] },
    { owner: 'platform', consumes: ['img-0'] },
    { owner: 'web', consumes: ['img-1', 'img-3'] },
    { owner: 'web', consumes: ['img-2'] },
    { owner: 'data', consumes: ["'img-5:2.0'", 'img-1'] },
    { owner: 'data', consumes: ['img-4'] },
    { owner: 'data', consumes: ["'img-6:1.0'", 'img-0'] },
    { owner: 'edge', consumes: ['img-2', 'img-5'] },
    { owner: 'edge', consumes: ['img-7'] },
    { owner: 'docs', consumes: [] },
  ];
  return manifest(repos);
}
