/**
 * What `Mooni.shutdown()` clears of the visitor: every key Mooni keeps in this browser. Loaded only then
 * (mooni-forget.js beside the script-tag bundle).
 */
import { OPEN_KEY } from './continuity.js';
import { INTERVENTION_STATE_KEY } from './interventions.js';

const LOCAL_KEYS = ['mooni_session_id'];
const SESSION_KEYS = [INTERVENTION_STATE_KEY, OPEN_KEY, 'sm_session_id'];
/** IndexedDB databases and their one object store: the chat's conversations, the tracker's unsent events. */
const DATABASES = { 'mooni-chat': 'conversations', 'mooni-tracker': 'spool' };

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
  } catch {
    // storage blocked: nothing was kept there
  }
  return Promise.all(Object.entries(DATABASES).map(([name, store]) => clearDatabase(name, store)));
}
