import { describe, expect, test } from '@jest/globals';
import { harborFormat } from '../../../src/pulls/formats/harbor.js';
import { describePull, digestOf, readDocument } from './fixtures.js';

// Harbor's audit log API: GET /api/v2.0/audit-logs (https://goharbor.io/docs/latest/administration/audit-log/;
// the AuditLog model of Harbor's swagger: id, username, resource, resource_type, operation, op_time).
describe('harbor audit log', () => {
  test('pull operations are pulls, by tag or by digest; pushes and deletions are passed over', () => {
    const { records, skipped, problems } = readDocument(harborFormat, 'harbor-audit-logs.json');
    expect({ skipped, problems }).toEqual({ skipped: 0, problems: [] });
    expect(records.map(describePull)).toEqual([
      '2026-11-30T08:15:02.431Z | payments/api:2.4.1 | - | - | - | robot$payments+ci | -',
      `2026-11-30T08:14:57.002Z | payments/api@${digestOf('payments/api:2.3.0')} | - | - | - | robot$payments+ci | -`,
      '2026-11-29T02:00:41.118Z | platform/log-shipper:latest | - | - | - | anonymous | -',
      '2026-11-27T02:00:03.764Z | batch/report:1.8.0 | - | - | - | robot$batch+nodes | -',
    ]);
  });

  test('an entry whose resource is not an image is counted and located', () => {
    const entries = [
      {
        id: 1,
        resource: 'payments/API:1',
        resource_type: 'artifact',
        operation: 'pull',
        op_time: '2026-11-30T08:15:02Z',
      },
      {
        id: 2,
        resource: 'payments/api:1',
        resource_type: 'artifact',
        operation: 'pull',
        op_time: 'yesterday',
      },
    ];
    const read = harborFormat.read(entries, 'harbor.json');
    expect(read.skipped).toBe(2);
    expect(read.problems).toEqual([
      '[0].resource: "payments/API" is not a repository path',
      '[1].op_time: expected a time, found "yesterday"',
    ]);
  });
});
