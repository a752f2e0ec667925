import { RegistryError } from './errors.js';

/**
 * What one run knows about a registry host's health, shared by every request to it: a circuit
 * breaker (a host that refuses connections is not rediscovered request by request), how long it
 * has answered nothing but 429, and the retry budget (retries stay a fraction of the requests).
 */

/** Limits of {@link HostHealth}; see docs/reliability.md. */
export interface HealthPolicy {
  /** Consecutive connection failures or time-outs that open the breaker. */
  breakerThreshold: number;
  /** How long an open breaker fails requests at once before it lets one probe through. */
  breakerCooldownMs: number;
  /** How long a host may answer nothing but 429 before the rest of its work fails as rate-limited. */
  rateLimitBudgetMs: number;
  /** Retries per host and run: this many, plus {@link retryBudgetRatio} of the requests sent. */
  retryBudgetMinimum: number;
  retryBudgetRatio: number;
}

export const DEFAULT_HEALTH_POLICY: HealthPolicy = {
  breakerThreshold: 5,
  breakerCooldownMs: 30_000,
  rateLimitBudgetMs: 60_000,
  retryBudgetMinimum: 20,
  retryBudgetRatio: 0.2,
};

/** The health of one host in one run. */
export class HostHealth {
  private readonly policy: HealthPolicy;
  /** Connection failures in a row, when the run of them began, and the last reason. */
  private failures = 0;
  private failingSince: number | undefined;
  private lastReason = '';
  /** Set while the breaker is open: when it may let a probe through. */
  private openUntil: number | undefined;
  /** When the half-open breaker let its probe through (another may go after a cool-down). */
  private probeStartedAt: number | undefined;
  private rateLimitedSince: number | undefined;
  /** True once the host has answered anything in this run. */
  private answeredOnce = false;

  constructor(
    readonly host: string,
    policy: Partial<HealthPolicy> = {},
    private readonly now: () => number = Date.now,
  ) {
    this.policy = { ...DEFAULT_HEALTH_POLICY, ...policy };
  }

  /**
   * Called before every attempt: throws at once while the breaker is open (after the cool-down
   * one probe goes through, the others still fail) or once the host has been rate-limiting for
   * longer than the budget.
   */
  admit(): void {
    const now = this.now();
    if (this.openUntil !== undefined) {
      const probing =
        this.probeStartedAt !== undefined && now - this.probeStartedAt < this.policy.breakerCooldownMs;
      if (now < this.openUntil || probing) throw this.unreachable();
      this.probeStartedAt = now;
    }
    if (this.rateLimitedSince !== undefined && now - this.rateLimitedSince >= this.policy.rateLimitBudgetMs) {
      throw new RegistryError(
        'rate-limited',
        `registry ${this.host} has answered only 429 (rate-limited) for ${lasted(now - this.rateLimitedSince)}: giving up on its remaining work`,
        { status: 429, host: this.host, final: true, hint: 'run again later, or lower --concurrency' },
      );
    }
  }

  /** The host answered (any status but 429 also ends a rate-limited spell). */
  noteAnswer(status: number): void {
    this.answeredOnce = true;
    this.failures = 0;
    this.failingSince = undefined;
    this.openUntil = undefined;
    this.probeStartedAt = undefined;
    if (status === 429) this.rateLimitedSince ??= this.now();
    else this.rateLimitedSince = undefined;
  }

  /**
   * A connection failed, dropped or timed out. `hopeless` (a host that never answered and let a
   * request wait for nothing) opens the breaker at once: its other requests would wait as long.
   */
  noteConnectionFailure(reason: string, hopeless = false): void {
    const now = this.now();
    this.failures++;
    this.failingSince ??= now;
    this.lastReason = reason;
    if (hopeless || this.probeStartedAt !== undefined || this.failures >= this.policy.breakerThreshold) {
      this.openUntil = now + this.policy.breakerCooldownMs;
      this.probeStartedAt = undefined;
    }
  }

  /** True once the host has answered anything in this run (a first request gets less time to answer). */
  get answered(): boolean {
    return this.answeredOnce;
  }

  /** True while the breaker is open. */
  get open(): boolean {
    return this.openUntil !== undefined;
  }

  /** True when one more retry fits the host's budget. */
  allowRetry(stats: { requests: number; retries: number }): boolean {
    return stats.retries < this.policy.retryBudgetMinimum + this.policy.retryBudgetRatio * stats.requests;
  }

  private unreachable(): RegistryError {
    return new RegistryError(
      'unreachable',
      `registry ${this.host} unreachable for ${lasted(this.now() - (this.failingSince ?? this.now()))} (${this.failures} connection failures in a row, last: ${this.lastReason}); its remaining work fails without trying`,
      {
        host: this.host,
        code: 'BREAKER_OPEN',
        final: true,
        hint: `check that ${this.host} is up and reachable from here`,
      },
    );
  }
}

/**
 * How long a spell has lasted, by this machine's clock. Not a date: a run rehearsing another day
 * (`--now 2030-05-02`) would otherwise print today's date in its story.
 */
function lasted(ms: number): string {
  return `${(Math.max(0, ms) / 1000).toFixed(1)} s`;
}
