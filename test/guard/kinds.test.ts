/**
 * The kinds of finding guard tells apart (issue 21; docs/guard-kinds.md): references and registry
 * settings are rewritten by --fix; compatibility logic, history, vendored and non-text files are
 * reported and never rewritten, whatever the flags; a test file is rewritten all or none; an alignment
 * note only where gofmt really changes the rewritten file. Each runs guard --fix on a real-looking
 * tree written to a scratch directory (the domain, as the CLI runs it) and reads the bytes back.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { guardTree, type GuardReport } from '../../src/guard/guard.js';
import { startReaders } from '../../src/guard/readers.js';
import { parseManifest } from '../../src/manifest/parse.js';
import { SecretRegistry } from '../../src/shared/secrets.js';
import { manifestYaml, type ManifestOptions } from '../harness/manifest.js';
import { requireTool } from '../harness/tools.js';

const temporary: string[] = [];
afterAll(() => {
  for (const dir of temporary) rmSync(dir, { recursive: true, force: true });
});

/** After the shutdown of TIMELINE_2020: every open reference fails the check. */
const AFTER_CUTOFF = '2020-12-01';

/** Writes `files` to a scratch tree and runs guard --fix on it. */
async function fixTree(
  files: Record<string, string | Buffer>,
  options: Partial<ManifestOptions> & { fixDocs?: boolean } = {},
): Promise<{ tree: string; report: GuardReport; read: (file: string) => Buffer }> {
  const tree = mkdtempSync(path.join(os.tmpdir(), 'cutover-guard-kinds-'));
  temporary.push(tree);
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(tree, name)), { recursive: true });
    writeFileSync(path.join(tree, name), content);
  }
  const { fixDocs = false, ...manifestOptions } = options;
  const manifest = parseManifest(
    manifestYaml({ old: 'quay.io', new: 'ghcr.io', ...manifestOptions }),
    'cutover.yml',
  );
  const report = await guardTree({
    manifest,
    root: tree,
    cwd: tree,
    today: AFTER_CUTOFF,
    maxFileSize: 10 << 20,
    readers: startReaders(1),
    fix: true,
    fixDocs,
    verify: false,
    renovate: false,
    env: {},
    secrets: new SecretRegistry(),
  });
  return { tree, report, read: (file) => readFileSync(path.join(tree, file)) };
}

/** The failing findings --fix left open (what makes the command exit 1). */
const failing = (report: GuardReport) => report.open.filter((finding) => finding.severity === 'error');

