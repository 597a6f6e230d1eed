import { onScrollGesture } from '../lib/gesture.js';
import type { Detector } from '../types.js';

/**
 * One `scroll` per gesture: speed in px/s over the gesture (scroll events come once a frame, so two or more span
 * at least one) and direction. A gesture of a single scroll event is a jump (a key, a wheel notch without smooth
 * scrolling, a link to an anchor): it has no duration to measure, so it counts as a second — paging through an
 * article is reading, not fast scrolling.
 */
export const scroll: Detector<{ gestureEndMs: number }> = (emit, o) =>
  onScrollGesture(
    (dy, ms) =>
      emit({
        type: 'scroll',
        speed: Math.round((Math.abs(dy) * 1000) / (ms || 1000)),
        direction: dy > 0 ? 'down' : 'up',
      }),
    o.gestureEndMs,
  );
