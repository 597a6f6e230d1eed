/**
 * The runtime that mooni.iife.js shares with the mooni-panel.js and mooni-interventions.js it loads (the rule: a
 * lazy module brings no second copy of anything the bundle has). The script-tag build of those modules resolves `lit`
 * and each module imported as a namespace below to shared-from-bundle.ts, which hands out the bundle's own copies:
 * one Lit renders both, `instanceof` knows the bundle's errors, and helpers ship once.
 *
 * `npm run typecheck` checks the panel module against this rule (tsconfig.panel.json maps `lit` to
 * shared-from-bundle.ts, and `idb-keyval` too): a Lit export that is not listed in `SharedLit` fails there. A new
 * helper module is shared by importing its namespace here; scripts/script-tag-build.mjs reads the list from these
 * imports.
 */
import type { adoptStyles, css } from '@lit/reactive-element';
import type { html, nothing, render } from 'lit-html';
// From the file itself: tsconfig.panel.json maps the package name to shared-from-bundle.ts.
import type { createStore, get, set } from 'idb-keyval/dist/index.js';
import type * as model from '../chat/model.js';
import type * as limits from '../chat/limits.js';
import type * as strings from '../chat/strings.js';
import type * as uuid from '../chat/controllers/uuid.js';
import type * as icons from '../chat/views/icons.js';
import type * as visuallyHidden from '../chat/visually-hidden.styles.js';

/** The part of Lit the panel module may use. */
export interface SharedLit {
  adoptStyles: typeof adoptStyles;
  css: typeof css;
  html: typeof html;
  nothing: typeof nothing;
  render: typeof render;
}

/** The part of idb-keyval the panel module may use (the tracker's spool has the bundle's copy). */
export interface SharedStore {
  createStore: typeof createStore;
  get: typeof get;
  set: typeof set;
}

export type PanelRuntime = SharedLit &
  SharedStore &
  typeof model &
  typeof limits &
  typeof strings &
  typeof uuid &
  typeof icons &
  typeof visuallyHidden;

/** Where mooni.iife.js leaves the runtime for mooni-panel.js. */
export const PANEL_RUNTIME_KEY: unique symbol = Symbol.for('mooni.panel-runtime');

export type PanelRuntimeGlobal = { [PANEL_RUNTIME_KEY]?: PanelRuntime };
