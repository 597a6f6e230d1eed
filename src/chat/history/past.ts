import { fetchRemoteSessions, type RemoteSessionsOptions } from './remote.js';

/** A past session as the history view lists it. */
export interface PastSession {
  id: string;
  title: string;
  at: number;
}

/** The user's past sessions, read into what the list shows (001 leaves the items' shape open). */
export const fetchPastSessions = (options: RemoteSessionsOptions): Promise<PastSession[]> =>
  fetchRemoteSessions(options).then((items) =>
    items.flatMap((raw) => {
      const item = Object(raw);
      const id = item.sessionId || item.id;
      return typeof id === 'string'
        ? [{ id, title: String(item.title || id).slice(0, 120), at: Date.parse(item.updatedAt || item.createdAt) }]
        : [];
    }),
  );
