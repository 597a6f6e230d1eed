/**
 * Delay before retry number `attempt` (0-based) after a 5xx or network failure: exponential from `baseMs`,
 * capped at `maxMs`, with "equal jitter" (half fixed, half random) so clients that failed together spread out.
 */
export const backoff = (attempt: number, baseMs: number, maxMs: number, random = Math.random()): number =>
  Math.min(maxMs, baseMs * 2 ** attempt) * (0.5 + random / 2);

/**
 * How long a 429 asks us to wait, in ms: the Retry-After header (seconds or an HTTP date), else the body's
 * `reset_at` (ISO 8601); undefined when neither can be read.
 */
export const retryAfterMs = (retryAfter: string | null, resetAt: unknown, now: number): number | undefined => {
  const seconds = Number(retryAfter || 0);
  const at = seconds ? now + seconds * 1000 : Date.parse(String(retryAfter || resetAt));
  return at >= 0 ? Math.max(0, at - now) : undefined;
};
