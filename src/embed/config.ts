import type { TrackerOptions } from '../tracker/types.js';
import { DEFAULT_CAP } from './interventions.js';

/**
 * The script tag's `data-*` options (README, "Add it to a site", has the same list for integrators):
 *
 * - `data-api-key`: Mooni Chat key (`mooni-api-key` header); passed to `<mooni-frame api-key>`.
 * - `data-api-base` (default: the element's): Mooni Chat base URL; `""` means the page's own origin.
 * - `data-mood-key`: SessionMood key. Without it (and without `data-tracker-mode="local"`) no tracker
 *   starts.
 * - `data-mood-base` (default `data-api-base` when given, else the tracker's default): SessionMood base URL.
 * - `data-user-token`: A token the host's server signed for `data-user-id`; passed to the element
 *   (`user-token`).
 * - `data-organization-id`: Narrows the FAQ search to one organization (`organizationId` of 001).
 * - `data-user-id`: The host's own user id (never an email or name); passed to the element.
 * - `data-mode` (default `launcher`): `launcher` (floating button + panel) or `inline` (panel in place).
 * - `data-theme` (default: the element's): `light`, `dark`, `auto` or `host` (follows the page's
 *   `html[data-theme]`/`html.dark`).
 * - `data-placeholder` (default: the element's): The textbox placeholder.
 * - `data-persist` (default on): `false`: the chat sends no `sessionId` and keeps nothing in the browser
 *   (`persist="false"`).
 * - `data-transport` (default `mooni`): `mooni` or `mind-expression`; the latter uses the four below.
 * - `data-engine-url`, `data-auth-key`, `data-developer-id`, `data-scope-id`: Mind Expression gateway
 *   settings.
 * - `data-auth-scheme` (default `bearer`): `bare` sends the Mind Expression auth key without `Bearer `, as 002's
 *   examples do.
 * - `data-tracker` (default on): `off` starts no tracker (no mood, no interventions, no feedback).
 * - `data-tracker-mode` (default `remote`): `local` scores the mood in the page and sends nothing; the mood engine
 *   (`mood-engine.js`, beside the bundle) loads on demand.
 * - `data-consent` (default granted): `pending`: events stay in the page and the chat stores nothing until
 *   `Mooni.consent(true)` (the chat also once opened).
 * - `data-interventions` (default on): `off` keeps the mood hooks but never acts on a suggested action.
 * - `data-cooldown` (default `180`): Minimum seconds between two interventions in one session.
 * - `data-feedback-window` (default `120`): Seconds an intervention waits for the user to engage or dismiss it.
 * - `data-cap` (default `2`): Most interventions that appear by themselves in one session.
 * - `data-holdout` (default `0`): Share of sessions (0–1, by session id) that get no intervention, reported as
 *   `skipped: 'holdout'`.
 * - `data-debug` (default off): Present (or `true`): logs every detector and intervention decision under `[mooni]`.
 * - `data-locale` (default the page's): A BCP 47 tag set as `lang` on the element and the nudge; `ar`, `fa`, `he`,
 *   `ur` also set `dir="rtl"`.
 * - `data-dir` (default from `data-locale`, else the page's): `rtl` or `ltr`: the element's `dir` (the panel mirrors
 *   under `rtl`).
 * - `data-position` (default the inline end): `left` or `right`: the screen side of the launcher (`position` of the
 *   element).
 * - `data-mock`: `in-page`: every request goes to `window.MooniMockFetch` (the static demo's in-page
 *   mock).
 *
 * Options that are not strings (help topics, the exit offer, texts) go in `window.Mooni.config`
 * before the bundle loads; see `MooniOptions`.
 */
export interface EmbedConfig {
  /** What `createTracker` gets; null when no tracker is to start. */
  tracker: Pick<TrackerOptions, 'apiKey' | 'apiBase' | 'mode' | 'consent'> | null;
  interventions: boolean;
  /** Seconds; read at every decision, so it may be changed at run time through `Mooni.config.cooldown`. */
  cooldown: number;
  /** Seconds. */
  feedbackWindow: number;
  /** Most interventions that appear by themselves in one session. */
  cap: number;
  /** Share of sessions held out of every intervention, 0–1. */
  holdout: number;
  /** Log decisions to the console (a module loaded only then). */
  debug: boolean;
  /** `data-mock="in-page"`. */
  mock: boolean;
  /** Attributes for `<mooni-frame>` (kebab-case name → value; `data-locale` is its `lang`, which sets its `dir`). */
  frame: Record<string, string>;
}

/** The data-* names (camelCase, as in `dataset`) that are handed to the element as attributes. */
// A plain string, split where it is used: a module-level split() call would stay in tracker.iife.js, which
// imports this module for isDebug alone.
const FRAME_OPTIONS =
  'apiKey apiBase userId userToken organizationId mode theme placeholder transport ' +
  'engineUrl authKey authScheme developerId scopeId persist position dir';

/** A non-negative number from an attribute, else `fallback`. */
const seconds = (value: string | undefined, fallback: number) => (value && +value >= 0 ? +value : fallback);

/** `data-debug`: on when present, unless `false` or `off`. */
export const isDebug = (value: string | undefined): boolean =>
  value !== undefined && value !== 'false' && value !== 'off';

/** Turns a script element's `dataset` into the embed's configuration. */
export function parseConfig(data: Record<string, string | undefined>): EmbedConfig {
  const frame: Record<string, string> = { mode: 'launcher' };
  if (data.locale) frame.lang = data.locale;
  for (const key of FRAME_OPTIONS.split(' ')) {
    const value = data[key];
    if (value !== undefined) frame[key.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase())] = value;
  }
  return {
    // createTracker reads anything but 'local' as remote and anything but 'pending' as granted.
    tracker:
      data.tracker !== 'off' && (data.moodKey || data.trackerMode === 'local')
        ? {
            apiKey: data.moodKey,
            apiBase: data.moodBase ?? data.apiBase,
            mode: data.trackerMode as TrackerOptions['mode'],
            consent: data.consent as TrackerOptions['consent'],
          }
        : null,
    interventions: data.interventions !== 'off',
    cooldown: seconds(data.cooldown, 180),
    feedbackWindow: seconds(data.feedbackWindow, 120),
    cap: seconds(data.cap, DEFAULT_CAP),
    holdout: Math.min(seconds(data.holdout, 0), 1),
    debug: isDebug(data.debug),
    mock: data.mock === 'in-page',
    frame,
  };
}
