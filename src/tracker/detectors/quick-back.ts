import { onHistoryChange } from '../lib/history.js';
import { listen } from '../lib/listen.js';
import { navigationApi, type NavigationEntryChange } from '../lib/navigation.js';
import { trace } from '../lib/trace.js';
import type { Detector } from '../types.js';
import { STAY_KEY } from '../lib/storage-names.js';

export interface QuickBackOptions {
  /** Longest stay, in ms, on a page (or SPA route) left by going back (inclusive). Default 5000. */
  withinMs: number;
}

export const QUICK_BACK_DEFAULTS: QuickBackOptions = { withinMs: 5000 };

interface Stay {
  /** Time on the page, ms. */
  ms: number;
  /** The visitor pressed, clicked or typed there. */
  interacted: boolean;
  /** Its history index (Navigation API), to tell back from forward. */
  index?: number;
}

/** The quick-back rule: the visitor went back after at most `withinMs` on the page without interacting with it. */
export const isQuickBack = (stay: Stay, o: QuickBackOptions): boolean => !stay.interacted && stay.ms <= o.withinMs;

/**
 * `back_nav` with `signal: 'quick_back'` and `duration_ms` (the stay) when the visitor goes back within
 * `withinMs` of arriving, without a press, click or key (Alt/Meta shortcuts such as Alt+← excepted; only the
 * modifier flags are read). SPA routes are judged when they go back; a page left for the one before is judged
 * there, from what it recorded in sessionStorage when it hid (the stay only).
 */
export const quickBack: Detector<QuickBackOptions> = (emit, o) => {
  const nav = navigationApi();
  let arrivedAt = 0; // the page's time origin: arriving is loading
  let interacted = false;
  const judge = (stay: Stay) => {
    const fired = isQuickBack(stay, o);
    trace('quick_back', fired, fired ? 'quick_back' : stay.interacted ? 'interacted' : 'stayed', {
      stayMs: stay.ms,
      withinMs: o.withinMs,
    });
    if (fired) emit({ type: 'back_nav', signal: 'quick_back', duration_ms: stay.ms });
  };
  const arrive = (at: number) => {
    arrivedAt = at;
    interacted = false;
  };
  /** This page was reached by going back: judge the stay the page left behind recorded. */
  const judgeLeftPage = () => {
    try {
      const stay: Stay | null = JSON.parse(sessionStorage.getItem(STAY_KEY) || 'null');
      sessionStorage.removeItem(STAY_KEY);
      // With the Navigation API, a traversal to a later entry is forward, not back.
      const forward = nav && stay?.index !== undefined && nav.currentEntry.index >= stay.index;
      if (stay && !forward) judge(stay);
    } catch {
      // blocked storage or a foreign value: nothing to judge
    }
  };
  const stops = [
    listen(document, 'pointerdown keydown', (e: PointerEvent & KeyboardEvent) => {
      if (e.type === 'keydown' ? !e.altKey && !e.metaKey : e.button === 0) interacted = true;
    }),
    listen(
      window,
      'pagehide pageshow',
      (e: PageTransitionEvent) => {
        if (e.type === 'pageshow') return e.persisted && (arrive(e.timeStamp), judgeLeftPage());
        const stay: Stay = { ms: Math.round(e.timeStamp - arrivedAt), interacted, index: nav?.currentEntry.index };
        try {
          sessionStorage.setItem(STAY_KEY, JSON.stringify(stay));
        } catch {
          // blocked storage: the next page cannot judge this stay
        }
      },
      false,
    ),
    nav
      ? listen(
          nav,
          'currententrychange',
          (e: NavigationEntryChange) => {
            const now = performance.now();
            if (e.navigationType === 'traverse' && nav.currentEntry.index < e.from.index)
              judge({ ms: Math.round(now - arrivedAt), interacted });
            arrive(now);
          },
          false,
        )
      : listen(
          window,
          'popstate',
          (e: PopStateEvent) => {
            judge({ ms: Math.round(e.timeStamp - arrivedAt), interacted });
            arrive(e.timeStamp);
          },
          false,
        ),
    // Without the Navigation API (Safari) a new SPA route is seen only through pushState.
    nav ? () => {} : onHistoryChange((method) => method === 'pushState' && arrive(performance.now())),
  ];
  const entry = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
  if (entry?.type === 'back_forward') judgeLeftPage();
  return () => stops.forEach((stop) => stop());
};
