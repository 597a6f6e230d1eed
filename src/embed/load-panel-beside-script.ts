import { css, html, nothing } from 'lit';
import { ChatHttpError, StreamCutError } from '../chat/model.js';
import type { PanelModule } from '../chat/load-panel.js';

/**
 * The script-tag build's panel loader (it replaces src/chat/load-panel.ts there): mooni-panel.js sits beside
 * mooni.iife.js. That module is built without Lit and the error classes and takes this bundle's copies from
 * the global below (see shared-from-bundle.ts): one Lit renders both, and `instanceof` knows its errors.
 */
(globalThis as Record<symbol, unknown>)[Symbol.for('mooni.shared')] = {
  css,
  html,
  nothing,
  ChatHttpError,
  StreamCutError,
};

// Read while the classic script runs; afterwards document.currentScript is another script or null.
const base = (document.currentScript as HTMLScriptElement | null)?.src || location.href;

export const loadPanel = (): Promise<PanelModule> => import(/* @vite-ignore */ new URL('mooni-panel.js', base).href);
