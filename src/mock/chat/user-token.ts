/**
 * Server-signed user tokens (extension, see README): a page that knows a user id may not list that user's
 * history with the public key alone. The host's server signs the user id with the tenant's user-token secret
 * and the page passes the token along (`data-user-token`); the mock checks it when a secret is configured.
 */

/** The request header that carries the token. */
export const USER_TOKEN_HEADER = 'mooni-user-token';

const encoder = new TextEncoder();

/** The token of `userId`: HMAC-SHA256 of the user id under `secret`, hex. WebCrypto only (Node and browsers). */
export async function signUserToken(userId: string, secret: string): Promise<string> {
  const key = await crypto.subtle.importKey('raw', encoder.encode(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
  ]);
  const mac = await crypto.subtle.sign('HMAC', key, encoder.encode(userId));
  return Array.from(new Uint8Array(mac), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** Compares every character whatever the first difference, so the time taken says nothing about the token. */
function sameText(a: string, b: string): boolean {
  let difference = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++) difference |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return difference === 0;
}

/** Whether `token` is the one the secret gives `userId`. */
export const verifyUserToken = async (token: string, userId: string, secret: string): Promise<boolean> =>
  sameText(token.toLowerCase(), await signUserToken(userId, secret));

/**
 * The demo page's setting (`npm start`, the static demo): the demo key's tenant signs user tokens with this
 * secret, and the shop's page carries its visitor's token as a server would render it.
 */
export const DEMO_USER_TOKEN_SECRETS: Record<string, string> = { mooni_demo_key: 'utsec_demo' };
