import { findReferences, roleOf } from '../../src/guard/detect.js';
import { dockerfileCandidates } from '../../src/guard/dockerfile.js';
import type { Hosts } from '../../src/guard/finding.js';
import { expand, slice } from '../../src/guard/source.js';

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
