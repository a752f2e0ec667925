import { describe, expect, test } from '@jest/globals';
import { genericCsvFormat, genericJsonLinesFormat } from '../../../src/pulls/formats/generic.js';
import { describePull, digestOf, readLines } from './fixtures.js';

// cutover's own generic form, documented in docs/evidence-formats.md ("Anything else").
describe('generic CSV and JSON lines', () => {
  test('CSV: columns by the header, quoted fields, a host in the repository, a digest reference', () => {
    const { records, problems } = readLines(genericCsvFormat, 'generic-pulls.csv');
    expect(problems).toEqual([]);
    expect(records.map(describePull)).toEqual([
      '2026-11-30T08:15:02.000Z | payments/api:2.4.1 | - | 200 | containerd/1.7.11 | - | 10.20.1.11',
      `2026-11-30T08:15:02.000Z | payments/api@${digestOf('payments/api:2.4.1')} | - | 200 | containerd/1.7.11 | - | 10.20.1.11`,
      '2026-11-30T09:00:00.000Z | legacy.acme.example:5000/tools/ansible:8.5 | - | 200 | jenkins-eu | deploy, eu | 10.8.0.4',
      '2026-11-30T09:00:01.000Z | tools/ansible:latest | - | 404 | jenkins "eu" agent | - | 10.8.0.4',
    ]);
  });

  test('JSON lines with the same keys; a time in seconds', () => {
    const { records } = readLines(genericJsonLinesFormat, 'generic-pulls.jsonl');
    expect(records.map(describePull)).toEqual([
      '2026-11-30T08:15:02.000Z | payments/api:2.4.1 | - | - | containerd/1.7.11 | - | 10.20.1.11',
      '2026-11-30T09:20:00.000Z | tools/ansible:8.5 | - | - | jenkins-eu | deploy | -',
    ]);
  });

  test('a row without a reference, or with a bad status, is a line problem', () => {
    const parse = genericCsvFormat.open('x.csv');
    parse('time,repository,reference,status');
    expect(() => parse('2026-11-30T08:15:02Z,api,,200')).toThrow('reference: expected a tag or a digest');
    expect(() => parse('2026-11-30T08:15:02Z,api,1.0,ok')).toThrow('status: "ok" is not an HTTP status');
  });
});
