/**
 * Stands in for `lit`, `idb-keyval` and the shared modules of panel-runtime.ts when mooni-panel.js is built for script
 * tags: every value comes from the mooni.iife.js that loads it (load-panel-beside-script.ts).
 */
import { PANEL_RUNTIME_KEY, type PanelRuntime, type PanelRuntimeGlobal } from './panel-runtime.js';

export type { TemplateResult } from 'lit-html';

const runtime = (globalThis as PanelRuntimeGlobal)[PANEL_RUNTIME_KEY];
if (!runtime) throw new Error('mooni-panel.js runs only when mooni.iife.js loads it.');

export const {
  adoptStyles,
  css,
  html,
  nothing,
  render,
  createStore,
  get,
  set,
  ChatHttpError,
  StreamCutError,
  MAX_QUESTION,
  MAX_ANSWER,
  RENDER_BUDGET,
  elementStrings,
  fill,
  fillName,
  uuid,
  icon,
  iconButton,
  closeIcon,
  visuallyHidden,
} = runtime;

/** Compiles only while every name of the runtime is exported above. */
export const everyNameExported: Exclude<
  keyof PanelRuntime,
  keyof typeof import('./shared-from-bundle.js')
> extends never
  ? true
  : never = true;
