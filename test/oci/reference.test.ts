import {
  formatReference,
  isLoopbackHost,
  parseReference,
  parseRepositoryReference,
} from '../../src/oci/reference.js';

describe('image references', () => {
  test.each([
    ['alpine', { registry: 'docker.io', repository: 'library/alpine' }],
    ['alpine:3.19', { registry: 'docker.io', repository: 'library/alpine', tag: '3.19' }],
    ['user/app', { registry: 'docker.io', repository: 'user/app' }],
    ['index.docker.io/user/app', { registry: 'docker.io', repository: 'user/app' }],
    ['localhost/app', { registry: 'localhost', repository: 'app' }],
    [
      'registry.old.example.com:5000/base/jdk:17',
      { registry: 'registry.old.example.com:5000', repository: 'base/jdk', tag: '17' },
    ],
    ['Registry.Example.COM/a/b', { registry: 'registry.example.com', repository: 'a/b' }],
    [
      '[::1]:5000/app@sha256:' + 'a'.repeat(64),
      { registry: '[::1]:5000', repository: 'app', digest: 'sha256:' + 'a'.repeat(64) },
    ],
    [
      '127.0.0.1:5000/a/b:1@sha256:' + 'b'.repeat(64),
      { registry: '127.0.0.1:5000', repository: 'a/b', tag: '1', digest: 'sha256:' + 'b'.repeat(64) },
    ],
  ])('%s', (text, expected) => {
    expect(parseReference(text)).toEqual(expected);
  });

  test.each([
    ['UPPER', /invalid repository path/],
    ['registry.io/Team/app', /invalid repository path/],
    ['app:' + 'x'.repeat(129), /invalid tag/],
    ['app@sha256:abc', /invalid digest/],
    ['a//b', /invalid repository path/],
    ['has space', /white space/],
    ['', /empty/],
  ])('rejects %s', (text, reason) => {
    expect(() => parseReference(text)).toThrow(reason);
  });

  test('a 128-character tag is the longest allowed', () => {
    expect(parseRepositoryReference('app:' + 'x'.repeat(128)).tag).toHaveLength(128);
  });

  test('round-trips', () => {
    expect(formatReference(parseReference('r.io:443/a/b:1'))).toBe('r.io:443/a/b:1');
  });

  test('loopback hosts', () => {
    expect(
      ['localhost', 'localhost:5000', '127.0.0.1:5000', '127.8.9.10', '[::1]:5000'].every(isLoopbackHost),
    ).toBe(true);
    expect(['127.example.com', '10.0.0.1:5000', 'localhost.evil.io', '[::2]:5000'].some(isLoopbackHost)).toBe(
      false,
    );
  });
});
