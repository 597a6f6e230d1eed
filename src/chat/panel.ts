/**
 * What the open panel needs and the launcher does not: the panel's view (messages, Markdown, templates, past sessions)
 * and the plain words of a message for screen readers, its stylesheet, the phone viewport's follower, the
 * past-sessions request, the answer's stream handling, both transports (the Mooni Chat SSE client with its line
 * reader, and Mind Expression) and the IndexedDB store of conversations. `<mooni-frame>` loads this module on demand
 * (see load-panel.ts), which keeps what a page loads up front small.
 */
export { renderPanel } from './views/panel.js';
export { snapshotOf } from './views/snapshot.js';
export { fetchPastSessions } from './history/past.js';
export { loadConversation, saveConversation } from './history/local.js';
export { createMooniTransport } from './transports/mooni.js';
export { streamAnswer } from './controllers/stream-controller.js';
export { spokenText } from './views/spoken.js';
export { createMindExpressionTransport } from './transports/mind-expression.js';
/**
 * The realtime channel's client, a chunk of its own (mooni-panel-realtime.js beside it): only transport="realtime"
 * needs it.
 */
export const loadRealtime = () => import('./transports/realtime.js');
export { default as styles } from './panel.styles.js';
export { followViewport } from './controllers/viewport-controller.js';
