import { listen } from '../lib/listen.js';
import type { Detector } from '../types.js';

/**
 * `back_nav`: a back traversal inside the page (Navigation API; popstate where it is missing) or a return
 * from the back/forward cache.
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- detectors without options; to be replaced by the tracker module split
export const backNav: Detector<{}> = (emit) => {
  const back = () => emit({ type: 'back_nav' });
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- legacy tracker typing, to be replaced by the tracker module split
  const nav = (globalThis as any).navigation;
  const restored = listen(window, 'pageshow', (e: PageTransitionEvent) => e.persisted && back(), false);
  const traversed = nav
    ? listen(
        nav,
        'currententrychange',
        // eslint-disable-next-line @typescript-eslint/no-explicit-any -- legacy tracker typing, to be replaced by the tracker module split
        (e: any) => e.navigationType === 'traverse' && nav.currentEntry.index < e.from.index && back(),
        false,
      )
    : listen(window, 'popstate', back, false);
  return () => {
    restored();
    traversed();
  };
};
