/**
 * What the open panel needs and the launcher does not: the panel's view (messages, Markdown, templates, past sessions)
 * and the plain words of a message for screen readers, its stylesheet, the past-sessions request, the answer's
 * stream handling, the log's scrolling, the Mooni Chat SSE client with its line reader and the IndexedDB store of
 * conversations.
 * `<mooni-frame>` loads this module on demand (see load-panel.ts), which keeps what a page loads up front small.
 * What only some pages need is a chunk of its own, loaded by this module when wanted: the Mind Expression client,
 * the realtime channel's and the phone viewport's follower.
 */
export { renderPanel } from './views/panel.js';
export { snapshotOf } from './views/snapshot.js';
export { fetchPastSessions } from './history/past.js';
export { loadConversation, saveConversation } from './history/local.js';
export { createMooniTransport } from './transports/mooni.js';
export { streamAnswer } from './controllers/stream-controller.js';
export { spokenText } from './views/spoken.js';
/** The Mind Expression gateway's client, a chunk of its own (beside mooni-panel.js): only its transport needs it. */
export const loadMindExpression = () => import('./transports/mind-expression.js');
/**
 * The realtime channel's client, a chunk of its own (mooni-panel-realtime.js beside it): only transport="realtime"
 * needs it.
 */
export const loadRealtime = () => import('./transports/realtime.js');
export { default as styles } from './panel.styles.js';
export { followViewport } from './controllers/follow-viewport.js';
export { ScrollController } from './controllers/scroll-controller.js';
