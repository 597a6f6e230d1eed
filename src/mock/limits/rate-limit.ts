/**
 * Per-key request limits as 000 states them ("REST API 60 req/min"): a fixed one-minute window per key.
 * Pure and clock-injected, so it is tested without waiting a minute.
 */

export interface RateLimitOptions {
  /** Requests each key may make per window (000's default: 60). */
  perWindow?: number;
  /** Window length in ms (default 60,000: a minute). */
  windowMs?: number;
}

export type RateDecision = { allowed: true } | { allowed: false; retryAfterSec: number; resetAt: string };

export const DEFAULT_REST_PER_MINUTE = 60;

export function createRateLimiter(options: RateLimitOptions = {}) {
  const perWindow = options.perWindow ?? DEFAULT_REST_PER_MINUTE;
  const windowMs = options.windowMs ?? 60_000;
  let windows = new Map<string, { startedAt: number; count: number }>();

  return {
    perWindow,
    /** Counts one request by `key` at `now`; refuses it once the key's window is full. */
    take(key: string, now = Date.now()): RateDecision {
      let window = windows.get(key);
      if (!window || now - window.startedAt >= windowMs) {
        window = { startedAt: now, count: 0 };
        windows.set(key, window);
      }
      if (window.count < perWindow) {
        window.count++;
        return { allowed: true };
      }
      const resetAtMs = window.startedAt + windowMs;
      return {
        allowed: false,
        retryAfterSec: Math.max(1, Math.ceil((resetAtMs - now) / 1000)),
        resetAt: new Date(resetAtMs).toISOString(),
      };
    },
    reset() {
      windows = new Map();
    },
  };
}

export type RateLimiter = ReturnType<typeof createRateLimiter>;
