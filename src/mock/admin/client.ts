import type { Faults } from '../faults.js';
import type { FeedbackRecord, Plan } from '../store.js';
import type { LoggedRequest } from './request-log.js';

/** How the client reaches the mock: `fetch` (the demo passes the in-page mock's) and the mock's origin. */
export interface MockAdminOptions {
  fetch?: (url: string, init?: RequestInit) => Promise<Response>;
  /** Origin (or base URL) of the mock; default: the current page's origin. */
  base?: string;
}

/**
 * A typed client for the mock's test/QA control routes (`/__mock/*`), so tests, the demo and the bench never
 * build those requests by hand. Every call throws when the mock answers with an error status.
 */
export interface MockAdmin {
  /** The faults now in force, per scope. */
  faults(): Promise<Faults>;
  /** Sets the faults of the scopes named (others stay); `null` clears every fault. */
  setFaults(faults: Faults | null): Promise<Faults>;
  /** Every raw event the mock received for a session, in order, duplicates included ([] for an unknown session). */
  sessionEvents<Event = unknown>(sessionId: string): Promise<Event[]>;
  /** Feedback the mock recorded for a session, oldest first. */
  feedback(sessionId: string): Promise<FeedbackRecord[]>;
  quotas(): Promise<Record<Plan, number>>;
  /** Changes the monthly quota of the plans named, so a limit is reached quickly. */
  setQuotas(quotas: Partial<Record<Plan, number>>): Promise<Record<Plan, number>>;
  /** The last requests the mock answered, oldest first. */
  log(): Promise<LoggedRequest[]>;
  /** Revokes a SessionMood key: it then gets 401 "revoked" everywhere. */
  revokeKey(apiKey: string): Promise<{ api_key: string; revoked: boolean; revoked_at: string }>;
  /** Clears faults, the request log, the store and run-time settings. */
  reset(): Promise<void>;
}

export function createMockAdmin(options: MockAdminOptions = {}): MockAdmin {
  const send = options.fetch ?? ((url: string, init?: RequestInit) => fetch(url, init));
  const base = options.base ?? '';
  const call = async <T>(path: string, init?: RequestInit, missing?: T): Promise<T> => {
    const response = await send(`${base}/__mock/${path}`, init);
    if (missing !== undefined && response.status === 404) return missing;
    if (!response.ok) throw new Error(`${init?.method ?? 'GET'} /__mock/${path} answered ${response.status}`);
    return (await response.json()) as T;
  };
  const post = (body: unknown): RequestInit => ({
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  return {
    faults: () => call<Faults>('faults'),
    setFaults: (faults) => call<Faults>('faults', faults ? post(faults) : { method: 'DELETE' }),
    sessionEvents: async <Event>(sessionId: string) =>
      (await call<{ events: Event[] }>(`sessions/${encodeURIComponent(sessionId)}/events`, undefined, { events: [] }))
        .events,
    feedback: async (sessionId) =>
      (await call<{ items: FeedbackRecord[] }>(`feedback?session=${encodeURIComponent(sessionId)}`)).items,
    quotas: () => call<Record<Plan, number>>('quotas'),
    setQuotas: (quotas) => call<Record<Plan, number>>('quotas', post(quotas)),
    log: async () => (await call<{ items: LoggedRequest[] }>('log')).items,
    revokeKey: (apiKey) =>
      call<{ api_key: string; revoked: boolean; revoked_at: string }>(
        `keys/${encodeURIComponent(apiKey)}/revoke`,
        post({}),
      ),
    reset: async () => {
      await call<unknown>('reset', { method: 'POST' });
    },
  };
}
