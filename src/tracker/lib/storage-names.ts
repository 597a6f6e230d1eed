/** Where the tracker keeps things in the browser; `Mooni.shutdown()` (src/embed/forget.ts) clears each. */

/** sessionStorage: the tab's SessionMood session id (003 option B). */
export const TRACKER_SESSION_KEY = 'sm_session_id';
/** IndexedDB: the spool of unsent events, one object store. */
export const SPOOL_DATABASE = 'mooni-tracker';
export const SPOOL_STORE = 'spool';
/** sessionStorage, followed by the session id: what a page left unsent as it went away. */
export const UNSENT_KEY_PREFIX = 'mooni_unsent_';
/** sessionStorage: the stay on the page being left, read by the page the visitor goes back to (quick back). */
export const STAY_KEY = 'mooni_stay';
