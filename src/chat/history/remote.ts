import type { FetchLike } from '../model.js';
import { field } from '../templates/read.js';
import { json, request } from '../transports/http.js';

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
export async function fetchRemoteSessions({
  apiBase,
  apiKey,
  userId,
  fetch,
  signal,
}: RemoteSessionsOptions): Promise<unknown[]> {
  const path = '/history/sessions?userId=' + encodeURIComponent(userId);
  const items = field(
    await json(await request(fetch, apiBase, path, { headers: { 'mooni-api-key': apiKey }, signal })),
    'items',
  );
  return Array.isArray(items) ? items : [];
}
