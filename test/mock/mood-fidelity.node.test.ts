import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createMockAdmin } from '../../src/mock/admin/client.js';
import { createMockApp } from '../../src/mock/app.js';
import { createMemoryStore } from '../../src/mock/store.js';
import { MOOD_KEY, uniqueId, useMockServer } from './server.js';

const server = useMockServer();
const admin = () => createMockAdmin({ base: server.base() });
const auth = { 'X-Api-Key': MOOD_KEY };
const sessionPath = (id: string, rest = '') => `/v1/sessions/${encodeURIComponent(id)}${rest}`;
const post = (id: string, body: unknown, headers: Record<string, string> = auth) =>
  server.postJson(sessionPath(id, '/events'), body, headers);
const mood = (id: string, headers: Record<string, string> = auth) =>
  server.request(sessionPath(id, '/mood'), { headers });
const analytics = async (headers: Record<string, string>) =>
  (await server.request('/v1/analytics/moods', { headers })).json();
const feedback = (id: string, body: unknown, headers: Record<string, string>) =>
  server.postJson(sessionPath(id, '/feedback'), body, headers);
const newKey = async (body: Record<string, unknown> = { customer_name: 'Acme Inc' }) =>
  (await server.postJson('/v1/keys/generate', body)).json();

// 003's own bodies.
const QUICK_START = { events: [{ type: 'rage_click', x: 240, y: 580, ts: 1746352800 }] };
const EXAMPLE = {
  events: [
    { type: 'rage_click', x: 240, y: 580, ts: 1746352800 },
    { type: 'error', message: 'Payment failed', ts: 1746352802 },
    { type: 'idle', duration_ms: 4500, ts: 1746352807 },
  ],
};
const FEEDBACK = { action_taken: 'show_live_chat', was_helpful: true, notes: 'User started chat immediately' };
const KEY_REQUEST = { customer_name: 'Acme Inc', email: 'dev@acme.com', plan: 'starter' };

describe('events: ts is Unix seconds (003)', () => {
  test('a ts in milliseconds is refused with a 400 naming the field; nothing is stored', async () => {
    const id = uniqueId('user_abc');
    const response = await post(id, { events: [{ ...QUICK_START.events[0], ts: 1746352800000 }] });
    assert.equal(response.status, 400);
    assert.deepEqual(await response.json(), {
      error: 'Invalid timestamp',
      field: 'events[0].ts',
      message: 'ts is Unix time in seconds; 1746352800000 looks like milliseconds (1746352800 in seconds).',
    });
    assert.equal((await mood(id)).status, 404);
    assert.deepEqual(await admin().sessionEvents(id), []);
  });

  test("the example's seconds, and the fetch example's Date.now() / 1000, are accepted", async () => {
    assert.equal((await post(uniqueId(), QUICK_START)).status, 200);
    const fetchExample = { events: [{ type: 'rage_click', x: 240, y: 580, ts: Date.now() / 1000 }] };
    assert.equal((await post(uniqueId(), fetchExample)).status, 200);
  });
});

describe('GET /mood: updated_at is the last processed event’s time (003)', () => {
  test("after 003's example batch: the idle event's ts; an event without ts: the receipt time", async () => {
    const id = uniqueId('user_abc');
    await post(id, EXAMPLE);
    assert.equal((await (await mood(id)).json()).updated_at, '2025-05-04T10:00:07.000Z');
    const before = Date.now();
    await post(id, { events: [{ type: 'error', message: 'Payment failed' }] });
    const updated = Date.parse((await (await mood(id)).json()).updated_at);
    assert.ok(updated >= before - 1000 && updated <= Date.now() + 1000, String(updated));
  });
});

