import { cleanUrl } from '../lib/privacy.js';
import { onHistoryChange } from '../lib/history.js';
import { listen } from '../lib/listen.js';
import { navigationApi } from '../lib/navigation.js';
import type { Detector } from '../types.js';

/**
 * `page_view` on start and on each route change that changes the URL as sent: the Navigation API where there is
 * one, otherwise `pushState` / `replaceState` calls and `popstate` (Safari has no Navigation API).
 */
export const pageView: Detector<{ strip: boolean }> = (emit, o) => {
  let last = '';
  const check = () => {
    const url = cleanUrl(location.href, o.strip);
    if (url !== last) emit({ type: 'page_view', url: (last = url) });
  };
  check();
  const nav = navigationApi();
  if (nav) return listen(nav, 'currententrychange', check, false);
  const changed = onHistoryChange(check);
  const traversed = listen(window, 'popstate', check, false);
  return () => {
    changed();
    traversed();
  };
};
