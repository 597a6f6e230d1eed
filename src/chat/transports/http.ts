import { ChatHttpError, type FetchLike } from '../model.js';

/** The given fetch, or the global one looked up at call time (so it is never called unbound). */
export function fetcher(custom?: FetchLike): FetchLike {
  return custom ?? ((input, init) => globalThis.fetch(input, init));
}

/** `base` + `path` with exactly one slash between them; an empty base keeps the path relative. */
export function join(base: string, path: string): string {
  return base.replace(/\/+$/, '') + path;
}

/** Milliseconds to wait from a `retry-after` header (delta-seconds or an HTTP date). */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  const value = header.trim();
  if (/^\d+(\.\d+)?$/.test(value)) return Math.round(Number(value) * 1000);
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** A `ChatHttpError` for a non-2xx response, with the body's `error` code when it has one. */
export async function httpError(response: Response): Promise<ChatHttpError> {
  let code: string | undefined;
  try {
    const body: unknown = await response.json();
    const error = body !== null && typeof body === 'object' ? (body as { error?: unknown }).error : undefined;
    if (typeof error === 'string') code = error;
  } catch {
    // No JSON body (401 has none): the status alone explains the failure.
  }
  return new ChatHttpError(response.status, code, retryAfterMs(response.headers.get('retry-after')));
}

/**
 * An AbortController that follows `outer` and that the caller aborts itself when done, so an unfinished
 * response body is always released (the stream's end marker may come before the connection closes).
 */
export function linkedAbort(outer: AbortSignal): { signal: AbortSignal; release(): void } {
  const inner = new AbortController();
  const follow = () => inner.abort(outer.reason);
  if (outer.aborted) follow();
  else outer.addEventListener('abort', follow, { once: true });
  return {
    signal: inner.signal,
    release() {
      outer.removeEventListener('abort', follow);
      inner.abort();
    },
  };
}
