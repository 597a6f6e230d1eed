/**
 * Stands in for `lit` and src/chat/model.ts when mooni-panel.js is built: the values come from the
 * mooni.iife.js that loads it (load-panel-beside-script.ts), not from second copies.
 */
const shared = (globalThis as Record<symbol, any>)[Symbol.for('mooni.shared')];

export const { css, html, nothing, ChatHttpError, StreamCutError } = shared;
