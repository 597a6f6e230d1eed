import { MOODS, type MoodEvent, type MoodReading, type SuggestedAction } from './types.js';

/**
 * The mood engine: an incremental, constant-size scorer of SessionMood events (003).
 *
 * Every event adds 1 (or a duration-scaled weight) to a slot of `v`, after all slots have been decayed
 * by `2^(-Δt / HALF_LIFE)` since the latest event: old evidence fades, so a calm session that turns sour
 * reads frustrated within seconds, and the reverse. Moods are linear scores over the slots, from 003's
 * "Signals toward" table; the strongest wins, and below ~3 recent events of evidence the session is `neutral`
 * unless one signal is already unmistakable (a rage click with an error).
 *
 * The reading is "as of the latest event": wall-clock time passing without events never changes it,
 * so replayed or historic sessions (003's examples carry 2025 timestamps) read the same at any time.
 */
export interface MoodState {
  /** Decayed evidence per slot (see `SLOT`); fixed length. */
  v: number[];
  /** Time of the latest event, Unix seconds (0 before the first). */
  t: number;
  /** Events applied. */
  n: number;
  /** 1 while a form field has focus (focus seen, no blur since). */
  f: number;
}

/** Evidence halves every this many seconds. */
const HALF_LIFE = 60;

/** Slot order: the 12 event types of 003, then derived signals. */
const TYPES = 'click rage_click scroll input_pause backtrack back_nav page_view error idle hover focus blur'.split(' ');
const LONG_IDLE = 12;
const LONG_HOVER = 13;
const FAST_SCROLL = 14;
const BLUR_AWAY = 15;
const SLOTS = 16;

/** Suggested action per mood, in MOODS order (003 "Mood States"); the last is neutral's. */
const ACTIONS = 'show_live_chat show_tooltip no_action show_recommendations show_exit_offer no_action no_action'.split(
  ' ',
) as SuggestedAction[];
const NEUTRAL = 6;
/** Frustration score of one rage click plus one error, give or take: enough to act on at once. */
const ALARM = 4.5;

/**
 * Weight of each slot toward each mood, from 003's "Signals toward" table: one row per mood (MOODS
 * order), one base-36 digit per slot in tenths ("w" = 3.2). Frustration signals weigh most: one rage
 * click outweighs several ordinary clicks, as 003 calls it a strong signal.
 *
 *   slot:  clk rage scr pause back bnav page err idle hov foc blur | long_idle long_hover fast_scroll blur_away
 */
const WEIGHTS = [
  '0w060e0m00000000', // frustrated
  '003cf60008030a60', // confused
  'a000004000500000', // decisive
  '305000d003000020', // browsing
  '00000000c004f00a', // disengaged
  '4000000000d20000', // focused
].map((row) => Array.from(row, (digit) => parseInt(digit, 36) / 10));

/** Signals a reading names, as "slot threshold×10 name": a mood lists those of its slots that pass. */
const SIGNALS = (
  '1 5 rage_click_detected,7 15 repeated_errors,7 5 error_shown,5 5 back_navigation,4 5 scroll_backtracking,' +
  '3 5 hesitant_input,13 5 long_hover,14 15 fast_scrolling,12 5 long_idle,' +
  '15 5 form_abandoned,6 20 many_page_views,2 20 steady_scrolling,10 5 form_engagement,0 25 quick_clicks'
)
  .split(',')
  .map((entry) => entry.split(' '))
  .map(([slot, min, name]) => [+slot, +min / 10, name] as const);

export function createMoodState(): MoodState {
  return { v: new Array<number>(SLOTS).fill(0), t: 0, n: 0, f: 0 };
}

/** Adds one event in O(1): `event.ts ?? nowSec ?? Date.now() / 1000`. Unknown types only count. */
export function applyEvent(state: MoodState, event: MoodEvent, nowSec?: number): void {
  let ts = event.ts ?? nowSec ?? Date.now() / 1000;
  if (!Number.isFinite(ts)) ts = state.t;
  const v = state.v;
  let w = 1;
  if (!state.n) state.t = ts;
  if (ts > state.t) {
    const k = 2 ** ((state.t - ts) / HALF_LIFE);
    for (let i = 0; i < SLOTS; i++) v[i] *= k;
    state.t = ts;
  } else w = 2 ** ((ts - state.t) / HALF_LIFE);
  state.n++;
  const slot = TYPES.indexOf(event.type);
  if (slot < 0) return;
  v[slot] += w;
  const ms = Number(event.duration_ms) || 0;
  if (slot === 8) v[LONG_IDLE] += w * Math.min(ms / 30000, 3);
  if (slot === 9 && ms >= 2000) v[LONG_HOVER] += w;
  if (slot === 2 && Number(event.speed) > 2000) v[FAST_SCROLL] += w;
  if (slot === 10) state.f = 1;
  if (slot === 11) {
    if (state.f) state.f = 0;
    else v[BLUR_AWAY] += w;
  }
  if (slot === 6 && state.f) v[BLUR_AWAY] += w;
}

const round2 = (x: number) => Math.round(x * 100) / 100;

/** The session's mood as of its latest event (`nowSec` is accepted for symmetry and not needed). */
export function readMood(state: MoodState, _nowSec?: number): MoodReading {
  const v = state.v;
  let best = 0;
  let total = 0;
  let evidence = 0;
  const scores = WEIGHTS.map((row) => {
    let s = 0;
    for (let i = 0; i < SLOTS; i++) s += row[i] * v[i];
    total += s;
    return s;
  });
  scores.forEach((s, m) => s > scores[best] && (best = m));
  // Frustration is an alarm: once a recent rage click and an error (or as much) are there, it wins over
  // larger but benign activity, so the user who struggles after a busy minute still gets help.
  if (scores[0] >= ALARM) best = 0;
  for (let i = 0; i < 12; i++) evidence += v[i];
  const top = scores[best];
  const mood = !total || (evidence < 2.5 && top < ALARM) ? NEUTRAL : best;
  const row = WEIGHTS[mood];
  return {
    mood: MOODS[mood],
    confidence: round2(
      mood === NEUTRAL
        ? Math.min(evidence / 6, 0.5)
        : Math.min(0.99, (0.4 + (0.6 * top) / total) * (1 - 0.5 ** evidence)),
    ),
    signals: row ? SIGNALS.filter(([slot, min]) => row[slot] && v[slot] >= min).map((s) => s[2]) : [],
    suggested_action: ACTIONS[mood],
    event_count: state.n,
  };
}

/** One session's mood, for a caller that keeps no state itself (the tracker's local mode): each event in, the mood after it out. */
export function createScorer(): (event: MoodEvent) => MoodReading {
  const state = createMoodState();
  return (event) => {
    applyEvent(state, event, event.ts);
    return readMood(state);
  };
}