describe('never written: non-text and vendored files', () => {
  test('a vendored protobuf descriptor and vendored Go source naming the host stay byte-identical, reported once each', async () => {
    // A serialized FileDescriptorProto as protoc writes it into generated Go code's raw descriptor:
    // tags, varint lengths and the option string holding an example image.
    const example = 'quay.io/example/app:1.0';
    const descriptor = Buffer.concat([
      Buffer.from([0x0a, 0x0d]),
      Buffer.from('api/v1/pb.proto'),
      Buffer.from([0x12, 0x06]),
      Buffer.from('api.v1'),
      Buffer.from([0x42, example.length + 2, 0x5a, example.length]),
      Buffer.from(example),
      Buffer.from([0x62, 0x06]),
      Buffer.from('proto3'),
    ]);
    const vendoredGo = [
      '// Copyright 2021 The Example Authors.',
      '',
      'package defaults',
      '',
      '// DefaultImage is pulled when the configuration names none.',
      'const DefaultImage = "quay.io/example/agent:v1.4.2"',
      '',
      'var fallbackImages = []string{"quay.io/example/agent:v1.3.0", "quay.io/example/agent:v1.2.0"}',
      '',
    ].join('\n');
    const { report, read } = await fixTree({
      'vendor/github.com/example/api/v1/pb.binpb': descriptor,
      'vendor/github.com/example/agent/defaults/defaults.go': vendoredGo,
      'third_party/charts/agent/values.yaml': 'image:\n  repository: quay.io/example/agent\n  tag: v1.4.2\n',
      'deploy/agent.yaml':
        'spec:\n  containers:\n    - name: agent\n      image: quay.io/example/agent:v1.4.2\n',
    });
    expect(read('vendor/github.com/example/api/v1/pb.binpb').equals(descriptor)).toBe(true);
    expect(read('vendor/github.com/example/agent/defaults/defaults.go').toString()).toBe(vendoredGo);
    expect(read('third_party/charts/agent/values.yaml').toString()).toContain('quay.io/example/agent');
    // Our own manifest is rewritten.
    expect(read('deploy/agent.yaml').toString()).toContain('image: ghcr.io/example/agent:v1.4.2');
    const vendored = report.findings.filter((f) => f.review?.category === 'vendored');
    expect(vendored.map((f) => [f.file, f.severity])).toEqual([
      ['third_party/charts/agent/values.yaml', 'info'],
      ['vendor/github.com/example/agent/defaults/defaults.go', 'info'],
      ['vendor/github.com/example/api/v1/pb.binpb', 'info'],
    ]);
    expect(vendored[1]!.review!.reason).toMatch(/^vendored: update upstream.*2 more occurrences/);
    expect(failing(report)).toEqual([]);
    expect(report.fixes!.filter((fix) => fix.rewritten).map((fix) => fix.file)).toEqual([
      'deploy/agent.yaml',
    ]);
  });

  test('9 kB of text, then NUL bytes and the host: skipped as binary, byte-identical', async () => {
    const text = '# a build log captured as text\n'.repeat(300); // 9,300 bytes
    const file = Buffer.concat([
      Buffer.from(text),
      Buffer.from([0, 0, 0, 1]),
      Buffer.from('FROM quay.io/base/jdk:17\n'),
    ]);
    const { report, read } = await fixTree({ 'images/layer.dat': file });
    expect(read('images/layer.dat').equals(file)).toBe(true);
    expect(report.scan.stats.skipped.binary).toBe(1);
    expect(report.findings).toEqual([]);
  });

  test('bytes that are not UTF-8 outside the rewritten lines: reported, not written', async () => {
    // A Latin-1 comment (é as one byte 0xE9) two lines away from the reference.
    const file = Buffer.concat([
      Buffer.from('# Fichier g'),
      Buffer.from([0xe9]),
      Buffer.from('n'),
      Buffer.from([0xe9]),
      Buffer.from('r'),
      Buffer.from([0xe9]),
      Buffer.from(' par la CI\nIMAGE=quay.io/base/jdk:17\n'),
    ]);
    const { report, read } = await fixTree({ 'build/env.sh': file });
    expect(read('build/env.sh').equals(file)).toBe(true);
    expect(report.fixes!.map((fix) => fix.reason)).toEqual([
      'not text: bytes that are not UTF-8 outside the lines rewritten; never rewritten',
    ]);
  });
});

describe('registry settings: the host alone under a key that names a registry', () => {
  test('kubeadm imageRepository, --image-repository, Go and Helm settings, a ClusterClass default, a values table', async () => {
    const kubeadm = [
      'apiVersion: kubeadm.k8s.io/v1beta3',
      'kind: ClusterConfiguration',
      'kubernetesVersion: v1.27.3',
      'imageRepository: quay.io',
      'networking:',
      '  podSubnet: 10.244.0.0/16',
      '',
    ].join('\n');
    const script = [
      '#!/usr/bin/env bash',
      'set -euo pipefail',
      'kubeadm config images pull --image-repository=quay.io --kubernetes-version "${K8S_VERSION}"',
      'IMAGE_REGISTRY_PREFIX=quay.io',
      '',
    ].join('\n');
    const go = [
      'package cluster',
      '',
      '// DefaultConfig is the kubeadm configuration a new cluster starts from.',
      'func DefaultConfig() *Config {',
      '\treturn &Config{',
      '\t\tImageRepository: "quay.io",',
      '\t\tVersion:         "v1.27.3",',
      '\t}',
      '}',
      '',
    ].join('\n');
    const values = [
      'global:',
      '  imageRegistry: quay.io',
      'image:',
      '  registry: quay.io',
      '  repository: org/app',
      '  tag: 1.2.0',
      '',
    ].join('\n');
    const clusterClass = [
      'apiVersion: cluster.x-k8s.io/v1beta1',
      'kind: ClusterClass',
      'metadata:',
      '  name: quick-start',
      'spec:',
      '  variables:',
      '    - name: imageRepository',
      '      required: false',
      '      schema:',
      '        openAPIV3Schema:',
      '          type: string',
      '          default: "quay.io"',
      '          description: imageRepository sets the container registry to pull images from.',
      '',
    ].join('\n');
    const table = [
      '## Values',
      '',
      '| Key | Type | Default | Description |',
      '|-----|------|---------|-------------|',
      '| image.registry | string | `"quay.io"` | The registry images are pulled from. |',
      '| image.repository | string | `"org/app"` | The image. |',
      '',
    ].join('\n');
    const { report, read } = await fixTree(
      {
        'kubeadm/config.yaml': kubeadm,
        'hack/pull-images.sh': script,
        'pkg/cluster/config.go': go,
        'charts/app/values.yaml': values,
        'templates/clusterclass.yaml': clusterClass,
        'charts/app/README.md': table,
      },
      { paths: [{ from: 'org/*', to: 'platform/org/*' }] },
    );
    // Helm's split image (registry: beside repository:) is a reference read by the YAML grammar.
    expect(
      report.findings.filter((f) => f.file === 'charts/app/values.yaml').map((f) => [f.line, f.kind]),
    ).toEqual([
      [2, 'registry-setting'],
      [4, 'helm-image'],
    ]);
    const settings = report.findings.filter((f) => f.kind === 'registry-setting');
    expect(settings.map((f) => `${f.file}:${f.line}`)).toEqual([
      'charts/app/README.md:5',
      'charts/app/values.yaml:2',
      'hack/pull-images.sh:3',
      'hack/pull-images.sh:4',
      'kubeadm/config.yaml:4',
      'pkg/cluster/config.go:6',
      'templates/clusterclass.yaml:12',
    ]);
    expect(read('kubeadm/config.yaml').toString()).toBe(
      kubeadm.replace('imageRepository: quay.io', 'imageRepository: ghcr.io'),
    );
    expect(read('hack/pull-images.sh').toString()).toBe(script.replaceAll('quay.io', 'ghcr.io'));
    expect(read('pkg/cluster/config.go').toString()).toBe(go.replace('"quay.io"', '"ghcr.io"'));
    expect(read('templates/clusterclass.yaml').toString()).toBe(
      clusterClass.replace('"quay.io"', '"ghcr.io"'),
    );
    expect(read('charts/app/README.md').toString()).toBe(table.replace('"quay.io"', '"ghcr.io"'));
    // A host alone cannot follow a paths mapping: each rewrite says so.
    expect(report.fixes!.find((fix) => fix.file === 'kubeadm/config.yaml')!.note).toMatch(
      /paths mapping \(org\/\* → platform\/org\/\*\) does not apply/,
    );
    expect(failing(report)).toEqual([]);
  });
});

