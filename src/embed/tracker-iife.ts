/**
 * The tracker alone for a script tag: `<script src="tracker.iife.js" data-mood-key="…" data-mood-base="…">`
 * (optional data-mode="local", data-consent="pending", data-debug) starts it and exposes it as `window.Mooni.tracker`.
 * A second load, or the full embed loaded first, leaves the existing one. To stay within its 4 KB budget
 * this file does not contain the mood engine: 'local' mode loads `mood-engine.js` from next to the script.
 */
import { createTracker } from '../tracker/create-tracker.js';
import type { TrackerOptions } from '../tracker/types.js';
import { isDebug } from './config.js';

const w = window as unknown as { Mooni?: { tracker?: unknown } };
const mooni = (w.Mooni ||= {});
if (!mooni.tracker) {
  const tag = (document.currentScript ?? document.querySelector('script[data-mood-key]')) as HTMLScriptElement | null;
  const d = tag?.dataset ?? {};
  mooni.tracker = createTracker(
    {
      apiKey: d.moodKey,
      apiBase: d.moodBase,
      // createTracker reads anything but 'local' as remote and anything but 'pending' as granted
      mode: d.mode as TrackerOptions['mode'],
      consent: d.consent as TrackerOptions['consent'],
    },
    () => import(/* @vite-ignore */ new URL('mood-engine.js', tag?.src || location.href).href),
  );
  // data-debug: the decision log, from beside the script too.
  if (isDebug(d.debug))
    import(/* @vite-ignore */ new URL('mooni-debug.js', tag?.src || location.href).href).then((m) => m.startDebugLog());
}
