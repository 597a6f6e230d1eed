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

/** A click on a control that waits for the page's answer. */
interface PendingClick {
  /** When the handler saw it (performance.now()), for its deadline and the page hiding after it. */
  at: number;
  /** The event's own time, from which the answer's delay is counted. */
  stamp: number;
  x: number;
  y: number;
  /** The page was hidden when it came (a click from a script). */
  hidden: boolean;
}

/**
 * `click` with `signal: 'dead_click'` (x, y) when a click on a control gets no DOM change, scroll or navigation
 * within `waitMs`. One MutationObserver serves every pending click, and only while one is pending.
 */
export const deadClick: Detector<DeadClickOptions> = (emit, o) => {
  /**
   * Clicks waiting for an answer, oldest first. They all wait `waitMs`, so one timer, armed for the oldest, serves
   * them all (a timer per click was the largest share of what a click cost); and any answer of the page answers
   * every one of them, so one wait for it does too.
   */
  let pending: PendingClick[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let cancelAnswer: (() => void) | undefined;
  // One listener for every pending click likewise: a click is not judged when the page hid at any moment after it.
  let hiddenAt = document.hidden ? performance.now() : -1;

  const decide = (click: PendingClick, answeredAfterMs?: number) => {
    const verdict = judgeClick(answeredAfterMs, click.hidden || hiddenAt >= click.at, o);
    const numbers = { waitMs: o.waitMs, ...(answeredAfterMs !== undefined && { answeredAfterMs }) };
    trace('dead_click', verdict === 'dead', verdict, numbers);
    if (verdict === 'dead') emit({ type: 'click', signal: 'dead_click', x: click.x, y: click.y });
  };
  const answered = () => {
    cancelAnswer = undefined;
    clearTimeout(timer);
    timer = undefined;
    const now = performance.now();
    for (const click of pending.splice(0)) decide(click, Math.round(now - click.stamp));
  };
  const expire = () => {
    timer = undefined;
    const now = performance.now();
    let expired = 0;
    for (const click of pending) {
      if (now - click.at < o.waitMs) break;
      expired++;
    }
    for (const click of pending.splice(0, expired)) decide(click);
    const oldest = pending[0];
    if (oldest) timer = setTimeout(expire, o.waitMs - (now - oldest.at));
    else {
      cancelAnswer?.();
      cancelAnswer = undefined;
    }
  };

  const stopHidden = listen(document, 'visibilitychange', () => {
    if (document.hidden) hiddenAt = performance.now();
  });
  const stopClicks = listen(document, 'click', (event: MouseEvent) => {
    const skip = notJudged(event);
    if (skip) return trace('dead_click', false, skip);
    pending.push({
      at: performance.now(),
      stamp: event.timeStamp,
      x: Math.round(event.clientX),
      y: Math.round(event.clientY),
      hidden: document.hidden,
    });
    cancelAnswer ??= awaitResponse(answered);
    timer ??= setTimeout(expire, o.waitMs);
  });
  return () => {
    stopClicks();
    stopHidden();
    clearTimeout(timer);
    cancelAnswer?.();
    pending = [];
  };
};
