import { HostHealth } from '../../src/oci/health.js';
import { RegistryError } from '../../src/oci/errors.js';

describe('HostHealth: breaker, rate limiting, retry budget', () => {
  let now = Date.parse('2026-11-29T12:00:00Z');
  const clock = () => now;

  test('the breaker opens after 5 connection failures in a row, half-opens after 30 s, closes on an answer', () => {
    const health = new HostHealth('reg.example:5000', {}, clock);
    for (let i = 0; i < 4; i++) health.noteConnectionFailure('ECONNREFUSED');
    expect(() => health.admit()).not.toThrow();
    health.noteConnectionFailure('ECONNREFUSED');
    expect(health.open).toBe(true);
    let refused: unknown;
    try {
      health.admit();
    } catch (error) {
      refused = error;
    }
    expect(refused).toBeInstanceOf(RegistryError);
    expect(refused).toMatchObject({
      kind: 'unreachable',
      retryable: false,
      message: expect.stringContaining(
        'registry reg.example:5000 unreachable for 0.0 s (5 connection failures',
      ),
    });
    now += 30_000;
    expect(() => health.admit()).not.toThrow(); // the probe
    // Only one probe; how long is said in seconds, never as a date (a rehearsal's --now is another day).
    expect(() => health.admit()).toThrow(/unreachable for 30\.0 s/);
    health.noteAnswer(200);
    expect(health.open).toBe(false);
    expect(() => health.admit()).not.toThrow();
  });

  test('a failed probe opens the breaker again at once; an answer in between resets the count', () => {
    const health = new HostHealth('reg.example', {}, clock);
    for (let i = 0; i < 4; i++) health.noteConnectionFailure('ETIMEDOUT');
    health.noteAnswer(404);
    for (let i = 0; i < 4; i++) health.noteConnectionFailure('ETIMEDOUT');
    expect(health.open).toBe(false);
    health.noteConnectionFailure('ETIMEDOUT');
    now += 30_000;
    health.admit();
    health.noteConnectionFailure('ECONNRESET');
    expect(() => health.admit()).toThrow(/6 connection failures in a row, last: ECONNRESET/);
  });

  test('only 429 for 60 s: the rest fails as rate-limited; another answer ends the spell', () => {
    const health = new HostHealth('reg.example', {}, clock);
    health.noteAnswer(429);
    now += 59_000;
    health.noteAnswer(429);
    expect(() => health.admit()).not.toThrow();
    now += 1_000;
    expect(() => health.admit()).toThrow(/has answered only 429 \(rate-limited\) for 60\.0 s/);
    health.noteAnswer(200);
    expect(() => health.admit()).not.toThrow();
  });

  test('retries stay within 20 plus a fifth of the requests', () => {
    const health = new HostHealth('reg.example', {}, clock);
    expect(health.allowRetry({ requests: 0, retries: 19 })).toBe(true);
    expect(health.allowRetry({ requests: 0, retries: 20 })).toBe(false);
    expect(health.allowRetry({ requests: 100, retries: 39 })).toBe(true);
    expect(health.allowRetry({ requests: 100, retries: 40 })).toBe(false);
  });
});
