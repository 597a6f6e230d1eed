/**
 * What `Mooni.shutdown()` clears of the visitor: every key Mooni keeps in this browser. Loaded only then
 * (mooni-forget.js beside the script-tag bundle).
 */
import { CHAT_DATABASE, CHAT_SESSION_KEY, CHAT_STORE } from '../chat/history/storage-names.js';
import {
  SPOOL_DATABASE,
  SPOOL_STORE,
  STAY_KEY,
  TRACKER_SESSION_KEY,
  UNSENT_KEY_PREFIX,
} from '../tracker/lib/storage-names.js';
import { OPEN_KEY } from './continuity.js';
import { INTERVENTION_STATE_KEY } from './interventions.js';

const LOCAL_KEYS = [CHAT_SESSION_KEY];
const SESSION_KEYS = [INTERVENTION_STATE_KEY, OPEN_KEY, TRACKER_SESSION_KEY, STAY_KEY];
/** IndexedDB databases and their one object store: the chat's conversations, the tracker's unsent events. */
const DATABASES = { [CHAT_DATABASE]: CHAT_STORE, [SPOOL_DATABASE]: SPOOL_STORE };

/**
 * Empties a Mooni database; it never creates one that is not there. Not deleted: the page's own connections (the
 * chat's and the tracker's stores) stay open until it unloads, and a deletion they block would hold back every
 * later opening of the database, the next boot's included.
 */
async function clearDatabase(name: string, store: string): Promise<void> {
  if (!(await indexedDB.databases()).some((database) => database.name === name)) return;
  await new Promise<void>((resolve) => {
    const request = indexedDB.open(name);
    request.onsuccess = () => {
      const db = request.result;
      try {
        const transaction = db.transaction(store, 'readwrite');
        transaction.objectStore(store).clear();
        transaction.oncomplete = transaction.onerror = () => (db.close(), resolve());
      } catch {
        db.close(); // no such store: nothing of Mooni's in it
        resolve();
      }
    };
    request.onerror = () => resolve();
  });
}

/** Clears Mooni's localStorage and sessionStorage keys and empties its IndexedDB databases. */
export function forgetVisitor(): Promise<unknown> {
  try {
    for (const key of LOCAL_KEYS) localStorage.removeItem(key);
    for (const key of SESSION_KEYS) sessionStorage.removeItem(key);
    // What a page left unsent as it went away, one key per tracker session.
    for (const key of Object.keys(sessionStorage))
      if (key.startsWith(UNSENT_KEY_PREFIX)) sessionStorage.removeItem(key);
  } catch {
    // storage blocked: nothing was kept there
  }
  return Promise.all(Object.entries(DATABASES).map(([name, store]) => clearDatabase(name, store)));
}
