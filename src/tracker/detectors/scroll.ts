import { onScrollGesture } from '../lib/gesture.js';
import { listen } from '../lib/listen.js';
import type { Detector } from '../types.js';

/** A gesture that starts this soon after a key press was made by the keyboard (Page Down, Space, the arrows). */
const KEY_SCROLL_MS = 500;

/**
 * One `scroll` per gesture: speed in px/s over the gesture (scroll events come once a frame, so two or more span
 * at least one) and direction. A jump has no duration worth measuring, so it counts as at least a second: a gesture
 * of a single scroll event (a wheel notch without smooth scrolling, a link to an anchor), and one the keyboard made,
 * which the browser may animate in a few frames (Chromium smooth-scrolls a Page Down in about 150 ms) — paging
 * through an article is reading, not fast scrolling. Only when a key was pressed is read, never which.
 */
export const scroll: Detector<{ gestureEndMs: number }> = (emit, o) => {
  let keyPressedAt = -Infinity;
  const stopKeys = listen(window, 'keydown', (event) => (keyPressedAt = event.timeStamp), false);
  const stopGestures = onScrollGesture((dy, ms, startedAt) => {
    const byKeyboard = startedAt - keyPressedAt < KEY_SCROLL_MS;
    emit({
      type: 'scroll',
      speed: Math.round((Math.abs(dy) * 1000) / (byKeyboard ? Math.max(ms, 1000) : ms || 1000)),
      direction: dy > 0 ? 'down' : 'up',
    });
  }, o.gestureEndMs);
  return () => {
    stopKeys();
    stopGestures();
  };
};
