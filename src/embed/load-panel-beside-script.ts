import { adoptStyles, css, html, nothing, render } from 'lit';
import { createStore, get, set } from 'idb-keyval';
import * as model from '../chat/model.js';
import * as limits from '../chat/limits.js';
import * as strings from '../chat/strings.js';
import * as uuid from '../chat/controllers/uuid.js';
import * as icons from '../chat/views/icons.js';
import * as visuallyHidden from '../chat/visually-hidden.styles.js';
import type { PanelModule } from '../chat/load-panel.js';
import { PANEL_RUNTIME_KEY, type PanelRuntime, type PanelRuntimeGlobal } from './panel-runtime.js';

/**
 * The script-tag build's panel loader (it replaces src/chat/load-panel.ts there): mooni-panel.js sits beside
 * mooni.iife.js and takes Lit and the shared helpers from this bundle (see panel-runtime.ts).
 */
const runtime: PanelRuntime = {
  adoptStyles,
  css,
  html,
  nothing,
  render,
  createStore,
  get,
  set,
  ...model,
  ...limits,
  ...strings,
  ...uuid,
  ...icons,
  ...visuallyHidden,
};
(globalThis as PanelRuntimeGlobal)[PANEL_RUNTIME_KEY] = runtime;

// Read while the classic script runs; afterwards document.currentScript is another script or null.
const base = (document.currentScript as HTMLScriptElement | null)?.src || location.href;

let attempts = 0;

/**
 * Each attempt after a failed one asks for a fresh URL (`?retry=N`): Firefox answers a second import() of a URL
 * that failed with the same failure, without fetching it again. Only a module that loaded is kept (loadPanelOnce).
 */
export const loadPanel = (): Promise<PanelModule> => {
  const url = new URL('mooni-panel.js', base);
  if (attempts) url.searchParams.set('retry', String(attempts));
  attempts += 1;
  return import(/* @vite-ignore */ url.href);
};
