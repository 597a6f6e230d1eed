import {
  DERIVED_SIGNALS,
  EVENT_TYPES,
  MOODS,
  type DerivedSignal,
  type EventType,
  type MoodEvent,
  type MoodLabel,
  type MoodReading,
  type SuggestedAction,
} from './types.js';

/**
 * The mood engine: an incremental, constant-size scorer of SessionMood events (003).
 *
 * Every event adds 1 (or a duration-scaled weight) to the evidence of a signal, after all evidence has been
 * decayed by `2^(-Δt / HALF_LIFE)` since the latest event: old evidence fades, so a calm session that turns
 * sour reads frustrated within seconds, and the reverse. Moods are linear scores over the evidence, from 003's
 * "Signals toward" table; the strongest wins, and below ~3 recent events of evidence the session is `neutral`
 * unless one signal is already unmistakable (a rage click with an error).
 *
 * The reading is "as of the latest event": wall-clock time passing without events never changes it,
 * so replayed or historic sessions (003's examples carry 2025 timestamps) read the same at any time.
 */

/** Signals read from an event's fields rather than sent as events of their own. */
type FieldSignal = 'long_idle' | 'long_hover' | 'fast_scroll' | 'blur_away';

/** Everything the engine keeps evidence for: the 12 event types, derived signals, signals read from fields. */
export type Signal = EventType | DerivedSignal | FieldSignal;

/** The moods that are scored (neutral is what remains when none is clear). */
type ScoredMood = Exclude<MoodLabel, 'neutral'>;

/**
 * Weight of each signal toward each mood, from 003's "Signals toward" table. Frustration signals weigh most:
 * one rage click outweighs several ordinary clicks, as 003 calls it a strong signal. A new signal is one row.
 */
const WEIGHTS: Record<Signal, Partial<Record<ScoredMood, number>>> = {
  click: { decisive: 1, browsing: 0.3, focused: 0.4 },
  rage_click: { frustrated: 3.2 },
  scroll: { confused: 0.3, browsing: 0.5 },
  input_pause: { frustrated: 0.6, confused: 1.2 },
  backtrack: { confused: 1.5 },
  back_nav: { frustrated: 1.4, confused: 0.6 },
  page_view: { decisive: 0.4, browsing: 1.3 },
  error: { frustrated: 2.2 },
  idle: { disengaged: 1.2 },
  hover: { confused: 0.8, browsing: 0.3 },
  focus: { decisive: 0.5, focused: 1.3 },
  blur: { confused: 0.3, disengaged: 0.4, focused: 0.2 },
  dead_click: { frustrated: 1.2, confused: 0.6 },
  error_click: { frustrated: 2 },
  quick_back: { frustrated: 0.8, confused: 1 },
  excessive_scroll: { confused: 1.5 },
  long_idle: { disengaged: 1.5 },
  long_hover: { confused: 1 },
  fast_scroll: { confused: 0.6, browsing: 0.2 },
  blur_away: { disengaged: 1 },
};

const SIGNALS = Object.keys(WEIGHTS) as Signal[];

/** Suggested action per mood (003 "Mood States"). */
const ACTIONS: Record<MoodLabel, SuggestedAction> = {
  frustrated: 'show_live_chat',
  confused: 'show_tooltip',
  decisive: 'no_action',
  browsing: 'show_recommendations',
  disengaged: 'show_exit_offer',
  focused: 'no_action',
  neutral: 'no_action',
};

