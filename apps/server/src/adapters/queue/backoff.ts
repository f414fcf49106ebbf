/** How long a failed job waits before its next attempt. */
export interface BackoffPolicy {
  /** Delay after the first failed attempt, in ms (default 1000). */
  readonly baseMs: number;
  /** Each further attempt waits this many times longer (default 4: 1 s, 4 s, 16 s, 64 s …). */
  readonly factor: number;
  /** Longest delay, in ms (default 15 minutes). */
  readonly maxMs: number;
  /** Random spread as a fraction of the delay, 0..1 (default 0.2: ±20 %), so failed jobs do not retry in step. */
  readonly jitter: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 1_000, factor: 4, maxMs: 15 * 60_000, jitter: 0.2 };

/**
 * The delay before the next attempt after `attempts` failed ones (1-based): `baseMs · factor^(attempts−1)`, capped at
 * `maxMs`, then spread by ±`jitter` with `random()` in [0, 1).
 * @example backoffDelayMs(3, DEFAULT_BACKOFF, () => 0.5) // 16000
 */
export function backoffDelayMs(attempts: number, policy: BackoffPolicy, random: () => number = Math.random): number {
  const exponent = Math.max(0, attempts - 1);
  const raw = Math.min(policy.maxMs, policy.baseMs * policy.factor ** exponent);
  const spread = 1 + policy.jitter * (2 * random() - 1);
  return Math.max(0, Math.round(raw * spread));
}
