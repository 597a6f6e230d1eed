import { listen } from '../lib/listen.js';
import type { Detector, ErrorFeed } from '../types.js';

export interface ErrorClickOptions {
  /** Longest time from a click to an error that follows it (inclusive). Default 1000. */
  windowMs: number;
}

/** The delay from a click to an error when the error follows it closely enough to be its failure, else undefined. */
export const errorClickDelay = (clickedAt: number, erredAt: number, o: ErrorClickOptions): number | undefined => {
  const delay = erredAt - clickedAt;
  return delay >= 0 && delay <= o.windowMs ? delay : undefined;
};

/**
 * `error` with `signal: 'error_click'` (x, y of the click, `duration_ms` from click to error, the message) when
 * an uncaught error, an unhandled rejection or `tracker.error()` follows a click within `windowMs`. One per click.
 */
export const errorClick: Detector<ErrorClickOptions & { errors?: ErrorFeed }> = (emit, o) => {
  let last: { x: number; y: number; at: number } | undefined;
  // Any click: whatever the visitor pressed, an error right after it is its failure.
  const stopClicks = listen(document, 'click', (event: MouseEvent) => {
    last = { x: Math.round(event.clientX), y: Math.round(event.clientY), at: event.timeStamp };
  });
  const stopErrors = o.errors?.((message) => {
    const delay = last && errorClickDelay(last.at, performance.now(), o);
    if (!last || delay === undefined) return;
    emit({ type: 'error', signal: 'error_click', x: last.x, y: last.y, duration_ms: Math.round(delay), message });
    last = undefined;
  });
  return () => {
    stopClicks();
    stopErrors?.();
  };
};
