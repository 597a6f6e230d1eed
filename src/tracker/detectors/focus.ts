import { isTextField, listen } from '../lib/listen.js';
import type { Detector, NoOptions } from '../types.js';

/**
 * `focus` / `blur` when a field the user fills in (a text field or a select) gains or loses focus; buttons,
 * checkboxes and the like are choices made in one go, not fields that can be abandoned half-way.
 */
export const focus: Detector<NoOptions> = (emit) =>
  listen(document, 'focusin focusout', (e: FocusEvent) => {
    const t = e.target as HTMLElement;
    if (isTextField(t) || t.tagName === 'SELECT') emit({ type: e.type === 'focusin' ? 'focus' : 'blur' });
  });
