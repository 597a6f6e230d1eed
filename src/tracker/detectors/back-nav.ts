import { listen } from '../lib/listen.js';
import { navigationApi, type NavigationEntryChange } from '../lib/navigation.js';
import type { Detector, NoOptions } from '../types.js';

/**
 * `back_nav`: a back traversal inside the page (Navigation API; popstate where it is missing) or a return
 * from the back/forward cache.
 */
export const backNav: Detector<NoOptions> = (emit) => {
  const back = () => emit({ type: 'back_nav' });
  const nav = navigationApi();
  const restored = listen(window, 'pageshow', (e: PageTransitionEvent) => e.persisted && back(), false);
  const traversed = nav
    ? listen(
        nav,
        'currententrychange',
        (e: NavigationEntryChange) =>
          e.navigationType === 'traverse' && nav.currentEntry.index < e.from.index && back(),
        false,
      )
    : listen(window, 'popstate', back, false);
  return () => {
    restored();
    traversed();
  };
};
