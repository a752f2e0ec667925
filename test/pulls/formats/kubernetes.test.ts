import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, test } from '@jest/globals';
import { kubernetesFormat, digestOfImageId } from '../../../src/pulls/formats/kubernetes.js';
import type { EvidenceRecord } from '../../../src/pulls/evidence.js';

// The shape is what `kubectl get pods,deployments,statefulsets,daemonsets,replicasets,jobs,cronjobs -A -o json`
// prints: a v1 List of the API objects (https://kubernetes.io/docs/reference/kubectl/generated/kubectl_get/,
// objects per https://kubernetes.io/docs/reference/kubernetes-api/workload-resources/pod-v1/ and the other
// workload resources; imageID per ContainerStatus). The fixture is one cluster's output: ownerReferences
// as a real cluster sets them (Pods → ReplicaSet → Deployment, Pod → Job → CronJob, a static Pod → Node).

const fixture = fileURLToPath(new URL('../../fixtures/pulls/prod-eu.json', import.meta.url));
const document: unknown = JSON.parse(readFileSync(fixture, 'utf8'));

function workloads(records: EvidenceRecord[]) {
  return records.map((record) => {
    if (record.type !== 'workload') throw new Error('expected workloads only');
    const { namespace, kind, name, container, image, running, runningDigest, note } = record;
    return `${namespace} ${kind}/${name} ${container} ${image} ${running ? 'running' : `idle (${note})`}${
      runningDigest === undefined ? '' : ` @${runningDigest.slice(7, 15)}`
    }${running && note !== undefined ? ` (${note})` : ''}`;
  });
}

describe('kubernetes List', () => {
  const result = kubernetesFormat.read(document, fixture);

  test('every container of every workload, pods folded into their owners with the digest they run', () => {
    expect(result.skipped).toBe(0);
    expect(result.problems).toEqual([]);
    const cluster = new Set(result.records.map((record) => record.type === 'workload' && record.cluster));
    expect([...cluster]).toEqual(['prod-eu']);
    expect(workloads(result.records).sort()).toEqual(
      [
        'payments Deployment/api migrate registry.old.example/payments/migrate:2.4.1 running',
        'payments Deployment/api api registry.old.example/payments/api:2.4.1 running',
        `payments ReplicaSet/api-7c9d8f6b5 migrate registry.old.example/payments/migrate:2.4.1 running @${short('payments/migrate:2.4.1')}`,
        `payments ReplicaSet/api-7c9d8f6b5 api registry.old.example/payments/api:2.4.1 running @${short('payments/api:2.4.1')}`,
        'payments ReplicaSet/api-5f47b9c8d migrate registry.old.example/payments/migrate:2.3.0 idle (rollback target: scaled to 0)',
        'payments ReplicaSet/api-5f47b9c8d api registry.old.example/payments/api:2.3.0 idle (rollback target: scaled to 0)',
        `payments Pod/api-7c9d8f6b5-q9wz7 debugger-7tq2m busybox:1.36 running @${short('busybox:1.36')}`,
        'batch CronJob/nightly-report report registry.old.example/batch/report:1.8.0 running (schedule 0 2 * * *)',
        `batch Job/nightly-report-29414520 report registry.old.example/batch/report:1.8.0 idle (finished: Complete) @${short('batch/report:1.8.0')}`,
        'batch CronJob/monthly-invoices invoices registry.old.example/batch/invoices:3.0.2 idle (suspended)',
        `batch Job/db-backfill backfill ghcr.io/acme/backfill:0.9.0 running @${short('acme/backfill:0.9.0')}`,
        `data StatefulSet/postgres postgres postgres:15.5 running @${short('library/postgres:15.5')}`,
        'data StatefulSet/redis redis registry.old.example/data/redis:7.2.4 idle (scaled to 0)',
        `monitoring DaemonSet/log-shipper shipper registry.old.example/platform/log-shipper:latest running @${short('log-shipper:latest:october')}`,
        `monitoring DaemonSet/log-shipper shipper registry.old.example/platform/log-shipper:latest running @${short('log-shipper:latest:november')}`,
        'kube-system DaemonSet/kube-proxy kube-proxy registry.k8s.io/kube-proxy:v1.29.2 running',
        `kube-system Pod/kube-apiserver-node-1 kube-apiserver registry.k8s.io/kube-apiserver:v1.29.2 running @${short('kube-apiserver:v1.29.2')}`,
        `default Pod/netshoot netshoot nicolaka/netshoot running @${short('nicolaka/netshoot:latest')}`,
      ].sort(),
    );
  });

  test('the running digest comes from imageID in each runtime spelling, never from a local image id', () => {
    const hex = 'a'.repeat(64);
    expect(digestOfImageId(`docker-pullable://registry.old.example/api@sha256:${hex}`)).toBe(`sha256:${hex}`);
    expect(digestOfImageId(`docker.io/library/postgres@sha256:${hex}`)).toBe(`sha256:${hex}`);
    expect(digestOfImageId(`sha256:${hex}`)).toBeUndefined();
    expect(digestOfImageId(undefined)).toBeUndefined();
  });

  test('a broken item is counted and located, the others still read', () => {
    const broken = JSON.parse(JSON.stringify(document)) as { items: Array<Record<string, unknown>> };
    const cronJob = broken.items.find((item) => item.kind === 'CronJob')!;
    (cronJob.spec as Record<string, unknown>).jobTemplate = 'nightly';
    const image = broken.items.find((item) => item.kind === 'StatefulSet')!;
    const spec = (image.spec as { template: { spec: { containers: Array<{ image: string }> } } }).template
      .spec;
    spec.containers[0]!.image = 'Postgres:15 5';
    const read = kubernetesFormat.read(broken, 'clusters/prod-us.json.gz');
    expect(read.skipped).toBe(2);
    expect(read.problems).toEqual([
      'items[5].spec.jobTemplate: expected an object',
      'items[11].spec.template.spec.containers[0].image: reference "Postgres:15 5" contains white space',
    ]);
    expect(read.records.length).toBe(result.records.length - 2);
    expect(read.records.every((record) => record.type === 'workload' && record.cluster === 'prod-us')).toBe(
      true,
    );
  });

  test('claims a List of pods and workloads (or an empty one), nothing else', () => {
    expect(kubernetesFormat.sniff(document, fixture)).toBe(true);
    expect(
      kubernetesFormat.sniff({ apiVersion: 'v1', items: [], kind: 'List', metadata: {} }, 'x.json'),
    ).toBe(true);
    const services = {
      apiVersion: 'v1',
      kind: 'List',
      items: [{ apiVersion: 'v1', kind: 'Service', metadata: {} }],
    };
    expect(kubernetesFormat.sniff(services, 'x.json')).toBe(false);
    expect(kubernetesFormat.sniff({ kind: 'Deployment', apiVersion: 'apps/v1' }, 'x.json')).toBe(false);
    expect(kubernetesFormat.sniff([], 'x.json')).toBe(false);
  });
});

/** The fixture's digests are sha256 of a label (its generator's convention): the first 8 hex digits. */
function short(label: string): string {
  return createHash('sha256').update(label).digest('hex').slice(0, 8);
}
