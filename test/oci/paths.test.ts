import { RegistryError } from '../../src/oci/errors.js';
import { matchesDigest, digestOf } from '../../src/oci/media.js';
import { blobPath, manifestPath, uploadsPath } from '../../src/oci/paths.js';
import { isValidDigest } from '../../src/oci/reference.js';
import { originOf } from '../../src/oci/transport.js';

describe('what a registry says is checked before it is used', () => {
  test('URL paths are built only from valid names, tags and digests', () => {
    const sha256 = digestOf(Buffer.from('x'), 'sha256');
    expect(manifestPath('team/app', '1.0')).toBe('/v2/team/app/manifests/1.0');
    expect(manifestPath('team/app', sha256)).toBe(`/v2/team/app/manifests/${sha256}`);
    for (const reference of [
      '../../../victim/app/manifests/latest',
      '..',
      'a/b',
      'tag?x=1',
      '',
      'sha256:abc',
    ]) {
      expect(() => manifestPath('team/app', reference)).toThrow(RegistryError);
      expect(() => manifestPath('team/app', reference)).toThrow(/refusing to build a registry URL/);
    }
    expect(() => manifestPath('team/../victim', '1.0')).toThrow(/the repository name/);
    expect(() => blobPath('app', 'sha256:../../x')).toThrow(/the digest/);
    expect(() => uploadsPath('app', { digest: sha256, from: '../other' })).toThrow(/the repository name/);
    expect(uploadsPath('app', { digest: sha256, from: 'base/jdk' })).toBe(
      `/v2/app/blobs/uploads/?mount=${encodeURIComponent(sha256)}&from=base%2Fjdk`,
    );
  });

  test('digests: sha256 and sha512 only, verified with their own algorithm', () => {
    const bytes = Buffer.from('{"schemaVersion":2}');
    const sha512 = digestOf(bytes, 'sha512');
    expect(isValidDigest(sha512)).toBe(true);
    expect(isValidDigest(digestOf(bytes, 'sha256'))).toBe(true);
    expect(isValidDigest(`sha512:${'a'.repeat(64)}`)).toBe(false);
    expect(isValidDigest(`sha384:${'a'.repeat(96)}`)).toBe(false);
    expect(isValidDigest(`sha256:${'A'.repeat(64)}`)).toBe(false);
    expect(matchesDigest(bytes, sha512)).toBe(true);
    expect(matchesDigest(Buffer.from('other'), sha512)).toBe(false);
  });

  test('origins keep scheme and port: https and http of one host name never look alike', () => {
    expect(originOf(new URL('https://reg.example/v2/'))).toBe('https://reg.example:443');
    expect(originOf(new URL('https://reg.example:443/v2/'))).toBe(originOf(new URL('https://REG.example/x')));
    expect(originOf(new URL('http://reg.example/v2/'))).not.toBe(
      originOf(new URL('https://reg.example/v2/')),
    );
    expect(originOf(new URL('http://reg.example:443/'))).not.toBe(originOf(new URL('https://reg.example/')));
  });
});
