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
