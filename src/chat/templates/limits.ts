/** Caps on what a server may make the element render; anything beyond is cut, not rejected. */
export const LIMITS = {
  text: 4000,
  code: 10_000,
  label: 200,
  title: 300,
  cards: 20,
  buttons: 12,
  /** How many raw entries of a list are looked at to find the capped number of valid ones. */
  scan: 100,
} as const;

/** Reads `key` of a plain object, or `undefined` for anything that is not one. */
export function field(raw: unknown, key: string): unknown {
  return raw !== null && typeof raw === 'object' && !Array.isArray(raw) ? (raw as Record<string, unknown>)[key] : undefined;
}

/** A string cut to `max` characters (never in the middle of a surrogate pair), or `undefined` if not a string. */
export function str(raw: unknown, max: number): string | undefined {
  if (typeof raw !== 'string') return undefined;
  if (raw.length <= max) return raw;
  const cut = raw.slice(0, max);
  return /[\ud800-\udbff]$/.test(cut) ? cut.slice(0, -1) : cut;
}

/** A string with visible content, cut to `max`, or `undefined`. */
export function text(raw: unknown, max: number): string | undefined {
  const s = str(raw, max);
  return s && s.trim() ? s : undefined;
}

/** The first `LIMITS.scan` entries of an array (nothing for a non-array). */
export function list(raw: unknown): unknown[] {
  return Array.isArray(raw) ? raw.slice(0, LIMITS.scan) : [];
}
