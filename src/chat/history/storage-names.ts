/** Where the chat keeps things in the browser; `Mooni.shutdown()` (src/embed/forget.ts) clears each. */

/** localStorage: the session id the element generated, so a reload continues its conversation. */
export const CHAT_SESSION_KEY = 'mooni_session_id';
/** IndexedDB: the conversations, apart from idb-keyval's default database that host pages may use. */
export const CHAT_DATABASE = 'mooni-chat';
export const CHAT_STORE = 'conversations';
