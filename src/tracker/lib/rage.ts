import type { RageClickOptions } from '../types.js';

/** The last click of a run of clicks, each near (in space and time) the one before, and what the page did. */
export interface RageState {
  x: number;
  y: number;
  /** Time of the latest click (ms, event time base). */
  t: number;
  /** Clicks in the current burst, this one included. */
  clicks: number;
  /** Clicks of the burst the page answered (a DOM change, scroll or navigation after it). */
  answered: number;
  /** An error followed a click of the burst. */
  errored: boolean;
  /** The burst was already judged (fired or suppressed): one verdict per burst. */
  judged: boolean;
}

/**
 * The burst rule: a click continues the burst when it is within `intervalMs` and `distancePx` (|dx|+|dy|,
 * both inclusive) of the click before; otherwise it starts a new burst.
 */
export const rageStep = (
  prev: RageState | undefined,
  x: number,
  y: number,
  t: number,
  o: RageClickOptions,
): RageState =>
  prev && t - prev.t <= o.intervalMs && Math.abs(x - prev.x) + Math.abs(y - prev.y) <= o.distancePx
    ? { ...prev, x, y, t, clicks: prev.clicks + 1 }
    : { x, y, t, clicks: 1, answered: 0, errored: false, judged: false };

/**
 * What a burst amounts to, asked when it changes and once it has settled (no click for `settleMs` after the
 * last): `rage` when it reached `clicks` clicks and an error followed, or (settled) a click went unanswered;
 * `responding` when, settled, the page answered every click (a stepper, a carousel); `open` until then.
 */
export type RageVerdict = 'rage' | 'responding' | 'open';

export const rageVerdict = (state: RageState, o: RageClickOptions, settled: boolean): RageVerdict => {
  if (state.judged || state.clicks < o.clicks) return 'open';
  if (state.errored) return 'rage';
  if (!settled) return 'open';
  return state.answered < state.clicks ? 'rage' : 'responding';
};
