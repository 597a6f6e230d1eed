import type { RageClickOptions } from '../types.js';

/** The last click of a run of clicks, each near (in space and time) the one before. */
export interface RageState {
  x: number;
  y: number;
  t: number;
  /** Clicks in the current burst, this one included. */
  n: number;
}

/**
 * The rage-click rule: a click continues the burst when it is within `intervalMs` and `distancePx`
 * (|dx|+|dy|, both inclusive) of the click before; otherwise it starts a new burst. A burst is a rage
 * click exactly when it reaches `clicks` clicks, so one burst fires once however long it goes on.
 */
export const rageStep = (
  prev: RageState | undefined,
  x: number,
  y: number,
  t: number,
  o: RageClickOptions,
): RageState => ({
  x,
  y,
  t,
  n: prev && t - prev.t <= o.intervalMs && Math.abs(x - prev.x) + Math.abs(y - prev.y) <= o.distancePx ? prev.n + 1 : 1,
});

export const isRage = (s: RageState, o: RageClickOptions) => s.n === o.clicks;
