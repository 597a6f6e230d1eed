import { isRage, rageStep, type RageState } from '../lib/rage.js';
import { isTextField, listen } from '../lib/listen.js';
import type { Detector, RageClickOptions } from '../types.js';

/** `click` (viewport x, y) for every click, and one `rage_click` per burst (see rageStep). */
export const click: Detector<RageClickOptions> = (emit, o) => {
  let last: RageState | undefined;
  return listen(document, 'click', (e: MouseEvent) => {
    const t = e.target as Element;
    if (!t.closest || t.closest('[data-mooni-ignore]') || isTextField(t)) return;
    const x = Math.round(e.clientX);
    const y = Math.round(e.clientY);
    emit({ type: 'click', x, y });
    if (isRage((last = rageStep(last, x, y, e.timeStamp, o)), o)) emit({ type: 'rage_click', x, y });
  });
};
