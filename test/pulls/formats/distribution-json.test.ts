import { describe, expect, test } from '@jest/globals';
import { distributionJsonLog } from '../../../src/pulls/formats/distribution-log.js';

/** A "response completed" line as distribution's JSON formatter writes it (fields in key order). */
const line = (fields: Record<string, unknown>) =>
  JSON.stringify({
    'auth.user.name': 'ci-bot',
    'go.version': 'go1.20.8',
    'http.request.host': 'registry.old.example.com',
    'http.request.id': '5b8a2f3e-6c1d-4e0a-9f7b-2d4c8e1a0b3f',
    'http.request.method': 'GET',
    'http.request.remoteaddr': '10.1.2.3:51234',
    'http.request.uri': '/v2/team/api/manifests/1.4.2',
    'http.request.useragent': 'containerd/1.7.2',
    'http.response.contenttype': 'application/vnd.oci.image.index.v1+json',
    'http.response.duration': '3.21ms',
    'http.response.status': 200,
    'http.response.written': 1024,
    level: 'info',
    msg: 'response completed',
    time: '2026-11-20T10:00:00.123456Z',
    ...fields,
  });

describe('distribution JSON log lines: the fields cut out are the ones JSON.parse reads', () => {
  const read = (text: string) => distributionJsonLog.open('registry.log')(text);

  test('a plain line: method, reference, client and time', () => {
    expect(read(line({}))).toEqual([
      expect.objectContaining({
        repository: 'team/api',
        tag: '1.4.2',
        agent: 'containerd/1.7.2',
        identity: 'ci-bot',
        address: '10.1.2.3',
        status: 200,
        time: Date.parse('2026-11-20T10:00:00.123Z'),
      }),
    ]);
  });

  test('an escaped user agent is unescaped, as JSON.parse does', () => {
    const [pull] = read(line({ 'http.request.useragent': 'curl/8.5 "probe"\\x' }));
    expect(pull).toMatchObject({ agent: 'curl/8.5 "probe"\\x' });
  });

  test('a repeated key: the last one counts, as with JSON.parse', () => {
    const text = line({}).replace(/}$/, ',"http.response.status":404}');
    expect(read(text)).toEqual([expect.objectContaining({ status: 404 })]);
  });

  test('blanks after the colons and a nested field: still the same fields', () => {
    const spaced = JSON.stringify(JSON.parse(line({ extra: { msg: 'not this one' } })), null, 1).replace(
      /\n/g,
      '',
    );
    expect(read(spaced)).toEqual([
      expect.objectContaining({ repository: 'team/api', tag: '1.4.2', status: 200 }),
    ]);
  });

  test('a truncated line is an error, not a pull', () => {
    expect(() => read(line({}).slice(0, -20))).toThrow();
  });

  test('a status written as a string is read as JSON.parse’s reading is', () => {
    expect(read(line({ 'http.response.status': '304' }))).toEqual([expect.objectContaining({ status: 304 })]);
  });
});
