import { isTextField, listen } from '../lib/listen.js';
import { isMarkedNoRage, isSelectingText } from '../lib/interaction.js';
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
  /** Stops the wait for the page's answer to the latest click; undefined when none is waited for. */
  let cancelAnswer: (() => void) | undefined;
  /** Where the burst reached `clicks` clicks: where the rage_click is reported. */
  let spot = { x: 0, y: 0 };

  const judge = (current: RageState, settled: boolean) => {
    const verdict = rageVerdict(current, o, settled);
    if (verdict === 'open') return;
    current.judged = true;
    if (verdict === 'rage') emit({ type: 'rage_click', ...spot });
  };

  /**
   * The burst is settled `settleMs` after its last click. One timer, re-armed for what is left when clicks came
   * meanwhile, serves every click of the burst (a timer per click was a third of what a click cost).
   */
  const settleLatest = () => {
    settle = undefined;
    if (!burst || burst.judged) return;
    const waited = performance.now() - burst.t;
    if (waited < o.settleMs) settle = setTimeout(settleLatest, o.settleMs - waited);
    else judge(burst, true);
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
    if (isMarkedNoRage(target)) return;
    const previous = burst;
    const current = rageStep(previous, x, y, event.timeStamp, o);
    // Reading the selection costs a style update, and only a click that continues a burst (the second or third of
    // a double or triple click) can be one that selected text.
    if (current.clicks > 1 && isSelectingText(getSelection())) return;
    burst = current;
    // A click that starts a new burst settles the one before.
    if (previous && current.clicks === 1) judge(previous, true);
    if (current.clicks === o.clicks) spot = { x, y };
    // One wait serves the clicks until the page answers: the answer counts once, for the burst of the latest.
    cancelAnswer ??= awaitResponse(() => {
      cancelAnswer = undefined;
      if (burst) burst.answered++;
    });
    judge(current, false);
    if (!current.judged) settle ??= setTimeout(settleLatest, o.settleMs);
  });

  return () => {
    stopClicks();
    stopErrors?.();
    cancelAnswer?.();
    clearTimeout(settle);
  };
};
