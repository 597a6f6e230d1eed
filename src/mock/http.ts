/** Small Web-standard helpers shared by the mock's handlers (no Node APIs). */

export const JSON_TYPE = 'application/json; charset=utf-8';

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': JSON_TYPE, ...headers } });
}

/** Bodies larger than this are refused with 413 before parsing. */
export const MAX_BODY_BYTES = 1_000_000;

export type JsonBody = { ok: true; value: unknown } | { ok: false; reason: 'invalid_json' | 'too_large' };

/** Reads a JSON body without ever throwing: a client mistake is a value, never an exception. */
export async function readJson(request: Request, limit = MAX_BODY_BYTES): Promise<JsonBody> {
  const declared = Number(request.headers.get('content-length'));
  if (declared > limit) {
    await discard(request);
    return { ok: false, reason: 'too_large' };
  }
  let text: string;
  try {
    text = await request.text();
  } catch {
    return { ok: false, reason: 'invalid_json' };
  }
  if (text.length > limit) return { ok: false, reason: 'too_large' };
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch {
    return { ok: false, reason: 'invalid_json' };
  }
}

/**
 * Reads and drops a refused body (up to 16 MB), so the client gets its 413 at once instead of the
 * connection waiting for an unread upload.
 */
export async function discard(request: Request): Promise<void> {
  if (!request.body || request.bodyUsed || request.body.locked) return;
  const reader = request.body.getReader();
  let seen = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) return;
      seen += value.byteLength;
      if (seen > 16_000_000) {
        await reader.cancel();
        return;
      }
    }
  } catch {
    // The client went away: nothing to answer.
  }
}

export const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

export const sleep = (ms: number): Promise<void> =>
  ms > 0 ? new Promise((r) => setTimeout(r, ms)) : Promise.resolve();

/** Monotonic-enough ISO time for records. */
export const isoNow = (): string => new Date().toISOString();

/** A random hex string of `bytes` bytes (WebCrypto, available in Node ≥ 20 and browsers). */
export function randomHex(bytes: number): string {
  const buffer = new Uint8Array(bytes);
  crypto.getRandomValues(buffer);
  return Array.from(buffer, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** A v4 UUID; `crypto.randomUUID` exists only in secure contexts, so the in-page mock builds its own. */
export function uuid(): string {
  const b = new Uint8Array(16);
  crypto.getRandomValues(b);
  b[6] = (b[6] & 0x0f) | 0x40;
  b[8] = (b[8] & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