/** Named in a reading, in this order, when the mood weighs `signal` and its evidence is at least `atLeast`. */
const READINGS: { name: string; signal: Signal; atLeast: number }[] = [
  { name: 'rage_click_detected', signal: 'rage_click', atLeast: 0.5 },
  { name: 'repeated_errors', signal: 'error', atLeast: 1.5 },
  { name: 'error_shown', signal: 'error', atLeast: 0.5 },
  { name: 'errors_after_clicks', signal: 'error_click', atLeast: 0.5 },
  { name: 'dead_clicks', signal: 'dead_click', atLeast: 0.5 },
  { name: 'back_navigation', signal: 'back_nav', atLeast: 0.5 },
  { name: 'quick_back', signal: 'quick_back', atLeast: 0.5 },
  { name: 'scroll_backtracking', signal: 'backtrack', atLeast: 0.5 },
  { name: 'excessive_scrolling', signal: 'excessive_scroll', atLeast: 0.5 },
  { name: 'hesitant_input', signal: 'input_pause', atLeast: 0.5 },
  { name: 'long_hover', signal: 'long_hover', atLeast: 0.5 },
  { name: 'fast_scrolling', signal: 'fast_scroll', atLeast: 1.5 },
  { name: 'long_idle', signal: 'long_idle', atLeast: 0.5 },
  { name: 'form_abandoned', signal: 'blur_away', atLeast: 0.5 },
  { name: 'many_page_views', signal: 'page_view', atLeast: 2 },
  { name: 'steady_scrolling', signal: 'scroll', atLeast: 2 },
  { name: 'form_engagement', signal: 'focus', atLeast: 0.5 },
  { name: 'quick_clicks', signal: 'click', atLeast: 2.5 },
];

/** Evidence halves every this many seconds. */
const HALF_LIFE_SECONDS = 60;
/** Frustration score of one rage click plus one error, give or take: enough to act on at once. */
const ALARM = 4.5;
/** Below this much evidence from events, a session is neutral (unless frustration is alarming). */
const ENOUGH_EVIDENCE = 2.5;
/** An idle's weight toward `long_idle` per this many ms, up to three times. */
const LONG_IDLE_UNIT_MS = 30_000;
const LONG_HOVER_MS = 2000;
const FAST_SCROLL_PX_PER_SECOND = 2000;

const SCORED_MOODS = MOODS.filter((mood): mood is ScoredMood => mood !== 'neutral');
/** Signals that stand for events (not for one of an event's fields): what counts as evidence. */
const EVENT_SIGNALS = new Set<Signal>([...EVENT_TYPES, ...(Object.keys(DERIVED_SIGNALS) as DerivedSignal[])]);
/** WEIGHTS as one dense row per scored mood, in SIGNALS order, for the reading's inner loop. */
const WEIGHT_ROWS = SCORED_MOODS.map((mood) => SIGNALS.map((signal) => WEIGHTS[signal][mood] ?? 0));

export interface MoodState {
  /**
   * Decayed evidence per signal as of `latestEventAt`, in the order of the WEIGHTS table (`evidenceOf` reads it
   * by name): one number per signal, however many events.
   */
  evidence: number[];
  /** Time of the latest event, Unix seconds (0 before the first). */
  latestEventAt: number;
  /** Events applied. */
  eventCount: number;
  /** A form field has focus (focus seen, no blur since). */
  fieldFocused: boolean;
  /** The URL of the latest `page_view` that had one: the same URL again is a reload, not browsing. */
  lastPageUrl: string;
}

/** Where each signal's evidence is kept in `MoodState.evidence`. */
const SLOT = Object.fromEntries(SIGNALS.map((signal, index) => [signal, index])) as Record<Signal, number>;

export function createMoodState(): MoodState {
  return {
    evidence: new Array<number>(SIGNALS.length).fill(0),
    latestEventAt: 0,
    eventCount: 0,
    fieldFocused: false,
    lastPageUrl: '',
  };
}

/** A session's decayed evidence for one signal. */
export const evidenceOf = (state: MoodState, signal: Signal): number => state.evidence[SLOT[signal]];

const TYPES = new Set<string>(EVENT_TYPES);
const isEventType = (type: string): type is EventType => TYPES.has(type);

/** The signal an event is evidence of: its derived signal when it carries one on the right type, else its type. */
function signalOf(event: MoodEvent): Signal | undefined {
  const { type, signal } = event;
  if (typeof type !== 'string' || !isEventType(type)) return undefined;
  if (typeof signal === 'string' && Object.hasOwn(DERIVED_SIGNALS, signal) && DERIVED_SIGNALS[signal] === type)
    return signal;
  return type;
}

