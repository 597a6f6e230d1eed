import { isTextField, listen } from '../lib/listen.js';
import type { Detector } from '../types.js';

/**
 * `focus` / `blur` when a field the user fills in (a text field or a select) gains or loses focus; buttons,
 * checkboxes and the like are choices made in one go, not fields that can be abandoned half-way.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- detectors without options; to be replaced by the tracker module split
export const focus: Detector<{}> = (emit) =>
  listen(document, 'focusin focusout', (e: FocusEvent) => {
    const t = e.target as HTMLElement;
    if (isTextField(t) || t.tagName === 'SELECT') emit({ type: e.type === 'focusin' ? 'focus' : 'blur' });
  });
