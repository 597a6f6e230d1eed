import type { FetchLike } from '../model.js';
import { fetcher, httpError, join } from '../transports/http.js';

export interface RemoteSessionsOptions {
  apiBase: string;
  apiKey: string;
  userId: string;
  fetch?: FetchLike;
  signal?: AbortSignal;
}

/**
 * The user's past sessions recorded by the Mooni Chat API (`GET /history/sessions?userId=`), as the
 * server lists them (001 leaves the item shape open). Throws `ChatHttpError` on a non-2xx answer.
 */
export async function fetchRemoteSessions(options: RemoteSessionsOptions): Promise<unknown[]> {
  const url = join(options.apiBase, `/history/sessions?userId=${encodeURIComponent(options.userId)}`);
  const response = await fetcher(options.fetch)(url, {
    headers: { 'mooni-api-key': options.apiKey },
    signal: options.signal,
  });
  if (!response.ok) throw await httpError(response);
  const body: unknown = await response.json().catch(() => undefined);
  const items = body !== null && typeof body === 'object' ? (body as { items?: unknown }).items : undefined;
  return Array.isArray(items) ? items : [];
}
