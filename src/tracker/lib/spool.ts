import { createStore, promisifyRequest, type UseStore } from 'idb-keyval';
import type { MoodEvent } from '../../mood/types.js';
import { SPOOL_DATABASE, SPOOL_STORE, UNSENT_KEY_PREFIX } from './storage-names.js';

let store: UseStore | undefined;
let chain: Promise<unknown> = Promise.resolve();

/**
 * Runs spool work in call order across every tracker of the page, so a tracker created after another stopped
 * reads what that one wrote. Failures (no IndexedDB, quota) leave the events in memory.
 */
const run = <T>(mode: IDBTransactionMode, work: (s: IDBObjectStore) => IDBRequest | IDBTransaction) =>
  (chain = chain
    .then(() => (store ||= createStore(SPOOL_DATABASE, SPOOL_STORE))(mode, (s) => promisifyRequest(work(s))))
    .catch(() => {})) as Promise<T | undefined>;

/**
 * Keeps what is unsent as the page hides: an IndexedDB write begun while the page unloads may never land, a
 * sessionStorage write is done before the next page starts. Blocked or full storage leaves the IndexedDB copy.
 * No events: the IndexedDB spool is being written with newer ones, so nothing is kept here.
 */
export const keepOnHide = (id: string, events: MoodEvent[]) => {
  try {
    if (events[0]) sessionStorage.setItem(UNSENT_KEY_PREFIX + id, JSON.stringify(events));
    else sessionStorage.removeItem(UNSENT_KEY_PREFIX + id);
  } catch {
    // the spool's last IndexedDB write stands
  }
};

/** What the last page of the session left unsent as it went away (taken once), or undefined. */
const takeLeft = (id: string): MoodEvent[] | undefined => {
  try {
    const left = sessionStorage.getItem(UNSENT_KEY_PREFIX + id);
    sessionStorage.removeItem(UNSENT_KEY_PREFIX + id);
    return left ? JSON.parse(left) : undefined;
  } catch {
    return undefined;
  }
};

/**
 * Unsent events of a session (each tab has its own): what the last page left as it went away, which is newer
 * than anything it wrote to IndexedDB, or else the IndexedDB spool.
 */
export const readSpool = (id: string): Promise<MoodEvent[] | undefined> => {
  const left = takeLeft(id);
  return left ? Promise.resolve(left) : run<MoodEvent[]>('readonly', (s) => s.get(id));
};

/** Replaces a session's spool with `events()`, evaluated when the write runs so queued writes coalesce. */
export const writeSpool = (id: string, events: () => MoodEvent[]) =>
  run('readwrite', (s) => {
    const unsent = events();
    if (unsent[0]) s.put(unsent, id);
    else s.delete(id);
    return s.transaction; // settled once the write is durable
  });