describe('compat: code that tells the registries apart', () => {
  test('a Go switch and HasPrefix on both registries are reported, never rewritten; --fix leaves nothing failing', async () => {
    const go = [
      'package registry',
      '',
      'import "strings"',
      '',
      '// Mirror returns where an image is mirrored during the migration.',
      'func Mirror(image string) string {',
      '\tif strings.HasPrefix(image, "quay.io/org/") || strings.HasPrefix(image, "ghcr.io/org/") {',
      '\t\treturn "mirror.internal/org/" + image[strings.Index(image, "/org/")+5:]',
      '\t}',
      '\treturn image',
      '}',
      '',
      '// Host names the registry a version was released to.',
      'func Host(registry string) string {',
      '\tswitch registry {',
      '\tcase "quay.io":',
      '\t\treturn "legacy"',
      '\tcase "ghcr.io":',
      '\t\treturn "current"',
      '\t}',
      '\treturn ""',
      '}',
      '',
      '// DefaultImage is pulled by the agent.',
      'const DefaultImage = "quay.io/org/agent:v2"',
      '',
    ].join('\n');
    const { report, read } = await fixTree({ 'pkg/registry/mirror.go': go });
    const compat = report.findings.filter((f) => f.review?.category === 'compat');
    expect(compat.map((f) => f.line)).toEqual([7, 16]);
    expect(compat.every((f) => f.severity === 'info')).toBe(true);
    expect(compat[0]!.review!.reason).toBe(
      'code that tells the registries apart: review by hand; it pulls nothing',
    );
    expect(read('pkg/registry/mirror.go').toString()).toBe(
      go.replace(
        'const DefaultImage = "quay.io/org/agent:v2"',
        'const DefaultImage = "ghcr.io/org/agent:v2"',
      ),
    );
    expect(failing(report)).toEqual([]);
  });
});

