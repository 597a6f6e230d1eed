import { listen } from '../lib/listen.js';
import type { Detector } from '../types.js';

const INTERACTIVE = 'a,button,input,select,textarea,[role=button],[tabindex]';

/**
 * `hover` with its length when a mouse leaves an interactive element it rested on for `thresholdMs` or more
 * without pressing. Work happens only when the pointer crosses element boundaries, never per move.
 */
export const hover: Detector<{ thresholdMs: number }> = (emit, o) => {
  let el: Element | null = null;
  let since = 0;
  return listen(document, 'pointerover pointerdown', (e: PointerEvent) => {
    // Pressed: the hover led somewhere.
    if (e.type !== 'pointerover') return void (el = null);
    const next = (e.pointerType === 'mouse' && (e.target as Element).closest(INTERACTIVE)) || null;
    if (next === el) return;
    if (el && e.timeStamp - since >= o.thresholdMs)
      emit({ type: 'hover', duration_ms: Math.round(e.timeStamp - since) });
    el = next;
    since = e.timeStamp;
  });
};
