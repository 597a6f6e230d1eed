import { isTextField, listen } from '../lib/listen.js';
import type { Detector } from '../types.js';

/**
 * `input_pause` with its length when typing resumes in the same text field after `thresholdMs` or more.
 * Uses key timing only: never the key, never the value.
 */
export const inputPause: Detector<{ thresholdMs: number }> = (emit, o) => {
  let field: EventTarget | null = null;
  let last = 0;
  return listen(document, 'keydown', (e: KeyboardEvent) => {
    const t = e.timeStamp;
    if (e.target !== field) field = isTextField(e.target) ? e.target : null;
    else if (field && t - last >= o.thresholdMs) emit({ type: 'input_pause', duration_ms: Math.round(t - last) });
    last = t;
  });
};
