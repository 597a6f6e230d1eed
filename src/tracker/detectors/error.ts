import { listen } from '../lib/listen.js';
import type { Detector, NoOptions } from '../types.js';

/** `error` for uncaught errors and unhandled rejections (resource load failures do not reach window). */
export const error: Detector<NoOptions> = (emit) =>
  listen(
    window,
    'error unhandledrejection',
    (e: ErrorEvent & PromiseRejectionEvent) => {
      const message = e.type === 'error' ? e.message : (e.reason?.message ?? String(e.reason));
      if (message) emit({ type: 'error', message });
    },
    false,
  );
