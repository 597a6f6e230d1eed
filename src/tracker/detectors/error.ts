import { listen } from '../lib/listen.js';
import type { Detector } from '../types.js';

/** `error` for uncaught errors and unhandled rejections (resource load failures do not reach window). */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- detectors without options; to be replaced by the tracker module split
export const error: Detector<{}> = (emit) =>
  listen(
    window,
    'error unhandledrejection',
    (e: ErrorEvent & PromiseRejectionEvent) => {
      const message = e.type === 'error' ? e.message : (e.reason?.message ?? String(e.reason));
      if (message) emit({ type: 'error', message });
    },
    false,
  );
