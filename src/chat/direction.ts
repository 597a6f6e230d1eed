/**
 * Languages written right to left, by their primary subtag: Arabic, Persian, Hebrew, Urdu (the locales the
 * widget mirrors for; any other is left to `dir`).
 */
const RIGHT_TO_LEFT = /^(ar|fa|he|ur)\b/i;

/** Whether a BCP 47 language tag is written right to left. */
export const writtenRightToLeft = (language: string): boolean => RIGHT_TO_LEFT.test(language);
