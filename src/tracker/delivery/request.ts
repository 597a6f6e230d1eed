import type { TrackerOptions, TrackerStats } from '../types.js';

/** A request to one SessionMood session: `path` under /v1/sessions/:id (the current session unless `id`). */
export type SessionRequest = (path: string, init?: RequestInit, id?: string) => Promise<Response>;

/** Makes the session requests of `options` (its fetch, API base and key), each counted in `stats.requests`. */
export const createSessionRequest =
  (options: TrackerOptions, stats: TrackerStats, sessionId: () => string): SessionRequest =>
  (path, init, id = sessionId()) => {
    stats.requests++;
    const base = (options.apiBase || '').replace(/\/$/, '');
    return (options.fetch || fetch)(`${base}/v1/sessions/${encodeURIComponent(id)}${path}`, {
      ...init,
      headers: { 'X-Api-Key': options.apiKey || '', 'Content-Type': 'application/json' },
    });
  };

/** feedback() and forget(): a request the host awaits; 404 (no such session) is not an error. */
export const hostCall = async (response: Promise<Response>): Promise<void> => {
  const { status } = await response;
  if (status > 299 && status !== 404) throw Error(`Mooni: HTTP ${status}`);
};
