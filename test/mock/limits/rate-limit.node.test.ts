import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createRateLimiter } from '../../../src/mock/limits/rate-limit.js';
import { CHAT_KEY, ME_KEY, MOOD_KEY, useMockServer } from '../server.js';

describe('createRateLimiter', () => {
  test('allows perWindow requests per key and window, then says when the window resets', () => {
    const limiter = createRateLimiter({ perWindow: 2, windowMs: 10_000 });
    assert.deepEqual([limiter.take('a', 0), limiter.take('a', 1)], [{ allowed: true }, { allowed: true }]);
    assert.deepEqual(limiter.take('a', 2500), {
      allowed: false,
      retryAfterSec: 8,
      resetAt: new Date(10_000).toISOString(),
    });
    assert.deepEqual(limiter.take('b', 2500), { allowed: true });
    assert.deepEqual(limiter.take('a', 10_000), { allowed: true });
  });
});

describe('the mock’s default limit: 60 requests a minute per key (000)', () => {
  const server = useMockServer({ rateLimit: undefined });

  test('SessionMood: the 61st request is 429 with Retry-After, in 003’s error shape', async () => {
    const headers = { 'X-Api-Key': MOOD_KEY };
    const statuses = [];
    for (let i = 0; i < 61; i++) {
      const response = await server.request('/v1/analytics/moods', { headers });
      statuses.push(response.status);
      await response.body?.cancel();
    }
    assert.deepEqual(statuses.slice(0, 60), Array(60).fill(200));
    const refused = await server.request('/v1/analytics/moods', { headers: { Authorization: `Bearer ${MOOD_KEY}` } });
    assert.equal(refused.status, 429);
    const retryAfter = Number(refused.headers.get('retry-after'));
    assert.ok(retryAfter >= 1 && retryAfter <= 60, `retry-after ${retryAfter}`);
    const body = await refused.json();
    assert.deepEqual(Object.keys(body), ['error', 'plan', 'limit', 'reset_at']);
    assert.deepEqual([body.error, body.plan, body.limit], ['Rate limit exceeded', 'starter', 60]);
  });

  test('each key has its own window; /health, key generation and /__mock are not limited', async () => {
    const config = await server.request('/config', { headers: { 'mooni-api-key': CHAT_KEY } });
    assert.equal(config.status, 200);
    await config.body?.cancel();
    for (let i = 0; i < 70; i++) {
      const health = await server.request('/health');
      assert.equal(health.status, 200);
      await health.body?.cancel();
    }
    const log = await server.request('/__mock/log');
    assert.equal(log.status, 200);
    await log.body?.cancel();
  });

  test('Mooni Chat and the gateway answer 429 in their own shapes', async () => {
    for (let i = 0; i < 59; i++)
      await (await server.request('/config', { headers: { 'mooni-api-key': CHAT_KEY } })).body?.cancel();
    const chat = await server.request('/config', { headers: { 'mooni-api-key': CHAT_KEY } });
    assert.equal(chat.status, 429);
    assert.ok(chat.headers.get('retry-after'));
    assert.deepEqual(await chat.json(), { error: 'rate_limited' });

    const path = '/api/v1/gateway/default/dev/scope';
    const init = () => ({
      method: 'POST',
      headers: { Authorization: `Bearer ${ME_KEY}`, 'content-type': 'application/json' },
      body: JSON.stringify({ query: null, 'query-id': crypto.randomUUID(), timestamp: Date.now() }),
    });
    for (let i = 0; i < 60; i++) await (await server.request(path, init())).body?.cancel();
    const gateway = await server.request(path, init());
    assert.equal(gateway.status, 429);
    assert.equal((await gateway.json()).code, 429);
  });

  test('POST /__mock/reset opens every window again', async () => {
    await (await server.request('/__mock/reset', { method: 'POST' })).body?.cancel();
    const after = await server.request('/v1/analytics/moods', { headers: { 'X-Api-Key': MOOD_KEY } });
    assert.equal(after.status, 200);
    await after.body?.cancel();
  });
});
