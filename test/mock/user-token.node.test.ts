import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { createMockApp } from '../../src/mock/app.js';
import { signUserToken, verifyUserToken } from '../../src/mock/chat/user-token.js';

const KEY = 'mooni_demo_key';
const OPEN_KEY = 'mooni_open_key';
const SECRET = 'utsec_test';

/** A mock whose demo key signs user tokens; a second key lists history with the key alone. */
const app = createMockApp({ chatKeys: [KEY, OPEN_KEY], userTokenSecrets: { [KEY]: SECRET }, rateLimit: false });

const ask = (userId: string) =>
  app.fetch(
    new Request('http://mock/chat', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'mooni-api-key': KEY },
      body: JSON.stringify({ query: 'How long does shipping take?', sessionId: `s-${userId}`, userId }),
    }),
  );

const history = (userId: string, headers: Record<string, string>) =>
  app.fetch(new Request(`http://mock/history/sessions?userId=${encodeURIComponent(userId)}`, { headers }));

describe('user tokens for GET /history/sessions', () => {
  test('the token is the hex HMAC-SHA256 of the user id, as a host server makes it with node:crypto', async () => {
    const expected = createHmac('sha256', SECRET).update('user-1').digest('hex');
    assert.equal(await signUserToken('user-1', SECRET), expected);
    assert.equal(await verifyUserToken(expected.toUpperCase(), 'user-1', SECRET), true);
    assert.equal(await verifyUserToken(expected, 'user-2', SECRET), false);
    assert.equal(await verifyUserToken(expected.slice(0, 10), 'user-1', SECRET), false);
  });

  test("a key with a secret lists a user's history only with that user's token", async () => {
    await (await ask('alice')).text();
    const alice = await signUserToken('alice', SECRET);
    const own = await history('alice', { 'mooni-api-key': KEY, 'mooni-user-token': alice });
    assert.equal(own.status, 200);
    assert.equal((await own.json()).items.length, 1);

    const missing = await history('alice', { 'mooni-api-key': KEY });
    assert.equal(missing.status, 403);
    assert.deepEqual(await missing.json(), { error: 'user_token_required' });

    const bob = await signUserToken('bob', SECRET);
    for (const token of [bob, 'not-a-token', await signUserToken('alice', 'another-secret')]) {
      const other = await history('alice', { 'mooni-api-key': KEY, 'mooni-user-token': token });
      assert.equal(other.status, 403, token);
      assert.deepEqual(await other.json(), { error: 'invalid_user_token' });
    }
  });

  test('a key without a secret lists history as before; the key is still checked first', async () => {
    assert.equal((await history('alice', { 'mooni-api-key': OPEN_KEY })).status, 200);
    const unauthorized = await history('alice', { 'mooni-user-token': 'x' });
    assert.equal(unauthorized.status, 401);
    assert.equal(await unauthorized.text(), '');
  });

  test('preflights allow the mooni-user-token header from any origin', async () => {
    const preflight = await app.fetch(
      new Request('http://mock/history/sessions?userId=a', {
        method: 'OPTIONS',
        headers: {
          origin: 'https://shop.example',
          'access-control-request-method': 'GET',
          'access-control-request-headers': 'mooni-api-key,mooni-user-token',
        },
      }),
    );
    assert.match(preflight.headers.get('access-control-allow-headers') ?? '', /mooni-user-token/i);
  });
});
