import { CLIENTS_PER_IMAGE, PullTally, registryNames, windowEnd } from '../../src/pulls/aggregate.js';
import type { EvidenceRecord } from '../../src/pulls/evidence.js';

const NOW = Date.parse('2026-11-30T23:59:59.999Z');
const DAY = 86_400_000;

function pull(fields: Partial<EvidenceRecord & { type: 'pull' }>): EvidenceRecord {
  return {
    type: 'pull',
    time: NOW - DAY,
    repository: 'team/api',
    tag: '1.0',
    agent: 'containerd/1.7.2',
    ...fields,
  };
}

function workload(image: string, running = true): EvidenceRecord {
  return {
    type: 'workload',
    cluster: 'prod-eu',
    namespace: 'shop',
    kind: running ? 'Deployment' : 'ReplicaSet',
    name: 'api',
    container: 'api',
    image,
    running,
  };
}

describe('windowEnd', () => {
  test('the end of --now’s day (UTC), else the clock', () => {
    expect(new Date(windowEnd('2026-11-30')).toISOString()).toBe('2026-11-30T23:59:59.999Z');
    expect(windowEnd(undefined, () => 42)).toBe(42);
  });
});

describe('registryNames', () => {
  test('the host and aliases; all of Docker Hub’s names when it is Docker Hub', () => {
    expect([...registryNames({ host: 'Registry.Old.example.com', aliases: ['old.internal:5000'] })]).toEqual([
      'registry.old.example.com',
      'old.internal:5000',
    ]);
    expect([...registryNames({ host: 'docker.io', aliases: [] })].sort()).toEqual([
      'docker.io',
      'index.docker.io',
      'registry-1.docker.io',
      'registry.hub.docker.com',
    ]);
  });
});

describe('PullTally', () => {
  const old = { host: 'registry.old.example.com', aliases: ['old.internal:5000'] };

  test('the window is [now − days, now]: its first millisecond counts, the one before and after do not', () => {
    const tally = new PullTally({ days: 30, now: NOW, registries: { old } });
    expect(tally.add(pull({ time: NOW - 30 * DAY }))).toBe(true);
    expect(tally.add(pull({ time: NOW - 30 * DAY - 1 }))).toBe(false);
    expect(tally.add(pull({ time: NOW + 1 }))).toBe(false);
    expect(tally.add(pull({ time: undefined }))).toBe(true);
    const result = tally.result([]);
    expect([result.pulls, result.notCounted.outsideWindow]).toEqual([2, 2]);
    expect(result.window).toEqual({
      days: 30,
      from: '2026-10-31T23:59:59.999Z',
      to: '2026-11-30T23:59:59.999Z',
    });
  });

  test('a record naming a host counts for the old registry (host, alias) only; one naming none is the old registry’s', () => {
    const tally = new PullTally({ days: 30, now: NOW, registries: { old } });
    expect(tally.add(pull({ registry: 'REGISTRY.OLD.EXAMPLE.COM' }))).toBe(true);
    expect(tally.add(pull({ registry: 'old.internal:5000' }))).toBe(true);
    expect(tally.add(pull({}))).toBe(true);
    expect(tally.add(pull({ registry: 'registry.new.example.com' }))).toBe(false);
    expect(tally.result([]).notCounted.otherRegistry).toBe(1);
  });

  test('Docker Hub as the old registry: every name of it, and host-less workload images', () => {
    const tally = new PullTally({
      days: 30,
      now: NOW,
      registries: { old: { host: 'docker.io', aliases: [] } },
    });
    for (const registry of ['docker.io', 'index.docker.io', 'registry-1.docker.io'])
      expect(tally.add(pull({ registry }))).toBe(true);
    tally.add(workload('nginx:1.25'));
    tally.add(workload('bitnami/redis:7.2', false));
    tally.add(workload('registry.new.example.com/team/api:1.0'));
    tally.add(workload('ghcr.io/acme/tool:2'));
    const result = tally.result([]);
    expect(result.workloads.map((use) => [use.image, use.running])).toEqual([
      ['nginx:1.25', true],
      ['bitnami/redis:7.2', false],
    ]);
  });

  test('workloads on the old registry, running ones first; other registries left out', () => {
    const tally = new PullTally({ days: 30, now: NOW, registries: { old } });
    tally.add(workload('old.internal:5000/team/api:0.9', false));
    tally.add(workload('registry.old.example.com/team/api:1.0'));
    tally.add(workload('nginx:1.25'));
    expect(tally.result([]).workloads.map((use) => use.image)).toEqual([
      'registry.old.example.com/team/api:1.0',
      'old.internal:5000/team/api:0.9',
    ]);
  });

  test('successful pulls only (2xx, 304); cutover’s own apart; images and clients counted', () => {
    const tally = new PullTally({ days: 30, now: NOW, registries: { old } });
    tally.add(pull({ status: 200, address: '10.0.0.1' }));
    tally.add(pull({ status: 304, address: '10.0.0.1', time: NOW - 2 * DAY }));
    tally.add(pull({ status: 404, address: '10.0.0.1' }));
    tally.add(pull({ status: 401, address: '10.0.0.2' }));
    tally.add(pull({ agent: 'cutover/0.1.0', tag: '2.0' }));
    tally.add(
      pull({ tag: undefined, digest: `sha256:${'a'.repeat(64)}`, agent: 'docker/24.0.7', identity: 'ci' }),
    );
    const result = tally.result([]);
    expect([result.pulls, result.notCounted.failed, result.own.pulls, result.own.images]).toEqual([
      3, 2, 1, 1,
    ]);
    expect(result.images).toEqual([
      {
        repository: 'team/api',
        tag: '1.0',
        digest: undefined,
        pulls: 2,
        last: new Date(NOW - DAY).toISOString(),
        clients: [
          {
            agent: 'containerd/1.7.2',
            identity: undefined,
            address: '10.0.0.1',
            pulls: 2,
            last: new Date(NOW - DAY).toISOString(),
          },
        ],
        unlistedPulls: 0,
      },
      expect.objectContaining({ tag: undefined, digest: `sha256:${'a'.repeat(64)}`, pulls: 1 }),
    ]);
    expect(result.clients.map((client) => [client.agent, client.pulls])).toEqual([
      ['containerd/1.7.2', 2],
      ['docker/24.0.7', 1],
    ]);
  });

  test('memory stays bounded: clients beyond the limit per image are counted, not listed', () => {
    const tally = new PullTally({ days: 30, now: NOW, registries: { old } });
    for (let i = 0; i < CLIENTS_PER_IMAGE + 10; i++) tally.add(pull({ address: `10.0.0.${i}` }));
    tally.add(pull({ address: '10.0.0.0' }));
    const [image] = tally.result([]).images;
    expect([image!.pulls, image!.clients.length, image!.unlistedPulls]).toEqual([
      CLIENTS_PER_IMAGE + 11,
      CLIENTS_PER_IMAGE,
      10,
    ]);
    expect(image!.clients[0]).toMatchObject({ address: '10.0.0.0', pulls: 2 });
  });
});
