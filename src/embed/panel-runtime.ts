/**
 * The runtime that mooni.iife.js shares with the mooni-panel.js it loads (the rule: the panel module brings
 * no second copy of anything the bundle has). The script-tag build of mooni-panel.js resolves `lit` and each
 * module imported as a namespace below to shared-from-bundle.ts, which hands out the bundle's own copies: one
 * Lit renders both, `instanceof` knows the bundle's errors, and helpers ship once.
 *
 * `npm run typecheck` checks the panel module against this rule (tsconfig.panel.json maps `lit` to
 * shared-from-bundle.ts): a Lit export that is not listed in `SharedLit` fails there. A new helper module is
 * shared by importing its namespace here; scripts/script-tag-build.mjs reads the list from these imports.
 */
import type { css } from '@lit/reactive-element';
import type { html, nothing } from 'lit-html';
import type * as model from '../chat/model.js';
import type * as limits from '../chat/limits.js';
import type * as safeUrl from '../chat/safe-url.js';
import type * as strings from '../chat/strings.js';
import type * as uuid from '../chat/controllers/uuid.js';
import type * as templates from '../chat/templates/index.js';
import type * as readers from '../chat/templates/read.js';
import type * as http from '../chat/transports/http.js';
import type * as icons from '../chat/views/icons.js';
import type * as spoken from '../chat/views/spoken.js';

/** The part of Lit the panel module may use. */
export interface SharedLit {
  css: typeof css;
  html: typeof html;
  nothing: typeof nothing;
}

export type PanelRuntime = SharedLit &
  typeof model &
  typeof limits &
  typeof safeUrl &
  typeof strings &
  typeof uuid &
  typeof templates &
  typeof readers &
  typeof http &
  typeof icons &
  typeof spoken;

/** Where mooni.iife.js leaves the runtime for mooni-panel.js. */
export const PANEL_RUNTIME_KEY: unique symbol = Symbol.for('mooni.panel-runtime');

export type PanelRuntimeGlobal = { [PANEL_RUNTIME_KEY]?: PanelRuntime };
