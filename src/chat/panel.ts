/**
 * What the open panel needs and the launcher does not: message views (Markdown, templates), the panel's
 * stylesheet and the Mind Expression transport. `<mooni-frame>` loads this module on demand (see
 * load-panel.ts), which keeps what a page loads up front small.
 */
export { renderMessage } from './views/message.js';
export { createMindExpressionTransport } from './transports/mind-expression.js';
export { default as styles } from './panel.styles.js';
