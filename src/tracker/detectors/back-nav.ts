import { all, listen } from '../lib/listen.js';
import type { Detector } from '../types.js';

/**
 * `back_nav`: a back traversal inside the page (Navigation API; popstate where it is missing), a return
 * from the back/forward cache, or a page loaded by the back/forward buttons.
 */
export const backNav: Detector<{}> = (emit) => {
  const back = () => emit({ type: 'back_nav' });
  const nav = (globalThis as any).navigation;
  if ((performance.getEntriesByType?.('navigation')[0] as PerformanceNavigationTiming | undefined)?.type == 'back_forward') back();
  return all(
    listen(window, 'pageshow', (e: PageTransitionEvent) => e.persisted && back(), false),
    nav
      ? listen(nav, 'currententrychange', (e: any) => e.navigationType == 'traverse' && nav.currentEntry.index < e.from.index && back(), false)
      : listen(window, 'popstate', back, false),
  );
};
