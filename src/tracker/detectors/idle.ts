import { listen } from '../lib/listen.js';
import type { Detector } from '../types.js';

/**
 * `idle` with its length, once activity resumes after at least `thresholdMs` without pointer, key, wheel,
 * touch or scroll input, or when the page hides during such a gap. Time spent hidden does not count.
 * Activity needs noticing only now and then: after each noticed event the listeners rest for a thirtieth of
 * the threshold (1 s by default), so a moving pointer costs one call a second; durations are exact to that.
 */
export const idle: Detector<{ thresholdMs: number }> = (emit, o) => {
  let last = performance.now();
  let rest: ReturnType<typeof setTimeout>;
  let stop: () => void;
  const watch = () =>
    (stop = listen(document, 'pointermove pointerdown keydown wheel touchstart scroll visibilitychange', (e: Event) => {
      const t = e.timeStamp;
      if (e.type[0] === 'v' && !document.hidden)
        last = t; // back from hidden: start afresh
      else if (t - last >= o.thresholdMs) emit({ type: 'idle', duration_ms: Math.round(t - last) });
      last = t;
      stop();
      rest = setTimeout(watch, o.thresholdMs / 30);
    }));
  watch();
  return () => {
    stop();
    clearTimeout(rest);
  };
};
