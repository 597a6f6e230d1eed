import { onScrollGesture } from '../lib/gesture.js';
import { trace } from '../lib/trace.js';
import type { Detector } from '../types.js';

export interface ExcessiveScrollOptions {
  /** Direction reversals between sweeps within `windowMs` (inclusive). Default 3. */
  reversals: number;
  /** How far back sweeps count, in ms (inclusive). Default 10000. */
  windowMs: number;
  /** Distance the counted sweeps cover together, in viewport heights (inclusive). Default 1.5. */
  coverage: number;
  /**
   * Shortest sweep that counts, in viewport heights: going back a few lines to re-read is not searching.
   * Default 0.25.
   */
  minSweep: number;
  /** A scroll gesture ends after this many ms without scroll callbacks. Default 200. */
  gestureEndMs: number;
}

export const EXCESSIVE_SCROLL_DEFAULTS: ExcessiveScrollOptions = {
  reversals: 3,
  windowMs: 10000,
  coverage: 1.5,
  minSweep: 0.25,
  gestureEndMs: 200,
};

/** Scrolling in one direction, over one or more gestures: `dy` px (down positive), from `start` to `end` (ms). */
export interface Sweep {
  dy: number;
  start: number;
  end: number;
}

export interface ScrollVerdict {
  fired: boolean;
  reversals: number;
  /** Distance of the counted sweeps, px. */
  coveredPx: number;
  /** From the start of the oldest sweep kept to now, ms. */
  durationMs: number;
}

/**
 * The excessive-scrolling rule, one gesture at a time: adds the gesture (`dy` px over `start`–`end` ms) to
 * `sweeps` (extending the last sweep when it goes the same way), forgets sweeps that ended more than `windowMs`
 * ago, and fires when the sweeps of at least `minSweep` viewports change direction `reversals` times and cover
 * `coverage` viewports together. Firing clears `sweeps`, so one episode fires once.
 */
export const scrollStep = (
  sweeps: Sweep[],
  dy: number,
  start: number,
  end: number,
  viewportPx: number,
  o: ExcessiveScrollOptions,
): ScrollVerdict => {
  const last = sweeps[sweeps.length - 1];
  if (last && last.dy > 0 === dy > 0) {
    last.dy += dy;
    last.end = end;
  } else sweeps.push({ dy, start, end });
  while (sweeps[0].end < end - o.windowMs) sweeps.shift();
  let reversals = 0;
  let coveredPx = 0;
  let direction = 0;
  for (const sweep of sweeps) {
    if (Math.abs(sweep.dy) < o.minSweep * viewportPx) continue;
    coveredPx += Math.abs(sweep.dy);
    if (direction && Math.sign(sweep.dy) !== direction) reversals++;
    direction = Math.sign(sweep.dy);
  }
  const fired = reversals >= o.reversals && coveredPx >= o.coverage * viewportPx;
  const durationMs = Math.round(end - sweeps[0].start);
  if (fired) sweeps.length = 0;
  return { fired, reversals, coveredPx, durationMs };
};

/**
 * `scroll` with `signal: 'excessive_scroll'` and `duration_ms` when the visitor scrolls back and forth over much
 * of the page in a short time (see scrollStep). Steady reading, with or without short looks back, never fires.
 */
export const excessiveScroll: Detector<ExcessiveScrollOptions> = (emit, o) => {
  const sweeps: Sweep[] = [];
  return onScrollGesture((dy, ms) => {
    const end = performance.now();
    const verdict = scrollStep(sweeps, dy, end - ms, end, innerHeight, o);
    const { fired, reversals, coveredPx, durationMs } = verdict;
    const rule = fired ? 'back_and_forth' : reversals < o.reversals ? 'few_reversals' : 'little_covered';
    trace('excessive_scroll', fired, rule, { reversals, coveredPx, viewportPx: innerHeight, durationMs });
    if (fired) emit({ type: 'scroll', signal: 'excessive_scroll', duration_ms: durationMs });
  }, o.gestureEndMs);
};
