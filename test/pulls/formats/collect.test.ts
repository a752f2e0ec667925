import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, test } from '@jest/globals';
import { collectPullEvidence, windowEnd } from '../../../src/pulls/aggregate.js';
import { fixturePath } from './fixtures.js';

describe('vendor evidence through the aggregation', () => {
  test('a cluster list and a gzip-compressed ACR export: old-registry workloads and pulls, other hosts apart', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'cutover-evidence-'));
    const gz = path.join(dir, 'acr-november.csv.gz');
    writeFileSync(gz, gzipSync(readFileSync(fixturePath('azure-acr-export.csv'))));
    const evidence = await collectPullEvidence({
      files: [fixturePath('prod-eu.json'), gz],
      days: 30,
      now: windowEnd('2026-11-30'),
      registries: { old: { host: 'acmeold.azurecr.io', aliases: ['registry.old.example'] } },
    });
    expect(
      evidence.sources.map(({ format, records, pulls, skipped }) => ({ format, records, pulls, skipped })),
    ).toEqual([
      { format: 'kubernetes', records: 18, pulls: 0, skipped: 0 },
      { format: 'azure-acr-csv', records: 4, pulls: 3, skipped: 0 },
    ]);
    expect(evidence.notCounted.failed).toBe(1);
    expect(
      evidence.images.map(({ repository, tag, pulls }) => `${repository}:${tag ?? '-'} ${pulls}`),
    ).toEqual(['batch/report:1.8.0 1', 'payments/api:- 1', 'payments/api:2.4.1 1']);
    const uses = evidence.workloads.map(
      (use) => `${use.namespace}/${use.kind}/${use.name}/${use.container} ${use.running}`,
    );
    expect(uses).toEqual([
      'batch/CronJob/nightly-report/report true',
      'monitoring/DaemonSet/log-shipper/shipper true',
      'monitoring/DaemonSet/log-shipper/shipper true',
      'payments/Deployment/api/api true',
      'payments/Deployment/api/migrate true',
      'payments/ReplicaSet/api-7c9d8f6b5/api true',
      'payments/ReplicaSet/api-7c9d8f6b5/migrate true',
      'batch/CronJob/monthly-invoices/invoices false',
      'batch/Job/nightly-report-29414520/report false',
      'data/StatefulSet/redis/redis false',
      'payments/ReplicaSet/api-5f47b9c8d/api false',
      'payments/ReplicaSet/api-5f47b9c8d/migrate false',
    ]);
  });
});
