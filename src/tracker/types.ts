import type { MoodEvent, MoodLabel, SuggestedAction } from '../mood/types.js';

export type { MoodEvent, MoodLabel, SuggestedAction };
export type { ErrorClickOptions } from './detectors/error-click.js';
import type { ErrorClickOptions } from './detectors/error-click.js';
export type { DeadClickOptions, ExcessiveScrollOptions, QuickBackOptions };
import type { DeadClickOptions } from './detectors/dead-click.js';
import type { ExcessiveScrollOptions } from './detectors/excessive-scroll.js';
import type { QuickBackOptions } from './detectors/quick-back.js';

/** The `fetch` the tracker calls; the demo passes an in-page mock. */
export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;

/** Hands a detected event (without `ts`; the tracker stamps it) to the tracker. */
export type Emit = (event: MoodEvent) => void;

/** A detector with nothing to set: only `false` (turned off) means something. */
export type NoOptions = Record<never, never>;

/** The common shape of every detector: start listening, return a function that removes every listener and timer. */
export type Detector<O> = (emit: Emit, options: O) => () => void;

export interface RageClickOptions {
  /** Clicks in one burst before a `rage_click` fires. Default 3 (PostHog's value). */
  clicks: number;
  /** Longest gap, in ms, between a click and the one before it in the same burst (inclusive). Default 1000. */
  intervalMs: number;
  /** Largest |dx|+|dy|, in CSS px, between a click and the one before it (inclusive). Default 30. */
  distancePx: number;
  /**
   * A burst is judged this many ms after its last click: rage when a click went unanswered (no DOM change,
   * scroll or navigation); an error within this time makes it rage at once. Default 1000.
   */
  settleMs: number;
}

/** Subscribes to the errors the tracker records (window errors and `tracker.error()`); returns the unsubscribe. */
export type ErrorFeed = (listener: (message: string) => void) => () => void;

/** Derived signals (README "Derived signals"): each rides on the nearest of the 12 types with a `signal` field. */
export interface DerivedSignalOptions {
  /**
   * `click` + `signal: 'dead_click'`: a click on a control with no DOM change, scroll or navigation in `waitMs`
   * (2500).
   */
  deadClick: DeadClickOptions | false;
  /** `back_nav` + `signal: 'quick_back'`: going back within `withinMs` (5000) of arriving, without interacting. */
  quickBack: QuickBackOptions | false;
  /** `scroll` + `signal: 'excessive_scroll'`: 3 reversals over 1.5 viewports within 10 s (see the options). */
  excessiveScroll: ExcessiveScrollOptions | false;
}

export interface DetectorOptions extends DerivedSignalOptions {
  /** `click` (x, y) and `rage_click`. Elements inside `[data-mooni-ignore]` and text fields are ignored. */
  rageClick: RageClickOptions | false;
  /** One `scroll` per gesture: the gesture ends after `gestureEndMs` (default 200) without scroll callbacks. */
  scroll: { gestureEndMs: number } | false;
  /**
   * `backtrack`: an upward gesture of at least `minUpPx` (default 100) after a downward run of at least
   * `minDownPx` (default 500); gestures end as for scroll (`gestureEndMs`, default 200).
   */
  backtrack: { minDownPx: number; minUpPx: number; gestureEndMs: number } | false;
  /** `back_nav`: a back traversal (Navigation API, popstate where it is missing) or a back/forward cache restore. */
  backNav: NoOptions | false;
  /** `page_view`: first load and SPA route changes (Navigation API `currententrychange`, popstate fallback). */
  pageView: NoOptions | false;
  /** `error`: `error` and `unhandledrejection` on window; message cut to 512 characters. */
  error: NoOptions | false;
  /** `idle`: no pointer, key, wheel, scroll or touch activity for `thresholdMs` (default 30000). */
  idle: { thresholdMs: number } | false;
  /** `hover`: a mouse rests on an interactive element for `thresholdMs` (default 2000) and leaves without clicking. */
  hover: { thresholdMs: number } | false;
  /** `input_pause`: a gap of `thresholdMs` (default 3000) between two key presses in the same text field. */
  inputPause: { thresholdMs: number } | false;
  /** `focus` / `blur` on fields the user fills in: text fields and selects. */
  focus: NoOptions | false;
  /** `error` + `signal: 'error_click'`: an error within `windowMs` (default 1000) of a click. */
  errorClick: ErrorClickOptions | false;
}