describe('analytics counts (003 "ever recorded"; feedback counted within sessions)', () => {
  test('total_sessions keeps erased sessions and feedback-only ones; feedback_count ≤ total; counts add up', async () => {
    const headers = { 'X-Api-Key': (await newKey(KEY_REQUEST)).api_key };
    const feedbackOnly = uniqueId();
    assert.equal((await feedback(feedbackOnly, FEEDBACK, headers)).status, 200);
    assert.equal((await mood(feedbackOnly, headers)).status, 404, 'no stored events');
    const [kept, erased] = [uniqueId('user_abc'), uniqueId('user_abc')];
    for (const id of [kept, erased]) {
      await post(id, EXAMPLE, headers);
      assert.equal((await feedback(id, FEEDBACK, headers)).status, 200);
    }
    const before = await analytics(headers);
    assert.equal(before.total_sessions, 3);
    assert.equal(before.feedback_count, 3);
    assert.deepEqual(before.mood_distribution.slice(0, 2), [
      { mood: 'frustrated', count: 2, percentage: 66.7 },
      { mood: 'neutral', count: 1, percentage: 33.3 },
    ]);
    await server.request(sessionPath(erased), { method: 'DELETE', headers });
    const after = await analytics(headers);
    assert.equal(after.total_sessions, 3);
    assert.equal(after.feedback_count, 2);
    assert.deepEqual(after.mood_distribution[0], { mood: 'frustrated', count: 1, percentage: 33.3 });
    const counted = after.mood_distribution.reduce((sum: number, item: { count: number }) => sum + item.count, 0);
    assert.equal(counted, 2, 'the erased session is in no mood');
    assert.ok(after.feedback_count <= after.total_sessions);
  });
});

describe('DELETE /v1/sessions/:id erases everything (003 GDPR)', () => {
  test("003's delete example: the QA log's raw events go too; the id can start afresh", async () => {
    const id = uniqueId('user_abc');
    await post(id, EXAMPLE);
    await feedback(id, FEEDBACK, auth);
    const response = await server.request(sessionPath(id), { method: 'DELETE', headers: auth });
    assert.deepEqual(await response.json(), {
      session_id: id,
      deleted: true,
      message: 'Session data permanently erased.',
    });
    assert.deepEqual(await admin().sessionEvents(id), []);
    assert.deepEqual(await admin().feedback(id), []);
    assert.equal((await mood(id)).status, 404);
    const again = await post(id, QUICK_START);
    assert.equal((await again.json()).total_events, 1);
  });
});

describe('plans: starter is the free tier', () => {
  test('"free" (the rate table\'s and 429 example\'s name) is accepted at key generation as starter', async () => {
    const body = await newKey({ ...KEY_REQUEST, plan: 'free' });
    assert.equal(body.plan, 'starter');
    assert.equal(body.limits, '5,000 sessions/month');
    assert.equal((await post(uniqueId(), QUICK_START, { 'X-Api-Key': body.api_key })).status, 200);
  });
});

describe('key revocation (003: "revoked key" → 401)', () => {
  test('a revoked key gets 401 in the documented shape on every authenticated endpoint', async () => {
    const { api_key } = await newKey(KEY_REQUEST);
    const id = uniqueId('user_abc');
    assert.equal((await post(id, EXAMPLE, { 'X-Api-Key': api_key })).status, 200);
    assert.equal((await admin().revokeKey(api_key)).revoked, true);
    const revokedHeaders: Record<string, string>[] = [{ 'X-Api-Key': api_key }, { Authorization: `Bearer ${api_key}` }];
    for (const headers of revokedHeaders) {
      for (const response of [
        await post(id, EXAMPLE, headers),
        await mood(id, headers),
        await feedback(id, FEEDBACK, headers),
        await server.request('/v1/analytics/moods', { headers }),
        await server.request(sessionPath(id), { method: 'DELETE', headers }),
      ]) {
        assert.equal(response.status, 401);
        assert.deepEqual(await response.json(), { error: 'Unauthorized', message: 'This API key has been revoked' });
      }
    }
    await assert.rejects(admin().revokeKey('sm_nope'), /answered 404/);
  });
});

describe('GET /health', () => {
  test('ok while the store answers; degraded (503) when it fails', async () => {
    assert.deepEqual(await (await server.request('/health')).json(), { status: 'ok', version: '1.0.0' });
    const store = createMemoryStore();
    store.ping = () => Promise.reject(new Error('database down'));
    const response = await createMockApp({ store }).fetch(new Request('http://mock/health'));
    assert.equal(response.status, 503);
    assert.deepEqual(await response.json(), { status: 'degraded', version: '1.0.0' });
  });
});
