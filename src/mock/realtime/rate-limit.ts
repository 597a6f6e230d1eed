/**
 * A sliding-window limit (000: 10 WebSocket messages a second): at most `limit` accepted in any `windowMs`.
 * A refusal says when the oldest accepted frame leaves the window, so the sender knows when to try again.
 */
export interface RateLimiter {
  /** Counts a frame at `now`; refused frames do not count. */
  take(now: number): { ok: true } | { ok: false; retryAfterMs: number };
}

export function createRateLimiter(limit = 10, windowMs = 1000): RateLimiter {
  const accepted: number[] = [];
  return {
    take(now) {
      while (accepted.length && accepted[0] <= now - windowMs) accepted.shift();
      if (accepted.length >= limit) return { ok: false, retryAfterMs: Math.max(1, accepted[0] + windowMs - now) };
      accepted.push(now);
      return { ok: true };
    },
  };
}
