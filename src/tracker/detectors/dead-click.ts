import { listen } from '../lib/listen.js';
import { awaitResponse } from '../lib/response.js';
import { trace } from '../lib/trace.js';
import type { Detector } from '../types.js';

export interface DeadClickOptions {
  /**
   * Longest wait, in ms, for a DOM change, scroll or navigation after the click (inclusive). Default 2500
   * (PostHog's).
   */
  waitMs: number;
}

export const DEAD_CLICK_DEFAULTS: DeadClickOptions = { waitMs: 2500 };

/**
 * Controls whose whole point is a visible response; native controls (checkboxes, selects, fields) answer by
 * themselves.
 */
const CONTROL = [
  'a[href]',
  'button',
  'summary',
  '[role=button]',
  '[role=link]',
  '[role=tab]',
  '[role=menuitem]',
  'input[type=submit]',
  'input[type=button]',
  'input[type=reset]',
  'input[type=image]',
].join();

/** Links that answer outside the page: a new tab, a download, the mail or phone app. */
const ELSEWHERE = '[target]:not([target=_self]),[download],[href^="mailto:"],[href^="tel:"]';

/**
 * The dead-click rule: a click is dead when nothing answered it within `waitMs` (`answeredAfterMs` undefined: not
 * yet), unless the page was hidden meanwhile (the visitor went elsewhere, so the wait says nothing).
 */
export const judgeClick = (
  answeredAfterMs: number | undefined,
  pageHidden: boolean,
  o: DeadClickOptions,
): 'answered' | 'dead' | 'page_hidden' =>
  pageHidden ? 'page_hidden' : answeredAfterMs !== undefined && answeredAfterMs <= o.waitMs ? 'answered' : 'dead';

/** Why a click is not judged at all, or undefined when it is a click on a control that should answer. */
const notJudged = (event: MouseEvent): string | undefined => {
  const control = (event.target as Element).closest?.(CONTROL);
  if (!control || control.closest('[data-mooni-ignore]')) return 'not_a_control';
  // The observer does not see inside shadow roots: a component's own response would be missed.
  if (event.composedPath()[0] !== event.target) return 'in_shadow_dom';
  if (control.matches(ELSEWHERE)) return 'answers_elsewhere';
};

/**
 * `click` with `signal: 'dead_click'` (x, y) when a click on a control gets no DOM change, scroll or navigation
 * within `waitMs`. One MutationObserver serves every pending click, and only while one is pending.
 */
export const deadClick: Detector<DeadClickOptions> = (emit, o) => {
  const pending = new Set<() => void>();
  const stopClicks = listen(document, 'click', (event: MouseEvent) => {
    const skip = notJudged(event);
    if (skip) return trace('dead_click', false, skip);
    const x = Math.round(event.clientX);
    const y = Math.round(event.clientY);
    let hidden = document.hidden;
    const stopHidden = listen(document, 'visibilitychange', () => (hidden ||= document.hidden));
    const decide = (answeredAfterMs?: number) => {
      end();
      const verdict = judgeClick(answeredAfterMs, hidden, o);
      const numbers = { waitMs: o.waitMs, ...(answeredAfterMs !== undefined && { answeredAfterMs }) };
      trace('dead_click', verdict === 'dead', verdict, numbers);
      if (verdict === 'dead') emit({ type: 'click', signal: 'dead_click', x, y });
    };
    const cancel = awaitResponse(() => decide(Math.round(performance.now() - event.timeStamp)));
    const timer = setTimeout(decide, o.waitMs);
    const end = () => {
      pending.delete(end);
      cancel();
      clearTimeout(timer);
      stopHidden();
    };
    pending.add(end);
  });
  return () => {
    stopClicks();
    pending.forEach((end) => end());
  };
};
