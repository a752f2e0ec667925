import { answer, startHostileRegistry, type HostileRegistry } from '../harness/hostile-registry.js';
import { RegistryClient } from '../../src/oci/client.js';

/** The transport's waits, against a stand-in that rate-limits on purpose. */
describe('retries wait without holding the host', () => {
  let registry: HostileRegistry;
  const limited = new Map<string, number>();
  beforeAll(async () => {
    registry = await startHostileRegistry({
      handle: ({ response, path }) => {
        // `/v2/slow-N/…` answers 429 N times (Retry-After from the name), then 200; others at once.
        const match = /^\/v2\/(slow-(\d+)-(\d+))\/tags\/list/.exec(path);
        if (match) {
          const seen = limited.get(match[1]!) ?? 0;
          limited.set(match[1]!, seen + 1);
          if (seen < Number(match[2]))
            return answer(
              response,
              429,
              { errors: [{ code: 'TOOMANYREQUESTS' }] },
              { 'retry-after': match[3]! },
            );
        }
        const name = /^\/v2\/(.+)\/tags\/list/.exec(path)?.[1] ?? 'x';
        return answer(response, 200, { name, tags: ['1'] });
      },
    });
  });
  afterAll(() => registry?.stop());

  test('the concurrency slot is free while a request waits out Retry-After', async () => {
    const client = new RegistryClient({ host: registry.host, insecure: true, options: { concurrency: 1 } });
    const started = Date.now();
    const order: string[] = [];
    let slowMs = 0;
    const slow = client.listTags('slow-1-2').then(() => {
      order.push('slow');
      slowMs = Date.now() - started;
    });
    // Give the first request its slot and its 429.
    await new Promise((resolve) => setTimeout(resolve, 300));
    await client.listTags('quick').then(() => order.push('quick'));
    await slow;
    // With one slot, the quick request can only finish first if the waiting one gave its slot back;
    // the slow one cannot finish before its 2 s Retry-After (a lower bound, never flaky).
    expect(order).toEqual(['quick', 'slow']);
    expect(slowMs).toBeGreaterThanOrEqual(2000);
    expect(client.stats.retries).toBe(1);
  });

  test('Retry-After is honoured up to the policy cap, not beyond', async () => {
    const client = new RegistryClient({
      host: registry.host,
      insecure: true,
      options: { retry: { retries: 2, maxDelayMs: 500 } },
    });
    const started = Date.now();
    expect(await client.listTags('slow-1-3600')).toEqual(['1']);
    // A hang guard, not a timing: the cap is 0.5 s, the registry asks for an hour.
    expect(Date.now() - started).toBeLessThan(60_000);
    expect(client.stats.retries).toBe(1);
  });
});