describe('consistency within a file', () => {
  test('a Go test whose input and expected registry name the host: both rewritten', async () => {
    const test = [
      'package reference',
      '',
      'import "testing"',
      '',
      'func TestParse(t *testing.T) {',
      '\ttests := []struct {',
      '\t\tinput        string',
      '\t\twantRegistry string',
      '\t}{',
      '\t\t{input: "quay.io/org/app:1.2", wantRegistry: "quay.io"},',
      '\t}',
      '\tfor _, tt := range tests {',
      '\t\tif got := Parse(tt.input).Registry; got != tt.wantRegistry {',
      '\t\t\tt.Errorf("Parse(%q).Registry = %q, want %q", tt.input, got, tt.wantRegistry)',
      '\t\t}',
      '\t}',
      '}',
      '',
    ].join('\n');
    const { read, report } = await fixTree({ 'pkg/reference/parse_test.go': test });
    expect(read('pkg/reference/parse_test.go').toString()).toBe(test.replaceAll('quay.io', 'ghcr.io'));
    expect(report.fixes!.map((fix) => fix.rewritten)).toEqual([true, true]);
  });

  test('a test file with one occurrence that cannot be rewritten: none is, each with the reason', async () => {
    const test = [
      'package reference',
      '',
      'import "testing"',
      '',
      'func TestLegacy(t *testing.T) {',
      '\timage := "quay.io/org/app:1.2"',
      '\tif !strings.HasPrefix(Resolve(image), "quay.io/") {',
      '\t\tt.Fatal("legacy images resolve to the old registry")',
      '\t}',
      '}',
      '',
    ].join('\n');
    const { read, report } = await fixTree({ 'pkg/reference/legacy_test.go': test });
    expect(read('pkg/reference/legacy_test.go').toString()).toBe(test);
    const [input, compat] = report.fixes!;
    expect(compat!.review).toBe('compat');
    expect(input!.rewritten).toBe(false);
    expect(input!.reason).toMatch(/^a test file: every occurrence tied together is rewritten or none/);
  });

  test('a changelog with code spans and plain entries: reported once, never rewritten, even with --fix-docs', async () => {
    const changelog = [
      '# Changelog',
      '',
      '## v1.4.0 - 2020-08-14',
      '',
      '- Images are published to `quay.io/org/agent` and `quay.io/org/operator`.',
      '- The agent image quay.io/org/agent:v1.4.0 is signed.',
      '',
      '## v1.3.0 - 2020-05-02',
      '',
      '- First release on quay.io/org/agent:v1.3.0 (see `docker pull quay.io/org/agent:v1.3.0`).',
      '',
    ].join('\n');
    const { read, report } = await fixTree(
      { 'CHANGELOG.md': changelog, 'docs/releases/v1.4.md': changelog },
      { fixDocs: true },
    );
    expect(read('CHANGELOG.md').toString()).toBe(changelog);
    expect(read('docs/releases/v1.4.md').toString()).toBe(changelog);
    expect(report.findings.map((f) => [f.file, f.line, f.review?.category, f.severity])).toEqual([
      ['CHANGELOG.md', 5, 'history', 'info'],
      ['docs/releases/v1.4.md', 5, 'history', 'info'],
    ]);
    expect(report.findings[0]!.review!.reason).toMatch(/4 more occurrences in this file$/);
    expect(failing(report)).toEqual([]);
  });
});

describe('alignment notes only when gofmt changes the file', () => {
  beforeAll(() => requireTool('gofmt'));
  const block = (lines: string[]) => ['package config', '', ...lines, ''].join('\n');

  test('a column-aligned const block gofmt keeps: rewritten, no note', async () => {
    const go = block([
      'const (',
      '\tgitDefaultImage            = "quay.io/shipwright/git:latest"',
      '\tgitImageEnvVar             = "GIT_CONTAINER_IMAGE"',
      '\tgitContainerTemplateEnvVar = "GIT_CONTAINER_TEMPLATE"',
      ')',
    ]);
    // A new host of another width than quay.io: the values' width changes, their column does not.
    const { tree, report } = await fixTree({ 'pkg/config/config.go': go }, { new: 'registry.example.com' });
    expect(report.fixes!.map((fix) => [fix.rewritten, fix.note])).toEqual([[true, undefined]]);
    expect(execFileSync('gofmt', ['-l', path.join(tree, 'pkg/config/config.go')], { encoding: 'utf8' })).toBe(
      '',
    );
  });

  test('trailing comments aligned after the value: gofmt realigns them, the note stays', async () => {
    const go = block([
      'var (',
      '\tbase = "quay.io/org/base:1" // the base image',
      '\tname = "agent"              // the component',
      ')',
    ]);
    const { tree, report } = await fixTree({ 'pkg/config/images.go': go }, { new: 'registry.example.com' });
    expect(report.fixes!.map((fix) => [fix.rewritten, fix.note])).toEqual([
      [true, 'the rewrite changes the width of a column-aligned Go block: run gofmt'],
    ]);
    expect(
      execFileSync('gofmt', ['-l', path.join(tree, 'pkg/config/images.go')], { encoding: 'utf8' }),
    ).not.toBe('');
  });
});
