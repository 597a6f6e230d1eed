import { isTextField, listen } from '../lib/listen.js';
import { isDeliberateNonAction } from '../lib/interaction.js';
import { rageStep, rageVerdict, type RageState } from '../lib/rage.js';
import { awaitResponse } from '../lib/response.js';
import type { Detector, ErrorFeed, RageClickOptions } from '../types.js';

/**
 * `click` (viewport x, y) for every click, and one `rage_click` per burst that gets no useful response (see
 * rageVerdict): a burst followed by an error fires at once; one the page answers click after click does not.
 */
export const click: Detector<RageClickOptions & { errors?: ErrorFeed }> = (emit, o) => {
  let burst: RageState | undefined;
  let settle: ReturnType<typeof setTimeout> | undefined;
  let cancelAnswer = () => {};
  /** Where the burst reached `clicks` clicks: where the rage_click is reported. */
  let spot = { x: 0, y: 0 };

  const judge = (current: RageState, settled: boolean) => {
    const verdict = rageVerdict(current, o, settled);
    if (verdict === 'open') return;
    current.judged = true;
    clearTimeout(settle);
    if (verdict === 'rage') emit({ type: 'rage_click', ...spot });
  };

  const stopErrors = o.errors?.(() => {
    if (burst && !burst.judged && performance.now() - burst.t <= o.settleMs) {
      burst.errored = true;
      judge(burst, false);
    }
  });

  const stopClicks = listen(document, 'click', (event: MouseEvent) => {
    const target = event.target;
    if (!(target instanceof Element) || target.closest('[data-mooni-ignore]') || isTextField(target)) return;
    const x = Math.round(event.clientX);
    const y = Math.round(event.clientY);
    emit({ type: 'click', x, y });
    if (isDeliberateNonAction(target, getSelection())) return;
    const previous = burst;
    const current = (burst = rageStep(previous, x, y, event.timeStamp, o));
    // A click that starts a new burst settles the one before.
    if (previous && current.clicks === 1) judge(previous, true);
    if (current.clicks === o.clicks) spot = { x, y };
    cancelAnswer();
    cancelAnswer = awaitResponse(() => current.answered++);
    judge(current, false);
    clearTimeout(settle);
    if (!current.judged) settle = setTimeout(() => judge(current, true), o.settleMs);
  });

  return () => {
    stopClicks();
    stopErrors?.();
    cancelAnswer();
    clearTimeout(settle);
  };
};
