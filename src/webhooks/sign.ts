/** MOOD MNKY-style webhook signatures (000): HMAC-SHA256, hex, of `timestamp + '.' + body`. WebCrypto only. */

export const SIGNATURE_HEADER = 'x-mood-mnky-signature';
export const TIMESTAMP_HEADER = 'x-mood-mnky-timestamp';

const encoder = new TextEncoder();

/** The hex signature of `body` sent at `timestamp` (Unix seconds, as in the timestamp header). */
export async function signWebhook(body: string, timestamp: string, secret: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
  ]);
  const mac = await crypto.subtle.sign('HMAC', key, encoder.encode(`${timestamp}.${body}`));
  return Array.from(new Uint8Array(mac), (b) => b.toString(16).padStart(2, '0')).join('');
}
