/** Reads `key` of what a server sent, `undefined` when it is not an object (a string's methods never count). */
export const field = (raw: unknown, key: string): unknown =>
  raw && typeof raw === 'object' ? (raw as Record<string, unknown>)[key] : undefined;

/** The first 100 entries of an array (nothing for a non-array): enough to find the capped number of valid ones. */
export const list = (raw: unknown): unknown[] => (Array.isArray(raw) ? raw.slice(0, 100) : []);

/** A string with visible content, cut to `max` characters (never inside a surrogate pair), or `undefined`. */
export const text = (raw: unknown, max = 4000): string | undefined =>
  typeof raw === 'string' && raw.trim() ? raw.slice(0, max).replace(/[\ud800-\udbff]$/, '') : undefined;

/** Up to 12 valid items of a list. */
export const pick = <T>(raw: unknown, each: (item: unknown) => T | undefined): T[] =>
  list(raw)
    .map(each)
    .filter((x): x is T => !!x)
    .slice(0, 12);