export interface TrackerOptions {
  /** SessionMood key, sent as `X-Api-Key`. */
  apiKey?: string;
  /** Origin (and optional path prefix) of the SessionMood API. Default '' (same origin). */
  apiBase?: string;
  /** 'remote' (default) sends to the API; 'local' runs the mood engine in the page and sends nothing. */
  mode?: 'remote' | 'local';
  fetch?: FetchLike;
  /** Longest time an event waits before it is sent. Default 5000. */
  flushIntervalMs?: number;
  /** Events per request; reaching it sends at once. Default 50. */
  maxBatch?: number;
  /** 'pending': events stay in memory (never stored, never sent) until `consent(true)`. Default 'granted'. */
  consent?: 'granted' | 'pending';
  /** Global Privacy Control / Do Not Track make the tracker inert (no listeners, no sends). Default true. */
  respectPrivacySignals?: boolean;
  /** Send URLs without query string and fragment. Default true. */
  stripUrlQuery?: boolean;
  /** Session id to use instead of sessionStorage `sm_session_id`. */
  sessionId?: string;
  /** Thresholds per detector; `false` turns a detector off. */
  detectors?: { [K in keyof DetectorOptions]?: Partial<Exclude<DetectorOptions[K], false>> | false };
  /** Most events kept unsent (memory and IndexedDB spool); beyond it the oldest are dropped. Default 1000. */
  spoolCap?: number;
  /** First retry delay in ms; doubles per failure with jitter, up to `retryMaxMs`. Default 1000. */
  retryBaseMs?: number;
  /** Longest retry delay in ms. Default 60000. */
  retryMaxMs?: number;
  onDrop?: (events: MoodEvent[], reason: DropReason) => void;
  /**
   * Logs every detector decision (fired or suppressed, the rule and its numbers) and every intervention decision
   * to the console under `[mooni]`, from a small module loaded only then. Default false.
   */
  debug?: boolean;
}

/**
 * Why events were dropped: 'invalid' (400 named their type), 'rejected' (400 for the whole batch),
 * 'spool_cap' (more unsent events than `spoolCap`), 'consent' (consent(false)), 'forget' (forget()).
 */
export type DropReason = 'invalid' | 'rejected' | 'spool_cap' | 'consent' | 'forget';

/** The body of `GET /v1/sessions/:id/mood`. */
export interface MoodSnapshot {
  session_id: string;
  mood: MoodLabel;
  confidence: number;
  signals: string[];
  suggested_action: SuggestedAction;
  event_count: number;
  updated_at: string;
}

export interface TrackerStats {
  /** Events detected or tracked. */
  detected: number;
  /** Events the API accepted. */
  sent: number;
  /** Events not yet accepted (in memory, including those in flight). */
  queued: number;
  /** Events in the IndexedDB spool after its last write. */
  spooled: number;
  /** Dropped events by reason. */
  dropped: Record<string, number>;
  /** Requests made to the API. */
  requests: number;
}

export interface BatchInfo {
  events: MoodEvent[];
  status: number | 'network_error';
}

export interface DropInfo {
  events: MoodEvent[];
  reason: DropReason;
}

export interface TrackerEventMap {
  event: MoodEvent;
  batch: BatchInfo;
  mood: MoodSnapshot;
  action: MoodSnapshot;
  drop: DropInfo;
}

export interface FeedbackBody {
  action_taken: string;
  was_helpful?: boolean;
  notes?: string;
}

export interface Tracker {
  readonly sessionId: string;
  /** The last mood snapshot, once one was read. */
  readonly mood: MoodSnapshot | undefined;
  readonly stats: TrackerStats;
  /** Queues an event the host detected itself; `ts` is added when missing. */
  track(event: MoodEvent): void;
  /** Reports an error the host showed to the user (`error` event, message cut to 512 characters). */
  error(message: string): void;
  /** Sends everything queued now (ignoring retry waits, except after a 401) and waits for the answers. */
  flush(): Promise<void>;
  /** POSTs feedback on the action taken; rejects on a non-2xx answer. */
  feedback(body: FeedbackBody): Promise<void>;
  /** Erases the session on the server, clears queue and spool, starts a new session id. */
  forget(): Promise<void>;
  /** Grants (sends what waited) or refuses (discards it and stops) consent. */
  consent(granted: boolean): void;
  /** Removes every listener and timer; unsent events stay in the spool. */
  stop(): void;
  on<K extends keyof TrackerEventMap>(type: K, cb: (detail: TrackerEventMap[K]) => void): () => void;
  onAction(cb: (snapshot: MoodSnapshot) => void): () => void;
}

declare global {
  interface WindowEventMap {
    'mooni-mood': CustomEvent<MoodSnapshot>;
  }
}
