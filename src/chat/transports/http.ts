import { ChatHttpError, type FetchLike } from '../model.js';
import { field } from '../templates/read.js';

/** Milliseconds to wait from a `retry-after` header (delta-seconds or an HTTP date). */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (!header) return;
  const seconds = Number(header);
  const date = Date.parse(header);
  return seconds >= 0 ? Math.round(seconds * 1000) : date >= 0 ? Math.max(0, date - now) : undefined;
}

/** The body as JSON, or `0` when it is not JSON. */
export const json = (response: Response): Promise<unknown> => response.json().catch(() => 0);

/** The base URL without its trailing slashes (a loop: `/\/+$/` is quadratic on a long run of slashes). */
export function withoutTrailingSlashes(base: string): string {
  let end = base.length;
  while (end > 0 && base[end - 1] === '/') end--;
  return base.slice(0, end);
}

/**
 * Fetches `base` + `path` (one slash between them; an empty base keeps the path relative) with the given
 * fetch, or the global one looked up now; both are called unbound. A non-2xx answer throws a `ChatHttpError`
 * with the body's `error` code and the `retry-after` delay.
 */
export async function request(
  custom: FetchLike | undefined,
  base: string,
  path: string,
  init: RequestInit,
): Promise<Response> {
  const response = await (custom || fetch)(withoutTrailingSlashes(base) + path, init);
  if (response.ok) return response;
  const code = field(await json(response), 'error');
  throw new ChatHttpError(
    response.status,
    typeof code === 'string' ? code : undefined,
    retryAfterMs(response.headers.get('retry-after')),
  );
}
