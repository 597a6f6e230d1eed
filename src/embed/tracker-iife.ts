/**
 * The tracker alone for a script tag: `<script src="tracker.iife.js" data-mood-key="…" data-mood-base="…">`
 * (optional data-mode="local", data-consent="pending", data-privacy-signals="ignore") starts it and exposes
 * it as `window.Mooni.tracker`. A second load, or the full embed loaded first, leaves the existing one.
 */
import { createTracker } from '../tracker.js';

const w = window as unknown as { Mooni?: { tracker?: unknown } };
const mooni = (w.Mooni ||= {});
if (!mooni.tracker) {
  const d = ((document.currentScript ?? document.querySelector('script[data-mood-key]')) as HTMLScriptElement | null)?.dataset ?? {};
  mooni.tracker = createTracker({
    apiKey: d.moodKey,
    apiBase: d.moodBase,
    mode: d.mode == 'local' ? 'local' : 'remote',
    consent: d.consent == 'pending' ? 'pending' : 'granted',
    respectPrivacySignals: d.privacySignals != 'ignore',
  });
}
