/** Global Privacy Control or Do Not Track is on (as current browsers expose them). */
export const privacySignal = (
  nav: { globalPrivacyControl?: boolean; doNotTrack?: string | null } = navigator,
): boolean => nav.globalPrivacyControl === true || nav.doNotTrack === '1';

/** A URL as sent: without query string and fragment unless `strip` is false; at most 2048 characters. */
export const cleanUrl = (href: string, strip: boolean): string =>
  (strip ? href.replace(/[?#].*/, '') : href).slice(0, 2048);
