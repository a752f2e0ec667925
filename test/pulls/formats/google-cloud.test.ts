import { describe, expect, test } from '@jest/globals';
import { googleAuditFormat, googleAuditLinesFormat } from '../../../src/pulls/formats/google-cloud.js';
import { describePull, digestOf, readDocument, readLines } from './fixtures.js';

// Artifact Registry audit logs (https://cloud.google.com/artifact-registry/docs/audit-logging: DATA_READ
// methods Docker-GetManifest, Docker-HeadManifest, Docker-ServeBlob…) in the LogEntry / AuditLog shape
// (https://cloud.google.com/logging/docs/reference/audit/auditlog/rest/Shared.Types/AuditLog): a sink's
// export to Cloud Storage (one entry per line) and `gcloud logging read --format=json` (an array).
describe('Google Cloud audit logs', () => {
  const host = 'europe-west1-docker.pkg.dev';
  const node = 'gke-prod-eu-node@acme-prod.iam.gserviceaccount.com';
  const expected = [
    `2026-11-30T08:15:02.118Z | ${host}/acme-prod/docker/payments/api:2.4.1 | HEAD | 200 | containerd/v1.7.15-gke.2 | ${node} | 10.132.0.21`,
    `2026-11-30T08:15:02.301Z | ${host}/acme-prod/docker/payments/api@${digestOf('gar payments/api:2.4.1')} | GET | 200 | containerd/v1.7.15-gke.2 | ${node} | 10.132.0.21`,
    `2026-11-30T09:40:51.771Z | ${host}/acme-prod/docker/payments/api:9.9.9 | GET | 404 | docker/24.0.7 go/go1.20.10 git-commit/311b9ff kernel/6.5.0-1025-azure os/linux arch/amd64 UpstreamClient(Docker-Client/24.0.7 \\(linux\\)) | github-deployer@acme-prod.iam.gserviceaccount.com | 203.0.113.77`,
    `2026-11-30T11:02:17.500Z | ${host}/acme-prod/docker/batch/report:1.8.0 | GET | 200 | Go-http-client/1.1 | cloud-run-jobs@acme-prod.iam.gserviceaccount.com | -`,
  ];

  test('manifest GETs and HEADs of a sink export, with the status the client saw; blobs passed over', () => {
    const { records, problems } = readLines(googleAuditLinesFormat, 'gcs-audit-export.jsonl');
    expect(problems).toEqual([]);
    expect(records.map(describePull)).toEqual(expected);
  });

  test('the same entries as gcloud logging read prints them, newest first', () => {
    const { records, skipped } = readDocument(googleAuditFormat, 'gcloud-logging-read.json');
    expect(skipped).toBe(0);
    expect(records.map(describePull)).toEqual([...expected].reverse());
  });

  test('an entry of a pull method without its request URL is a located problem', () => {
    const entry = {
      protoPayload: {
        '@type': 'type.googleapis.com/google.cloud.audit.AuditLog',
        serviceName: 'artifactregistry.googleapis.com',
        methodName: 'Docker-GetManifest',
      },
      timestamp: '2026-11-30T08:15:02Z',
    };
    expect(googleAuditFormat.read([entry], 'x.json').problems).toEqual([
      '[0].protoPayload.request.requestUrl: expected a string',
    ]);
  });
});
