/**
 * The tracker alone for a script tag: `<script src="tracker.iife.js" data-mood-key="…" data-mood-base="…">`
 * (optional data-mode="local", data-consent="pending") starts it and exposes
 * it as `window.Mooni.tracker`. A second load, or the full embed loaded first, leaves the existing one.
 */
import { createTracker, type TrackerOptions } from '../tracker.js';

const w = window as unknown as { Mooni?: { tracker?: unknown } };
const mooni = (w.Mooni ||= {});
if (!mooni.tracker) {
  const d = ((document.currentScript ?? document.querySelector('script[data-mood-key]')) as HTMLScriptElement | null)?.dataset ?? {};
  mooni.tracker = createTracker({
    apiKey: d.moodKey,
    apiBase: d.moodBase,
    // createTracker reads anything but 'local' as remote and anything but 'pending' as granted
    mode: d.mode as TrackerOptions['mode'],
    consent: d.consent as TrackerOptions['consent'],
  });
}
