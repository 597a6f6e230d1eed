import { listen } from '../lib/listen.js';
import type { Detector } from '../types.js';

/**
 * `back_nav`: a back traversal inside the page (Navigation API; popstate where it is missing) or a return
 * from the back/forward cache.
 */
export const backNav: Detector<{}> = (emit) => {
  const back = () => emit({ type: 'back_nav' });
  const nav = (globalThis as any).navigation;
  const restored = listen(window, 'pageshow', (e: PageTransitionEvent) => e.persisted && back(), false);
  const traversed = nav
    ? listen(
        nav,
        'currententrychange',
        (e: any) => e.navigationType === 'traverse' && nav.currentEntry.index < e.from.index && back(),
        false,
      )
    : listen(window, 'popstate', back, false);
  return () => {
    restored();
    traversed();
  };
};
