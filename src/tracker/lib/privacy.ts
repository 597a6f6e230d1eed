/** Global Privacy Control or Do Not Track is on. */
export const privacySignal = (nav: any = navigator, win: any = globalThis): boolean =>
  nav.globalPrivacyControl === true || /^(1|yes)$/.test(nav.doNotTrack ?? win.doNotTrack ?? '');

/** A URL as sent: without query string and fragment unless `strip` is false; at most 2048 characters. */
export const cleanUrl = (href: string, strip: boolean): string => (strip ? href.replace(/[?#].*/, '') : href).slice(0, 2048);
