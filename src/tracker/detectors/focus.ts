import { listen } from '../lib/listen.js';
import type { Detector } from '../types.js';

/** `focus` / `blur` when a form field (input, select, textarea, contenteditable) gains or loses focus. */
export const focus: Detector<{}> = (emit) =>
  listen(document, 'focusin focusout', (e: FocusEvent) => {
    const t = e.target as HTMLElement;
    if (t.isContentEditable || /^(INPUT|SELECT|TEXTAREA)$/.test(t.tagName)) emit({ type: e.type == 'focusin' ? 'focus' : 'blur' });
  });
