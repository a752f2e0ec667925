import { describe, expect, test } from '@jest/globals';
import { quayFormat } from '../../../src/pulls/formats/quay.js';
import { describePull, digestOf, readDocument } from './fixtures.js';

// Quay's listRepoLogs (https://docs.redhat.com/en/documentation/red_hat_quay/3.15/html/red_hat_quay_api_reference/listrepologs;
// the entry shape as in "Viewing detailed logs", https://docs.redhat.com/en/documentation/red_hat_quay/3.15/html/use_red_hat_quay/viewing-logs-api).
describe('Quay repository logs', () => {
  test('pull_repo entries by tag and by digest; pushes and tag changes passed over', () => {
    const { records, skipped } = readDocument(quayFormat, 'quay-repository-logs.json');
    expect(skipped).toBe(0);
    expect(records.map(describePull)).toEqual([
      `2026-11-30T08:15:02.000Z | payments/api:2.4.1@${digestOf('quay payments/api:2.4.1')} | - | - | containerd/v1.7.11 | payments+k8s_puller | 10.20.1.11`,
      `2026-11-29T16:40:11.000Z | payments/api@${digestOf('quay payments/api:2.3.0')} | - | - | containers/5.29.2 (github.com/containers/image) | alice | 198.51.100.23`,
    ]);
  });

  test('a pull without its namespace is a located problem', () => {
    const page = {
      start_time: 'x',
      logs: [{ kind: 'pull_repo', metadata: { repo: 'api' }, datetime: 'Mon, 30 Nov 2026 08:15:02 -0000' }],
    };
    expect(quayFormat.read(page, 'q.json').problems).toEqual([
      'logs[0].metadata: expected namespace and repo',
    ]);
  });
});
