/**
 * The script tag's `data-*` options.
 *
 * | attribute | default | what it does |
 * |---|---|---|
 * | `data-api-key` | — | Mooni Chat key (`mooni-api-key` header); passed to `<mooni-frame api-key>`. |
 * | `data-api-base` | the element's default | Mooni Chat base URL; `""` means the page's own origin. |
 * | `data-mood-key` | — | SessionMood key. Without it (and without `data-tracker-mode="local"`) no tracker starts. |
 * | `data-mood-base` | `data-api-base` when given, else the tracker's default | SessionMood base URL. |
 * | `data-organization-id` | — | Narrows the FAQ search to one organization (`organizationId` of 001). |
 * | `data-user-id` | — | The host's own user id (never an email or name); passed to the element. |
 * | `data-mode` | `launcher` | `launcher` (floating button + panel) or `inline` (panel in place). |
 * | `data-theme` | the element's default | `light`, `dark` or `auto`. |
 * | `data-placeholder` | the element's default | The textbox placeholder. |
 * | `data-transport` | `mooni` | `mooni` or `mind-expression`; the latter uses the four below. |
 * | `data-engine-url`, `data-auth-key`, `data-developer-id`, `data-scope-id` | — | Mind Expression gateway settings. |
 * | `data-tracker` | on | `off` starts no tracker (no mood, no interventions, no feedback). |
 * | `data-tracker-mode` | `remote` | `local` scores the mood in the page and sends nothing. |
 * | `data-consent` | granted | `pending` keeps events in the page until `Mooni.tracker.consent(true)`. |
 * | `data-interventions` | on | `off` keeps the mood hooks but never acts on a suggested action. |
 * | `data-cooldown` | `180` | Minimum seconds between two interventions in one session. |
 * | `data-feedback-window` | `120` | Seconds an intervention waits for the user to engage or dismiss it. |
 * | `data-locale` | the page's | A BCP 47 tag set as `lang` on the element and the nudge. |
 * | `data-mock` | — | `in-page`: every request goes to `window.MooniMockFetch` (the static demo's in-page mock). |
 *
 * Options that are not strings (help topics, the exit offer, texts) go in `window.Mooni.config`
 * before the bundle loads; see `MooniOptions`.
 */
export interface EmbedConfig {
  apiKey?: string;
  apiBase?: string;
  moodKey?: string;
  moodBase?: string;
  tracker: boolean;
  trackerMode: 'remote' | 'local';
  consentPending: boolean;
  interventions: boolean;
  /** Seconds; read at every decision, so it may be changed at run time through `Mooni.config.cooldown`. */
  cooldown: number;
  /** Seconds. */
  feedbackWindow: number;
  locale?: string;
  mock?: 'in-page';
  /** Attributes for `<mooni-frame>` (kebab-case name → value). */
  frame: Record<string, string>;
}

/** The data-* names (camelCase, as in `dataset`) that are handed to the element as attributes. */
const FRAME_OPTIONS = [
  'apiKey',
  'apiBase',
  'userId',
  'organizationId',
  'mode',
  'theme',
  'placeholder',
  'transport',
  'engineUrl',
  'authKey',
  'developerId',
  'scopeId',
] as const;

const seconds = (value: string | undefined, fallback: number) => {
  const parsed = Number(value);
  return value && parsed >= 0 ? parsed : fallback;
};

/** Turns a script element's `dataset` into the embed's configuration. */
export function parseConfig(data: Record<string, string | undefined>): EmbedConfig {
  const frame: Record<string, string> = { mode: 'launcher' };
  for (const key of FRAME_OPTIONS) {
    const value = data[key];
    if (value != null) frame[key.replace(/[A-Z]/g, (c) => '-' + c.toLowerCase())] = value;
  }
  return {
    apiKey: data.apiKey,
    apiBase: data.apiBase,
    moodKey: data.moodKey,
    moodBase: data.moodBase ?? data.apiBase,
    tracker: data.tracker !== 'off',
    trackerMode: data.trackerMode === 'local' ? 'local' : 'remote',
    consentPending: data.consent === 'pending',
    interventions: data.interventions !== 'off',
    cooldown: seconds(data.cooldown, 180),
    feedbackWindow: seconds(data.feedbackWindow, 120),
    locale: data.locale,
    mock: data.mock === 'in-page' ? 'in-page' : undefined,
    frame,
  };
}

/**
 * The script tag that loaded the embed. `currentScript` is null for module scripts (Vite dev, tests)
 * and after the first await, hence the fallback.
 */
export function findScript(): HTMLScriptElement | null {
  const current = document.currentScript;
  return current instanceof HTMLScriptElement && (current.dataset.apiKey || current.dataset.moodKey)
    ? current
    : document.querySelector('script[data-api-key],script[data-mood-key]');
}