/** Adds one event in O(1): `event.ts ?? nowSec ?? Date.now() / 1000`. Unknown types only count. */
export function applyEvent(state: MoodState, event: MoodEvent, nowSec?: number): void {
  let ts = event.ts ?? nowSec ?? Date.now() / 1000;
  if (!Number.isFinite(ts)) ts = state.latestEventAt;
  const evidence = state.evidence;
  // A late event counts with its own age; a newer one first ages everything before it.
  let weight = 1;
  if (!state.eventCount) state.latestEventAt = ts;
  if (ts > state.latestEventAt) {
    const decay = 2 ** ((state.latestEventAt - ts) / HALF_LIFE_SECONDS);
    for (let i = 0; i < evidence.length; i++) evidence[i] *= decay;
    state.latestEventAt = ts;
  } else weight = 2 ** ((ts - state.latestEventAt) / HALF_LIFE_SECONDS);
  state.eventCount++;
  const signal = signalOf(event);
  if (!signal) return;
  if (signal === 'page_view' && typeof event.url === 'string') {
    const reload = event.url === state.lastPageUrl;
    state.lastPageUrl = event.url;
    if (reload) return;
  }
  evidence[SLOT[signal]] += weight;
  addFieldSignals(state, signal, event, weight);
}

/** Evidence read from an event's fields and from the focus it leaves behind. */
function addFieldSignals(state: MoodState, signal: Signal, event: MoodEvent, weight: number) {
  const evidence = state.evidence;
  const durationMs = Number(event.duration_ms) || 0;
  if (signal === 'idle') evidence[SLOT.long_idle] += weight * Math.min(durationMs / LONG_IDLE_UNIT_MS, 3);
  if (signal === 'hover' && durationMs >= LONG_HOVER_MS) evidence[SLOT.long_hover] += weight;
  if (signal === 'scroll' && Number(event.speed) > FAST_SCROLL_PX_PER_SECOND) evidence[SLOT.fast_scroll] += weight;
  if (signal === 'focus') state.fieldFocused = true;
  if (signal === 'blur') {
    if (state.fieldFocused) state.fieldFocused = false;
    else evidence[SLOT.blur_away] += weight;
  }
  // Leaving the page with a field focused abandons it too.
  if (signal === 'page_view' && state.fieldFocused) evidence[SLOT.blur_away] += weight;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** The session's mood as of its latest event (`nowSec` is accepted for symmetry and not needed). */
export function readMood(state: MoodState, _nowSec?: number): MoodReading {
  const evidence = state.evidence;
  const scores = WEIGHT_ROWS.map((row) => {
    let score = 0;
    for (let i = 0; i < row.length; i++) score += row[i] * evidence[i];
    return score;
  });
  const total = scores.reduce((sum, score) => sum + score, 0);
  let best = 0;
  scores.forEach((score, index) => score > scores[best] && (best = index));
  // Frustration is an alarm: once a recent rage click and an error (or as much) are there, it wins over
  // larger but benign activity, so the user who struggles after a busy minute still gets help.
  const frustrated = SCORED_MOODS.indexOf('frustrated');
  if (scores[frustrated] >= ALARM) best = frustrated;
  let events = 0;
  for (const signal of EVENT_SIGNALS) events += evidence[SLOT[signal]];
  const top = scores[best];
  const mood: MoodLabel = !total || (events < ENOUGH_EVIDENCE && top < ALARM) ? 'neutral' : SCORED_MOODS[best];
  return {
    mood,
    confidence: round2(
      mood === 'neutral'
        ? Math.min(events / 6, 0.5)
        : Math.min(0.99, (0.4 + (0.6 * top) / total) * (1 - 0.5 ** events)),
    ),
    signals:
      mood === 'neutral'
        ? []
        : READINGS.filter(({ signal, atLeast }) => WEIGHTS[signal][mood] && evidence[SLOT[signal]] >= atLeast).map(
            (reading) => reading.name,
          ),
    suggested_action: ACTIONS[mood],
    event_count: state.eventCount,
  };
}

/**
 * One session's mood, for a caller that keeps no state itself (the tracker's local mode): each event in, the mood after
 * it out.
 */
export function createScorer(): (event: MoodEvent) => MoodReading {
  const state = createMoodState();
  return (event) => {
    applyEvent(state, event, event.ts);
    return readMood(state);
  };
}
