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
  /**
   * Clicks waiting for an answer, oldest first. They all wait `waitMs`, so one timer, armed for the oldest,
   * serves them all (a timer per click was the largest share of what a click cost).
   */
  const pending = new Set<{ at: number; cancel: () => void; decide: (answeredAfterMs?: number) => void }>();
  let timer: ReturnType<typeof setTimeout> | undefined;
  const expire = () => {
    timer = undefined;
    const now = performance.now();
    for (const click of pending) {
      if (now - click.at < o.waitMs) return void (timer = setTimeout(expire, o.waitMs - (now - click.at)));
      click.decide();
    }
  };
  // One listener for every pending click likewise: a click is not judged when the page hid at any moment after it.
  let hiddenAt = document.hidden ? performance.now() : -1;
  const stopHidden = listen(document, 'visibilitychange', () => {
    if (document.hidden) hiddenAt = performance.now();
  });
  const stopClicks = listen(document, 'click', (event: MouseEvent) => {
    const skip = notJudged(event);
    if (skip) return trace('dead_click', false, skip);
    const x = Math.round(event.clientX);
    const y = Math.round(event.clientY);
    const hiddenAtClick = document.hidden;
    const click = {
      at: performance.now(),
      cancel: () => {},
      decide(answeredAfterMs?: number) {
        pending.delete(click);
        click.cancel();
        const verdict = judgeClick(answeredAfterMs, hiddenAtClick || hiddenAt >= click.at, o);
        const numbers = { waitMs: o.waitMs, ...(answeredAfterMs !== undefined && { answeredAfterMs }) };
        trace('dead_click', verdict === 'dead', verdict, numbers);
        if (verdict === 'dead') emit({ type: 'click', signal: 'dead_click', x, y });
      },
    };
    click.cancel = awaitResponse(() => click.decide(Math.round(performance.now() - event.timeStamp)));
    pending.add(click);
    timer ??= setTimeout(expire, o.waitMs);
  });
  return () => {
    stopClicks();
    stopHidden();
    clearTimeout(timer);
    for (const click of pending) click.cancel();
    pending.clear();
  };
};
