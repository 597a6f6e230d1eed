/** The twelve SessionMood event types (003 "Valid event types"). */
export const EVENT_TYPES = [
  'click',
  'rage_click',
  'scroll',
  'input_pause',
  'backtrack',
  'back_nav',
  'page_view',
  'error',
  'idle',
  'hover',
  'focus',
  'blur',
] as const;

export type EventType = (typeof EVENT_TYPES)[number];

/**
 * Signals the tracker derives from several observations. Each rides on the nearest of the 12 types (003 accepts
 * extra fields, so a server that does not know them reads the carrier type) with `signal` naming it.
 */
export const DERIVED_SIGNALS = {
  /** A click on an interactive element with no DOM change, navigation or scroll after it. */
  dead_click: 'click',
  /** An uncaught error, unhandled rejection or reported error soon after a click. */
  error_click: 'error',
  /** A back navigation soon after arriving, with no interaction in between. */
  quick_back: 'back_nav',
  /** Scrolling back and forth over much of the page in a short time. */
  excessive_scroll: 'scroll',
} as const satisfies Record<string, EventType>;

export type DerivedSignal = keyof typeof DERIVED_SIGNALS;

/** One behavioural event as sent to `POST /v1/sessions/:id/events`. `ts` is Unix seconds. */
export interface MoodEvent {
  type: EventType;
  ts?: number;
  x?: number;
  y?: number;
  duration_ms?: number;
  speed?: number;
  direction?: 'up' | 'down';
  url?: string;
  message?: string;
  /** Extension: the derived signal this event carries (see `DERIVED_SIGNALS`). */
  signal?: DerivedSignal;
}

export const MOODS = ['frustrated', 'confused', 'decisive', 'browsing', 'disengaged', 'focused', 'neutral'] as const;
export type MoodLabel = (typeof MOODS)[number];

export type SuggestedAction =
  'no_action' | 'show_live_chat' | 'show_tooltip' | 'show_recommendations' | 'show_exit_offer';

/** What the engine concludes about a session (the body of `GET /v1/sessions/:id/mood`, less ids and dates). */
export interface MoodReading {
  mood: MoodLabel;
  confidence: number;
  signals: string[];
  suggested_action: SuggestedAction;
  event_count: number;
}
