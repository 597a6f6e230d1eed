import { onScrollGesture } from '../lib/gesture.js';
import type { Detector } from '../types.js';

/** One `scroll` per gesture: speed in px/s over the gesture (at least one frame long) and direction. */
export const scroll: Detector<{ gestureEndMs: number }> = (emit, o) =>
  onScrollGesture(
    (dy, ms) =>
      emit({
        type: 'scroll',
        speed: Math.round((Math.abs(dy) * 1000) / Math.max(ms, 16)),
        direction: dy > 0 ? 'down' : 'up',
      }),
    o.gestureEndMs,
  );
