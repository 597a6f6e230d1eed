import { onScrollGesture } from '../lib/gesture.js';
import type { Detector } from '../types.js';

/** `backtrack`: an upward gesture of `minUpPx` or more after at least `minDownPx` of downward scrolling. */
export const backtrack: Detector<{ minDownPx: number; minUpPx: number; gestureEndMs: number }> = (emit, o) => {
  let down = 0;
  return onScrollGesture((dy) => {
    if (dy > 0) down += dy;
    else if (-dy >= o.minUpPx) {
      if (down >= o.minDownPx) emit({ type: 'backtrack' });
      down = 0;
    }
  }, o.gestureEndMs);
};
