import { createStore, promisifyRequest, type UseStore } from 'idb-keyval';
import type { MoodEvent } from '../../mood/types.js';

let store: UseStore | undefined;
let chain: Promise<unknown> = Promise.resolve();

/**
 * Runs spool work in call order across every tracker of the page, so a tracker created after another stopped
 * reads what that one wrote. Failures (no IndexedDB, quota) leave the events in memory.
 */
const run = <T>(mode: IDBTransactionMode, work: (s: IDBObjectStore) => IDBRequest | IDBTransaction) =>
  (chain = chain
    .then(() => (store ||= createStore('mooni-tracker', 'spool'))(mode, (s) => promisifyRequest(work(s))))
    .catch(() => {})) as Promise<T | undefined>;

/** Unsent events of a session, keyed by session id (each tab has its own). */
export const readSpool = (id: string) => run<MoodEvent[]>('readonly', (s) => s.get(id));

/** Replaces a session's spool with `events()`, evaluated when the write runs so queued writes coalesce. */
export const writeSpool = (id: string, events: () => MoodEvent[]) =>
  run('readwrite', (s) => {
    const e = events();
    // eslint-disable-next-line @typescript-eslint/no-unused-expressions -- short-circuit call kept from the legacy tracker; to be removed by the split
    e[0] ? s.put(e, id) : s.delete(id);
    return s.transaction; // settled once the write is durable
  });
