import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { roleOf } from '../../src/guard/detect.js';
import { yamlCandidates, type YamlRole } from '../../src/guard/yaml.js';
import { hubValuesCandidates } from '../../src/guard/yaml/hub-values.js';
import { parsedCandidates } from '../../src/guard/yaml/parsed.js';
import { regionsOf } from '../../src/guard/yaml/regions.js';
import { ROOT } from '../harness/cli.js';

// The contract of src/guard/yaml/: the cheap readers (plain image lines, simple regions, parsed
// subtrees around the lines that name the registry) give the same candidates as the parse of the
// whole file, for whatever registry is the old one.

type Candidates = ReturnType<typeof yamlCandidates>;
const byPlace = (candidates: Candidates) =>
  [...candidates].sort((a, b) => a.at - b.at || a.written.localeCompare(b.written));
/** Candidates naming one of `names`: those for other registries may or may not come along. */
const naming = (candidates: Candidates, names: readonly string[]) =>
  candidates.filter((c) => names.some((name) => c.value.text.toLowerCase().includes(name)));
/** The registry host of a candidate's value, when it names one. */
const hostOf = (value: string) => {
  const text = value.replace(/^docker:\/\//i, '');
  const first = text.slice(0, Math.max(0, text.indexOf('/')));
  return /[.:]/.test(first) || first === 'localhost' ? first.toLowerCase() : undefined;
};

/** Every YAML file of the guard fixtures (a repository, real projects' files, whole files of each kind). */
const WHOLE_FILES = ['repo', 'real', 'contract'].flatMap((tree) =>
  readdirSync(path.join(ROOT, 'test/fixtures/guard', tree), { recursive: true, encoding: 'utf8' })
    .map((file) => file.split(path.sep).join('/'))
    .filter((file) => /\.ya?ml$/i.test(file))
    .flatMap((file) => {
      const source = readFileSync(path.join(ROOT, 'test/fixtures/guard', tree, file), 'latin1');
      const role = roleOf(file, source);
      return role === 'dockerfile' || role === 'shell' || role === 'text'
        ? []
        : [{ name: `${tree}/${file}`, file, source, role: role as YamlRole }];
    }),
);

describe('the YAML readers: the same candidates as the whole parse', () => {
  test('the fixtures hold every kind of YAML file guard reads', () => {
    const roles = new Set(WHOLE_FILES.map((whole) => whole.role));
    expect([...roles].sort()).toEqual(['action', 'compose', 'helm-values', 'workflow', 'yaml']);
    for (const kind of ['kubernetes-image', 'helm-image', 'compose-image', 'kustomize-image'])
      expect(
        WHOLE_FILES.some((whole) =>
          yamlCandidates(whole.source, whole.role, [], whole.file).some((c) => c.kind === kind),
        ),
      ).toBe(true);
  });

  // Each file as written, with CRLF line ends, and (Helm values) with the chart's global registry
  // set to the old one, so every image without a registry of its own inherits it.
  const variants = WHOLE_FILES.flatMap((whole) => [
    whole,
    { ...whole, name: `${whole.name} (CRLF)`, source: whole.source.replace(/\r?\n/g, '\r\n') },
    ...(whole.role === 'helm-values' && /^ {2}imageRegistry: ""/m.test(whole.source)
      ? [
          {
            ...whole,
            name: `${whole.name} (global registry)`,
            source: whole.source.replace(
              /^ {2}imageRegistry: ""/m,
              '  imageRegistry: registry.old.example.com',
            ),
          },
        ]
      : []),
  ]);
  /** The parse of the whole file, which every cheaper reader must match. */
  const wholeParse = (source: string, role: YamlRole, file: string) =>
    parsedCandidates(source, role, file, { start: 0, end: source.length }) ?? [];
  test.each(variants)('$name', ({ file, source, role }) => {
    const whole = wholeParse(source, role, file);
    // Every registry the file names, in turn the old one; and the two names of the fixtures' old one.
    const hosts = [...new Set(whole.map((c) => hostOf(c.value.text)).filter((host) => host !== undefined))];
    for (const names of [
      ...hosts.map((host) => [host]),
      ['registry.old.example.com', 'old-registry.internal'],
    ]) {
      const expected = byPlace(naming(whole, names));
      expect({
        names,
        candidates: byPlace(naming(yamlCandidates(source, role, names, file), names)),
      }).toEqual({
        names,
        candidates: expected,
      });
    }
  });

  // Docker Hub: no host to search for, so Helm values are read around their image keys (issue 21
  // point 6); every candidate, with or without a host, is the whole parse's. The variants set the
  // chart's global registry to Docker Hub and to another registry (which the host-less images inherit).
  const hubVariants = variants.flatMap((variant) =>
    variant.role !== 'helm-values'
      ? []
      : [
          variant,
          ...['docker.io', 'quay.io'].map((registry) => ({
            ...variant,
            name: `${variant.name} (global ${registry})`,
            source: variant.source.replace(/^( {2}imageRegistry:) ""/m, `$1 ${registry}`),
          })),
        ],
  );
  test.each(hubVariants)('Docker Hub: $name', ({ file, source, role }) => {
    const whole = byPlace(wholeParse(source, role, file));
    expect(whole.length).toBeGreaterThan(0);
    expect(byPlace(yamlCandidates(source, role, [], file))).toEqual(whole);
  });

  test('Docker Hub: the values files of the fixtures are read by subtrees, not parsed whole', () => {
    const values = hubVariants.filter((variant) => !variant.source.includes('{{'));
    expect(values.length).toBeGreaterThan(0);
    for (const { file, source } of values) expect(hubValuesCandidates(source, file)).toBeDefined();
  });
});

describe('YAML fast path', () => {
  test('plain image: lines give exactly what the full parse gives', () => {
    const fixture = path.join(ROOT, 'test/fixtures/guard/repo');
    const names = ['registry.old.example.com', 'old-registry.internal'];
    const relevant = (candidates: ReturnType<typeof yamlCandidates>) =>
      candidates.filter((c) => names.some((name) => c.value.text.includes(name)));
    const compose = readFileSync(path.join(fixture, 'compose/docker-compose.yml'), 'latin1')
      .split('\n')
      .filter((line) => !line.includes('worker'))
      .join('\n');
    for (const [source, role] of [
      [readFileSync(path.join(fixture, 'deploy/k8s/api.yaml'), 'latin1'), 'yaml'],
      [compose, 'compose'],
      [
        'a:\n  image: registry.old.example.com/x:1 # comment\n  b:\n    - image: "old-registry.internal/y:2"\n',
        'helm-values',
      ],
    ] as const) {
      const parsed = relevant(yamlCandidates(source, role));
      expect(parsed.length).toBeGreaterThan(0);
      expect(yamlCandidates(source, role, names)).toEqual(parsed);
    }
  });
});

describe('YAML subtrees (issue 13: parse only around the lines that name the registry)', () => {
  const names = ['registry.old.example.com', 'old-registry.internal'];
  test('a file that starts with blank lines: the walk up for a parent key stops at the top', () => {
    // The walk once stepped from offset 1 back to offset 1 for ever (lastIndexOf clamps a negative start).
    for (const source of [
      '\n  image: registry.old.example.com/x:1\n',
      '\n\n  image: registry.old.example.com/x:1\n',
    ])
      expect(regionsOf(source, names)).toEqual([{ start: source.indexOf('  image'), end: source.length }]);
  });

  const byPlace = (candidates: ReturnType<typeof yamlCandidates>) =>
    [...candidates].sort((a, b) => a.at - b.at || a.written.localeCompare(b.written));
  const values = [
    '## Global parameters',
    'global:',
    '  imageRegistry: ""',
    '',
    'api:',
    '  replicaCount: 2',
    '  ## the image',
    '  image:',
    '    registry: registry.old.example.com',
    '    repository: team/api',
    '    tag: 1.20',
    '    digest: ""',
    '  resources:',
    '    limits: { cpu: 100m, memory: 128Mi }',
    'sidecar:',
    '  image:',
    "    registry: 'old-registry.internal'",
    '    image: team/envoy',
    '    tag: "v1.29"',
    'inherit:',
    '  image:',
    '    repository: team/inherit',
    '    tag: 3',
    'worker:',
    '  image: registry.old.example.com/team/worker:2 # comment',
    '  command: ["run"]',
    'list:',
    '- name: a',
    '  image: registry.old.example.com/team/a:1',
    '- name: b',
    '  image:',
    '    repository: registry.old.example.com/team/b',
    '    tag: 2',
    'anchored: &anchor',
    '  image: registry.old.example.com/team/anchor:1',
    'alias: *anchor',
    '',
  ].join('\n');
  test.each([
    ['helm values (split forms, siblings, sequences, an anchor)', values, 'helm-values' as const],
    [
      'the same with a global registry',
      values.replace('imageRegistry: ""', 'imageRegistry: registry.old.example.com'),
      'helm-values' as const,
    ],
    [
      'a global block with empty lists and maps, read without the parser',
      values.replace(
        'global:\n  imageRegistry: ""',
        'global:\n  imageRegistry: "registry.old.example.com" # the old one\n  imagePullSecrets: []\n  labels: {}\n  storageClass: ""',
      ),
      'helm-values' as const,
    ],
    [
      'global.image.registry in a global block with a list, read by the parser',
      values.replace(
        'global:\n  imageRegistry: ""',
        'global:\n  image:\n    registry: registry.old.example.com\n  pullSecrets:\n    - name: x',
      ),
      'helm-values' as const,
    ],
    [
      'a values file that starts with image: and a value (no registry block)',
      'image: registry.old.example.com/team/a:1\nsidecar:\n  registry: registry.old.example.com\n  repository: team/b\n  tag: 2\n',
      'helm-values' as const,
    ],
    [
      'Kubernetes manifests',
      readFileSync(path.join(ROOT, 'test/fixtures/guard/repo/deploy/k8s/api.yaml'), 'latin1') +
        '\n  x:\n    image: {a: 1}\n',
      'yaml' as const,
    ],
    [
      'a global registry under comments and blank lines, CRLF line ends',
      values
        .replace(
          'global:\n  imageRegistry: ""',
          'global:\n  # the registry\n\n  imageRegistry: registry.old.example.com # old',
        )
        .replace(/\n/g, '\r\n'),
      'helm-values' as const,
    ],
    [
      'image.registry at the top level, after a file that starts with a blank line',
      `\n  # indented comment first\nimage:\n  registry: registry.old.example.com\n  repository: team/top\n  tag: 1\n${values}`,
      'helm-values' as const,
    ],
    [
      'a global registry written as an alias of an anchor elsewhere',
      values
        .replace('global:\n  imageRegistry: ""', 'global:\n  imageRegistry: *registry')
        .replace('## Global parameters', 'registries:\n  old: &registry registry.old.example.com'),
      'helm-values' as const,
    ],
    [
      'a global registry as a block scalar',
      values.replace(
        'global:\n  imageRegistry: ""',
        'global:\n  imageRegistry: >-\n    registry.old.example.com',
      ),
      'helm-values' as const,
    ],
    [
      'a global registry in a flow mapping',
      values.replace('global:\n  imageRegistry: ""', 'global: { imageRegistry: registry.old.example.com }'),
      'helm-values' as const,
    ],
    [
      'a global block with an anchor and a comment on its line',
      values.replace(
        'global:\n  imageRegistry: ""',
        'global: &global # shared\n  imageRegistry: registry.old.example.com',
      ),
      'helm-values' as const,
    ],
    [
      'blank lines with tabs, comments ending in CRLF inside image blocks',
      values
        .replace('    repository: team/api\n', '    repository: team/api\n  \t \n    # note\r\n')
        .replace(
          '  image:\n    repository: team/inherit',
          '  image:\n    # a comment\r\n    repository: team/inherit',
        ),
      'helm-values' as const,
    ],
    [
      'two documents, the second with images of its own',
      `${values}---\nextra:\n  image:\n    registry: registry.old.example.com\n    repository: team/extra\n    tag: 1\n`,
      'helm-values' as const,
    ],
    [
      'a chart with a global registry',
      readFileSync(path.join(ROOT, 'test/fixtures/guard/real/charts/api/values.yaml'), 'latin1'),
      'helm-values' as const,
    ],
  ])('%s: the same candidates as the whole parse', (_name, source, role) => {
    // Candidates for other registries may or may not come along; those for the old one must be the same.
    const relevant = (candidates: ReturnType<typeof yamlCandidates>) =>
      candidates.filter((c) => names.some((name) => c.value.text.toLowerCase().includes(name)));
    const whole = relevant(yamlCandidates(source, role));
    expect(whole.length).toBeGreaterThan(1);
    // With a global registry, the image without a registry of its own inherits it.
    if (
      source.includes('team/inherit') &&
      /^global:\n( {2}.*\n)* {2}(imageRegistry|image:\n {4}registry): "?registry\.old/m.test(source)
    )
      expect(whole.map((c) => c.value.text)).toContain('registry.old.example.com/team/inherit:3');
    expect(byPlace(relevant(yamlCandidates(source, role, names)))).toEqual(byPlace(whole));
  });
});
