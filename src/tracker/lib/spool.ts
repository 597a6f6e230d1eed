import { createStore, del, get, set, type UseStore } from 'idb-keyval';
import type { MoodEvent } from '../../mood/types.js';

let store: UseStore | undefined;
let chain: Promise<unknown> = Promise.resolve();

/**
 * Runs spool work in call order across every tracker of the page, so a tracker created after another stopped
 * reads what that one wrote. Failures (no IndexedDB, quota) leave the events in memory.
 */
const run = <T>(work: (s: UseStore) => Promise<T>) =>
  (chain = chain.then(() => work((store ||= createStore('mooni-tracker', 'spool')))).catch(() => {})) as Promise<
    T | undefined
  >;

/** Unsent events of a session, keyed by session id (each tab has its own). */
export const readSpool = (id: string) => run((s) => get<MoodEvent[]>(id, s));

/** Replaces a session's spool with `events()`, evaluated when the write runs so queued writes coalesce. */
export const writeSpool = (id: string, events: () => MoodEvent[]) =>
  run((s) => {
    const e = events();
    return e.length ? set(id, e, s) : del(id, s);
  });
