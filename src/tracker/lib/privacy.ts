import type { MoodEvent } from '../../mood/types.js';

/** Global Privacy Control or Do Not Track is on (as current browsers expose them). */
export const privacySignal = (
  nav: { globalPrivacyControl?: boolean; doNotTrack?: string | null } = navigator,
): boolean => nav.globalPrivacyControl === true || nav.doNotTrack === '1';

/** A URL as sent: without query string and fragment unless `strip` is false; at most 2048 characters. */
export const cleanUrl = (href: string, strip: boolean): string =>
  (strip ? href.replace(/[?#].*/, '') : href).slice(0, 2048);

/** An event as it is queued: stamped with the time when it has none, its URL cleaned, its message cut to 512. */
export const asSent = (event: MoodEvent, strip: boolean): MoodEvent => {
  const sent: MoodEvent = { ...event, ts: event.ts ?? Date.now() / 1000 };
  if (sent.url) sent.url = cleanUrl(sent.url, strip);
  if (sent.message) sent.message = sent.message.slice(0, 512);
  return sent;
};
