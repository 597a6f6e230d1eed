import { signWebhook } from './sign.js';

export { SIGNATURE_HEADER, TIMESTAMP_HEADER, signWebhook } from './sign.js';

export interface VerifyWebhookOptions {
  /** The raw request body, exactly as received (verify before parsing it). */
  body: string;
  /** The `x-mood-mnky-signature` header. */
  signature: string | null | undefined;
  /** The `x-mood-mnky-timestamp` header (Unix seconds). */
  timestamp: string | null | undefined;
  /** The subscription's signing secret. */
  secret: string;
  /** Reject timestamps further than this from now, against replays (default 300 s; 0 turns the check off). */
  toleranceSec?: number;
  /** Current time in Unix seconds (default: the clock). */
  nowSec?: number;
}

/** Equal-length strings compared without an early exit, so timing reveals nothing about the secret. */
function constantTimeEqual(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/**
 * True when a webhook delivery is authentic: its signature is the HMAC-SHA256 (hex) of
 * `timestamp + '.' + body` under `secret`, and its timestamp is recent. WebCrypto: Node ≥ 20 and browsers.
 */
export async function verifyWebhookSignature(options: VerifyWebhookOptions): Promise<boolean> {
  const { body, signature, timestamp, secret } = options;
  if (typeof signature !== 'string' || typeof timestamp !== 'string' || !/^\d{1,12}$/.test(timestamp.trim()))
    return false;
  if (typeof body !== 'string' || !secret) return false;
  const tolerance = options.toleranceSec ?? 300;
  const now = options.nowSec ?? Date.now() / 1000;
  if (tolerance > 0 && Math.abs(now - Number(timestamp.trim())) > tolerance) return false;
  const expected = await signWebhook(body, timestamp.trim(), secret);
  return constantTimeEqual(signature.trim().toLowerCase(), expected);
}
