import type { MoodEvent, MoodLabel, MoodReading, SuggestedAction } from './types.js';

/**
 * The mood engine: an incremental, constant-size scorer of SessionMood events (003).
 *
 * Every event adds 1 (or a duration-scaled weight) to a slot of `v`, after all slots have been decayed
 * by `2^(-Δt / HALF_LIFE)` since the latest event: old evidence fades, so a calm session that turns sour
 * reads frustrated within seconds, and the reverse. Moods are linear scores over the slots, from 003's
 * "Signals toward" table; the strongest wins, and below ~3 events of evidence the session is `neutral`
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

const MOOD_NAMES: MoodLabel[] = ['frustrated', 'confused', 'decisive', 'browsing', 'disengaged', 'focused'];
const ACTIONS: SuggestedAction[] = [
  'show_live_chat',
  'show_tooltip',
  'no_action',
  'show_recommendations',
  'show_exit_offer',
  'no_action',
];

/**
 * Weight of each slot toward each mood (rows follow MOOD_NAMES, columns the slots). Frustration signals
 * weigh most: one rage click outweighs several ordinary clicks, as 003 calls it a strong signal.
 */
// prettier-ignore
const WEIGHTS = [
  // clk rage scr  pause back bnav page err  idle hov  foc  blur lidl lhov fast away
  [0, 3.2, 0, .6, 0, 1.4, 0, 2.2, 0, 0, 0, 0, 0, 0, 0, 0], // frustrated
  [0, 0, .3, 1.2, 1.5, .6, 0, 0, 0, .8, 0, .3, 0, 1, .6, 0], // confused
  [1, 0, 0, 0, 0, 0, .4, 0, 0, 0, .5, 0, 0, 0, 0, 0], // decisive
  [.3, 0, .5, 0, 0, 0, 1.3, 0, 0, .3, 0, 0, 0, 0, .2, 0], // browsing
  [0, 0, 0, 0, 0, 0, 0, 0, 1.2, 0, 0, .4, 1.5, 0, 0, 1], // disengaged
  [.35, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1.3, .2, 0, 0, 0, 0], // focused
];

/** Signals named in readings: [slot, threshold, name]. A mood lists those it weighs that pass. */
// prettier-ignore
const SIGNALS: [number, number, string][] = [
  [1, .5, 'rage_click_detected'], [7, 1.5, 'repeated_errors'], [7, .5, 'error_shown'], [5, .5, 'back_navigation'],
  [4, .5, 'scroll_backtracking'], [3, .5, 'hesitant_input'], [13, .5, 'long_hover'], [9, 1.5, 'repeated_hovering'],
  [14, 1.5, 'fast_scrolling'], [12, .5, 'long_idle'], [8, .5, 'idle_periods'], [15, .5, 'form_abandoned'],
  [6, 2.5, 'many_page_views'], [2, 2.5, 'steady_scrolling'], [10, .5, 'form_engagement'], [0, 2.5, 'quick_clicks'],
];

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
  if (slot == 8) v[LONG_IDLE] += w * Math.min(ms / 30000, 3);
  if (slot == 9 && ms >= 2000) v[LONG_HOVER] += w;
  if (slot == 2 && Number(event.speed) > 2000) v[FAST_SCROLL] += w;
  if (slot == 10) state.f = 1;
  if (slot == 11) {
    if (state.f) state.f = 0;
    else v[BLUR_AWAY] += w;
  }
  if (slot == 6 && state.f) v[BLUR_AWAY] += w;
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
  for (let i = 0; i < 12; i++) evidence += v[i];
  const top = scores[best];
  if (!total || (evidence < 2.9 && top < 4.5)) {
    return {
      mood: 'neutral',
      confidence: round2(Math.min(evidence / 6, 0.5)),
      signals: [],
      suggested_action: 'no_action',
      event_count: state.n,
    };
  }
  const row = WEIGHTS[best];
  return {
    mood: MOOD_NAMES[best],
    confidence: round2(Math.min(0.99, (top / total) * (1 - 0.5 ** (evidence / 2)) + 0.05)),
    signals: SIGNALS.filter(([slot, min]) => row[slot] && v[slot] >= min).map((s) => s[2]),
    suggested_action: ACTIONS[best],
    event_count: state.n,
  };
}
