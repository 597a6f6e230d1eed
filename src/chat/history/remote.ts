import type { FetchLike } from '../model.js';
import { field } from '../templates/read.js';
import { json, request } from '../transports/http.js';

export interface RemoteSessionsOptions {
  apiBase: string;
  apiKey: string;
  userId: string;
  /** The host server's token for the user (`user-token`), sent as `mooni-user-token`. */
  userToken?: string;
  fetch?: FetchLike;
  signal?: AbortSignal;
}

/**
 * The user's past sessions recorded by the Mooni Chat API (`GET /history/sessions?userId=`), as the
 * server lists them (001 leaves the item shape open), with the user's token when the page has one (a server that
 * checks tokens lists a user's history to that user only). Throws `ChatHttpError` on a non-2xx answer.
 */
export async function fetchRemoteSessions({
  apiBase,
  apiKey,
  userId,
  userToken,
  fetch,
  signal,
}: RemoteSessionsOptions): Promise<unknown[]> {
  const path = '/history/sessions?userId=' + encodeURIComponent(userId);
  const headers: Record<string, string> = { 'mooni-api-key': apiKey };
  if (userToken) headers['mooni-user-token'] = userToken;
  const items = field(await json(await request(fetch, apiBase, path, { headers, signal })), 'items');
  return Array.isArray(items) ? items : [];
}
