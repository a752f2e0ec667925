import { describe, expect, test } from '@jest/globals';
import { collectPullEvidence, windowEnd } from '../../src/pulls/aggregate.js';
import { pullCriteria } from '../../src/status/pull-criteria.js';
import { pullsSection } from '../../src/status/pulls-section.js';
import { fixturePath } from '../pulls/formats/fixtures.js';

const old = { host: 'registry.old.example', aliases: [] };
const evidenceOf = (files: string[]) =>
  collectPullEvidence({
    files: files.map(fixturePath),
    days: 30,
    now: windowEnd('2026-11-30'),
    registries: { old },
  });

describe('the pull criteria of status', () => {
  test('without evidence: nothing checked, no reason, and the section says how to check', () => {
    const criteria = pullCriteria(undefined, old.host);
    expect(criteria).toEqual({ checked: false, unchecked: ['pulls', 'workloads'], reasons: [] });
    expect(pullsSection(undefined, criteria, old.host)).toContain(
      '_Not checked: pass the old registry’s logs',
    );
  });

  test('a log and a cluster list: pulls by others and workloads on old images are two reasons', async () => {
    const evidence = await evidenceOf(['generic-pulls.csv', 'prod-eu.json']);
    const criteria = pullCriteria(evidence, old.host);
    expect(criteria.checked).toBe(true);
    expect(criteria.reasons).toEqual([
      'something other than cutover pulled from registry.old.example in the last 30 days: 2 pulls of 2 images by 1 client (payments/api:2.4.1 ×1, payments/api@sha256:4d1b3123f645… ×1)',
      '12 workload containers run or are templated on an image of registry.old.example (7 running now): prod-eu/batch CronJob/nightly-report (report), prod-eu/monitoring DaemonSet/log-shipper (shipper), prod-eu/monitoring DaemonSet/log-shipper (shipper), …',
    ]);
    const section = pullsSection(evidence, criteria, old.host);
    expect(section).toContain(
      '| `payments/api:2.4.1` | 1 | 2026-11-30 08:15 | containerd/1.7.11 · 10.20.1.11 (1) |',
    );
    expect(section).toContain('| prod-eu | batch | 1 | 2 |');
    expect(section).toContain('generic-pulls.csv` | generic-csv | 4 | 2 | 0 |');
  });

  test('a cluster list alone checks the workloads, not the pulls', async () => {
    const criteria = pullCriteria(await evidenceOf(['prod-eu.json']), old.host);
    expect(criteria.checked).toBe(false);
    expect(criteria.unchecked).toEqual(['pulls']);
  });
});
