import { parseManifest } from '../../src/manifest/parse.js';
import { manifestYaml, TIMELINE_2020 } from './manifest.js';

// The builder every test writes its manifest with: what it writes must read back, through the real
// parser, as exactly what the test asked for (values YAML would otherwise misread included).
describe('manifestYaml', () => {
  test('every option reads back through parseManifest as given', () => {
    const text = manifestYaml({
      old: {
        host: '127.0.0.1:5000',
        aliases: ['old-alias.example.com'],
        credentials: { usernameEnv: 'OLD_USER', passwordEnv: 'OLD_PASS' },
      },
      new: { host: '[::1]:5001', insecure: false },
      timeline: {
        available: '2030-03-01',
        readOnly: '2030-04-01',
        shutdown: '2030-05-01',
        failFrom: '2030-04-15',
        warnDays: 10,
      },
      paths: [{ from: 'legacy/*', to: '*' }],
      allow: { files: ['docs/**'], references: ['*/legacy:*'] },
      repos: {
        'acme/gateway': { owner: 'edge', produces: ['gateway', 'api'], consumes: ['api:3.1.0'] },
        'acme/empty': null,
      },
      copy: [
        { images: ['base/*'], tags: ['*', '!*-rc*'], newest: 2 },
        { images: ['legacy/*'], semver: '>=1.0 <3' },
        { referenced: true },
      ],
      generated: [{ name: 'mocks', run: 'go generate ./...', outputs: ['**/mock_*.go'], timeout: '10m' }],
    });
    const manifest = parseManifest(text, 'built.yml');
    expect(manifest.warnings).toEqual([]);
    expect(manifest.registries.old).toMatchObject({
      host: '127.0.0.1:5000',
      aliases: ['old-alias.example.com'],
      insecure: true,
      credentials: { usernameEnv: 'OLD_USER', passwordEnv: 'OLD_PASS' },
    });
    expect(manifest.registries.new).toMatchObject({ host: '[::1]:5001', insecure: false });
    expect(manifest.timeline).toMatchObject({
      available: '2030-03-01',
      readOnly: '2030-04-01',
      shutdown: '2030-05-01',
      failFrom: '2030-04-15',
      warnDays: 10,
    });
    expect(manifest.paths).toEqual([{ from: 'legacy/*', to: '*' }]);
    expect(manifest.guard).toEqual({ allowFiles: ['docs/**'], allowReferences: ['*/legacy:*'] });
    expect(
      manifest.repos.map((repo) => [repo.name, repo.owner, repo.produces, repo.consumes.length]),
    ).toEqual([
      ['acme/gateway', 'edge', ['gateway', 'api'], 1],
      ['acme/empty', undefined, [], 0],
    ]);
    expect(manifest.copy).toEqual([
      { images: ['base/*'], tags: ['*', '!*-rc*'], newest: 2 },
      { images: ['legacy/*'], semver: '>=1.0 <3' },
      { referenced: true },
    ]);
    expect(manifest.generated).toEqual([
      { name: 'mocks', run: 'go generate ./...', outputs: ['**/mock_*.go'], timeout: '10m' },
    ]);
  });

  test('hosts alone and the default timeline', () => {
    const manifest = parseManifest(manifestYaml({ old: 'old.example.com', new: 'new.example.com' }), 'm.yml');
    expect(manifest.registries.old).toMatchObject({ host: 'old.example.com', aliases: [], insecure: false });
    expect(manifest.registries.old.credentials).toBeUndefined();
    expect(manifest.timeline).toMatchObject(TIMELINE_2020);
    expect(manifest.repos).toEqual([]);
  });
});
