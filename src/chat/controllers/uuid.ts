/**
 * A v4 UUID. `crypto.randomUUID` exists only in secure contexts and the embed also runs on http pages, where
 * a blob URL's random UUID serves (the tiny blob is never fetched; the URL is revoked at once).
 */
export function uuid(): string {
  if (crypto.randomUUID) return crypto.randomUUID();
  const url = URL.createObjectURL(new Blob());
  URL.revokeObjectURL(url);
  return url.slice(-36);
}
