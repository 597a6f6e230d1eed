import { all, listen } from '../lib/listen.js';
import type { Detector } from '../types.js';

/**
 * `idle` with its length, once activity resumes after at least `thresholdMs` without pointer, key, wheel,
 * touch or scroll input, or when the page hides during such a gap. Time spent hidden does not count.
 */
export const idle: Detector<{ thresholdMs: number }> = (emit, o) => {
  let last = performance.now();
  const seen = (t: number) => {
    if (t - last >= o.thresholdMs) emit({ type: 'idle', duration_ms: Math.round(t - last) });
    last = t;
  };
  return all(
    listen(document, 'pointermove pointerdown keydown wheel touchstart scroll', (e: Event) => seen(e.timeStamp)),
    listen(document, 'visibilitychange', () => (document.hidden ? seen(performance.now()) : (last = performance.now()))),
  );
};
