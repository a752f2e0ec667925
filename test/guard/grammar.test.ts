import { readFileSync } from 'node:fs';
import path from 'node:path';
import { findReferences, roleOf } from '../../src/guard/detect.js';
import { dockerfileCandidates } from '../../src/guard/dockerfile.js';
import type { Hosts } from '../../src/guard/finding.js';
import { expand, slice } from '../../src/guard/source.js';
import { regionsOf, yamlCandidates } from '../../src/guard/yaml.js';
import { ROOT } from '../harness/cli.js';

const hosts: Hosts = {
  old: 'registry.old.example.com',
  oldNames: ['registry.old.example.com', 'old-registry.internal'],
  newHost: 'registry.new.example.com',
  paths: [{ from: 'legacy/*', to: '*' }],
};

const expandText = (text: string, variables: Record<string, string> = {}) => {
  const map = new Map(
    Object.entries(variables).map(([name, value]) => [name, slice(value, 0, value.length)]),
  );
  const { value, partial } = expand(slice(text, 0, text.length), map);
  return [value.text, partial];
};

describe('variable expansion (Compose, shell, Dockerfile ARG)', () => {
  test('every interpolation form', () => {
    expect(expandText('${A:-x}/${B-y}')).toEqual(['x/y', false]);
    expect(expandText('${A:-x}', { A: '' })).toEqual(['x', false]);
    expect(expandText('${A-x}', { A: '' })).toEqual(['', false]);
    expect(expandText('${A:+alt}', { A: 'set' })).toEqual(['alt', false]);
    expect(expandText('${A:+alt}end')).toEqual(['end', false]);
    expect(expandText('${A:?required}')).toEqual(['', true]);
    expect(expandText('${A?required}', { A: 'v' })).toEqual(['v', false]);
    expect(expandText('$A/$B', { A: 'a' })).toEqual(['a/', true]);
    expect(expandText('$${A}')).toEqual(['${A}', false]);
    expect(expandText('${A:-${B:-nested}}')).toEqual(['nested', false]);
    expect(expandText('${{ matrix.image }}')).toEqual(['${{ matrix.image }}', true]);
  });

  test('expanded characters keep the byte offset they were written at', () => {
    const source = 'X=${R:-registry.old.example.com}/api';
    const { value } = expand(slice(source, 2, source.length));
    expect(value.text).toBe('registry.old.example.com/api');
    expect(value.offsets[0]).toBe(source.indexOf('registry'));
    expect(value.offsets[value.text.indexOf('/api')]).toBe(source.indexOf('/api'));
  });
});

describe('Dockerfile grammar', () => {
  test('stage names (any case) are not images; numbers in --from are stage indexes', () => {
    const candidates = dockerfileCandidates(
      'FROM registry.old.example.com/a:1 AS Builder\nFROM builder\nCOPY --from=BUILDER /x /x\nCOPY --from=1 /y /y\n',
    );
    expect(candidates.map((c) => c.value.text)).toEqual(['registry.old.example.com/a:1']);
  });

  test('a stage ARG without a value inherits the global default; FROM sees only global ARGs', () => {
    const source = [
      'ARG REG=registry.old.example.com',
      'FROM ${REG}/a:1',
      'ARG LOCAL=registry.old.example.com/local:2',
      'ARG REG',
      'COPY --from=${REG}/b:3 /x /x',
      'COPY --from=${LOCAL} /y /y',
      'FROM ${LOCAL}',
      '',
    ].join('\n');
    expect(dockerfileCandidates(source).map((c) => [c.kind, c.value.text, c.partial])).toEqual([
      ['dockerfile-from', 'registry.old.example.com/a:1', false],
      ['dockerfile-copy-from', 'registry.old.example.com/b:3', false],
      ['dockerfile-copy-from', 'registry.old.example.com/local:2', false],
      ['dockerfile-from', '', true],
    ]);
  });

  test('heredoc bodies are not instructions', () => {
    const source = 'FROM scratch\nRUN <<EOF\nFROM registry.old.example.com/not/an-instruction:1\nEOF\n';
    expect(dockerfileCandidates(source).map((c) => c.value.text)).toEqual(['scratch']);
    // The text pass still sees it.
    expect(findReferences('Dockerfile', source, hosts).map((f) => f.kind)).toEqual(['text']);
  });
});

describe('matching', () => {
  test('exact host match only, aliases folded onto the main host', () => {
    const text = [
      'a registry.old.example.com.evil.io/x:1',
      'b evil-registry.old.example.com/x:1',
      'c registry.old.example.com:5000/x:1',
      'd https://registry.old.example.com/v2/x',
      'e path/registry.old.example.com/x:1',
      'f docker://old-registry.internal/x:1',
      'g registry.old.example.com/Upper:1',
      'h registry.old.example.com/ok:1.',
    ].join('\n');
    expect(findReferences('notes.txt', text, hosts).map((f) => [f.normalized, f.replacement])).toEqual([
      ['registry.old.example.com/x:1', 'registry.new.example.com/x:1'],
      ['registry.old.example.com/ok:1', 'registry.new.example.com/ok:1'],
    ]);
  });

  test('file roles from names', () => {
    expect(roleOf('Dockerfile.prod', '')).toBe('dockerfile');
    expect(roleOf('svc/api.containerfile', '')).toBe('dockerfile');
    expect(roleOf('.github/workflows/ci.yaml', '')).toBe('workflow');
    expect(roleOf('tools/action.yml', '')).toBe('action');
    expect(roleOf('deploy/compose.prod.yaml', '')).toBe('compose');
    expect(roleOf('chart/values-staging.yaml', '')).toBe('helm-values');
    expect(roleOf('bin/release', '#!/usr/bin/env bash\n')).toBe('shell');
    expect(roleOf('README.md', '')).toBe('text');
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
