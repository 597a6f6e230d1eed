/**
 * What the open panel needs and the launcher does not: the panel's view (messages, Markdown, templates,
 * past sessions), its stylesheet, the past-sessions request and the Mind Expression transport.
 * `<mooni-frame>` loads this module on demand (see load-panel.ts), which keeps what a page loads up front small.
 */
export { renderPanel } from './views/panel.js';
export { fetchPastSessions } from './history/past.js';
export { createMindExpressionTransport } from './transports/mind-expression.js';
export { default as styles } from './panel.styles.js';
