import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { EVENT_TYPES, MOODS } from '../../src/mood/types.js';
import { MOOD_KEY, uniqueId, useMockServer } from './server.js';

const server = useMockServer({ quotas: { growth: 3 } });
const auth = { 'X-Api-Key': MOOD_KEY };
const bearer = (key: string) => ({ Authorization: `Bearer ${key}` });
const sessionPath = (id: string, rest = '') => `/v1/sessions/${encodeURIComponent(id)}${rest}`;
const post = (id: string, events: unknown, headers: Record<string, string> = auth) =>
  server.postJson(sessionPath(id, '/events'), typeof events === 'string' ? events : { events }, headers);
const mood = (id: string, headers: Record<string, string> = auth) =>
  server.request(sessionPath(id, '/mood'), { headers });
const generate = async (body: unknown) => server.postJson('/v1/keys/generate', body);
const newKey = async (plan = 'starter') =>
  (await (await generate({ customer_name: 'Test Co', plan })).json()).api_key as string;

const EXAMPLE = [
  { type: 'rage_click', x: 240, y: 580, ts: 1746352800 },
  { type: 'error', message: 'Payment failed', ts: 1746352802 },
  { type: 'idle', duration_ms: 4500, ts: 1746352807 },
];
const UNAUTHORIZED = { error: 'Unauthorized', message: 'Missing or invalid API key' };

describe('authentication (003)', () => {
  test('X-Api-Key and Bearer both work; missing, wrong or malformed keys → 401 with the documented body', async () => {
    const id = uniqueId();
    assert.equal((await post(id, EXAMPLE)).status, 200);
    assert.equal((await mood(id, bearer(MOOD_KEY))).status, 200);
    for (const headers of [
      {},
      { 'X-Api-Key': 'sm_nope' },
      { Authorization: MOOD_KEY },
      { Authorization: 'Basic abc' },
      bearer('sm_nope'),
    ] as Record<string, string>[]) {
      for (const response of [
        await post(id, EXAMPLE, headers),
        await mood(id, headers),
        await server.request('/v1/analytics/moods', { headers }),
      ]) {
        assert.equal(response.status, 401);
        assert.deepEqual(await response.json(), UNAUTHORIZED);
      }
    }
  });

  test('/health needs no key', async () => {
    const response = await server.request('/health');
    assert.deepEqual(await response.json(), { status: 'ok', version: '1.0.0' });
  });
});

describe('POST /v1/keys/generate', () => {
  test('201 with the documented fields; the key works at once', async () => {
    const response = await generate({ customer_name: 'Acme Inc', email: 'dev@acme.com', plan: 'starter' });
    assert.equal(response.status, 201);
    const body = await response.json();
    assert.match(body.api_key, /^sm_[0-9a-f]{48}$/);
    assert.deepEqual(
      { ...body, api_key: 'x' },
      {
        api_key: 'x',
        customer: 'Acme Inc',
        email: 'dev@acme.com',
        plan: 'starter',
        limits: '5,000 sessions/month',
        message: "Store this key safely - it won't be shown again.",
      },
    );
    assert.equal((await post(uniqueId(), EXAMPLE, { 'X-Api-Key': body.api_key })).status, 200);
    const growth = await (await generate({ customer_name: 'G', plan: 'growth' })).json();
    assert.equal(growth.limits, '3 sessions/month');
    const defaulted = await (await generate({ customer_name: 'D' })).json();
    assert.equal(defaulted.plan, 'starter');
  });

  test('400 customer_name is required; 400 Invalid plan with valid_plans; 400 invalid JSON', async () => {
    for (const body of [{}, { customer_name: '' }, { customer_name: '  ' }, { customer_name: 7 }, { email: 'a@b.c' }]) {
      const response = await generate(body);
      assert.equal(response.status, 400);
      assert.deepEqual(await response.json(), { error: 'customer_name is required' });
    }
    for (const plan of ['enterprise', 'Free', 3, '', ['pro']]) {
      const response = await generate({ customer_name: 'Acme', plan });
      assert.equal(response.status, 400, String(plan));
      assert.deepEqual(await response.json(), { error: 'Invalid plan', valid_plans: ['starter', 'growth', 'pro'] });
    }
    const bad = await generate('{nope');
    assert.equal(bad.status, 400);
    assert.equal((await bad.json()).error, 'Invalid JSON');
  });
});

describe('POST /v1/sessions/:id/events', () => {
  test("200 with the documented body; 003's example reads frustrated; totals accumulate", async () => {
    const id = uniqueId('user_abc');
    const first = await post(id, EXAMPLE);
    assert.equal(first.status, 200);
    assert.deepEqual(await first.json(), {
      session_id: id,
      events_stored: 3,
      total_events: 3,
      current_mood: 'frustrated',
    });
    const second = await post(id, EXAMPLE);
    assert.deepEqual(await second.json(), {
      session_id: id,
      events_stored: 3,
      total_events: 6,
      current_mood: 'frustrated',
    });
  });

  test('400 for a missing, non-array or empty events array', async () => {
    for (const body of [{}, { events: [] }, { events: 'click' }, { events: {} }, { events: null }, [], 'null', '7']) {
      const response = await server.postJson(sessionPath(uniqueId(), '/events'), body, auth);
      assert.equal(response.status, 400, JSON.stringify(body));
      const json = await response.json();
      assert.equal(json.error, 'Missing or empty events array');
      assert.equal(json.field, 'events');
    }
  });

  test('400 Invalid event type(s) lists the invalid ones and all 12 valid_types; nothing is stored', async () => {
    const id = uniqueId();
    const response = await post(id, [
      { type: 'click' },
      { type: 'page_visit' },
      { type: 'CLICK' },
      { type: 'page_visit' },
    ]);
    assert.equal(response.status, 400);
    assert.deepEqual(await response.json(), {
      error: 'Invalid event type(s)',
      invalid: ['page_visit', 'CLICK'],
      valid_types: [...EVENT_TYPES],
    });
    assert.equal(EVENT_TYPES.length, 12);
    assert.equal((await mood(id)).status, 404);
  });

  test('400 for wrong field types, naming the field; null counts as absent; unknown fields are ignored', async () => {
    const cases: [unknown, string][] = [
      [{ type: 'click', ts: '1746352800' }, 'events[0].ts'],
      [{ type: 'click', x: '1' }, 'events[0].x'],
      [{ type: 'click', y: true }, 'events[0].y'],
      [{ type: 'idle', duration_ms: [] }, 'events[0].duration_ms'],
      [{ type: 'scroll', speed: {} }, 'events[0].speed'],
      [{ type: 'scroll', direction: 'left' }, 'events[0].direction'],
      [{ type: 'page_view', url: 5 }, 'events[0].url'],
      [{ type: 'error', message: 404 }, 'events[0].message'],
      [{ type: 5 }, 'events[0].type'],
    ];
    for (const [event, field] of cases) {
      const response = await post(uniqueId(), [event]);
      assert.equal(response.status, 400, JSON.stringify(event));
      const body = await response.json();
      assert.equal(body.error, 'Invalid field type');
      assert.equal(body.field, field);
    }
    const missing = await post(uniqueId(), [{ type: 'click' }, { x: 1 }]);
    assert.deepEqual(await missing.json(), { error: 'Missing required field', field: 'events[1].type' });
    const notObject = await post(uniqueId(), ['click']);
    assert.equal((await notObject.json()).field, 'events[0]');
    const lenient = await post(uniqueId(), [{ type: 'click', ts: null, x: 1, extra: { nested: true }, foo: 'bar' }]);
    assert.equal(lenient.status, 200);
  });

  test('error message: 512 characters accepted, 513 refused', async () => {
    assert.equal((await post(uniqueId(), [{ type: 'error', message: 'm'.repeat(512) }])).status, 200);
    const response = await post(uniqueId(), [{ type: 'error', message: 'm'.repeat(513) }]);
    assert.equal(response.status, 400);
    assert.deepEqual(await response.json(), { error: 'Field too long', field: 'events[0].message', max_length: 512 });
  });

  test('session ids: 256 characters accepted, 257 refused; URL-encoded ids are decoded and echoed', async () => {
    assert.equal((await post('s'.repeat(256), [{ type: 'click' }])).status, 200);
    const long = await post('s'.repeat(257), [{ type: 'click' }]);
    assert.equal(long.status, 400);
    assert.equal((await long.json()).field, 'session_id');
    const odd = `user a/b?c#d%e ${crypto.randomUUID()} ☃`;
    const response = await post(odd, [{ type: 'click' }]);
    assert.equal((await response.json()).session_id, odd);
    assert.equal((await (await mood(odd)).json()).session_id, odd);
    const raw = await server.request(`/__mock/sessions/${encodeURIComponent(odd)}/events`);
    assert.deepEqual((await raw.json()).events, [{ type: 'click' }]);
  });

  test('invalid JSON → 400; a body over 1 MB → 413', async () => {
    const bad = await post(uniqueId(), '{"events": [');
    assert.equal(bad.status, 400);
    assert.equal((await bad.json()).error, 'Invalid JSON');
    const huge = await post(uniqueId(), JSON.stringify({ events: [{ type: 'click', pad: 'x'.repeat(1_100_000) }] }));
    assert.equal(huge.status, 413);
    assert.equal(typeof (await huge.json()).error, 'string');
  });
});

describe('GET /v1/sessions/:id/mood', () => {
  test('200 with every documented field', async () => {
    const id = uniqueId();
    await post(id, [
      ...EXAMPLE,
      { type: 'rage_click', ts: 1746352809 },
      { type: 'error', ts: 1746352810 },
      { type: 'back_nav', ts: 1746352811 },
    ]);
    const response = await mood(id);
    assert.equal(response.status, 200);
    const body = await response.json();
    assert.deepEqual(Object.keys(body), [
      'session_id',
      'mood',
      'confidence',
      'signals',
      'suggested_action',
      'event_count',
      'updated_at',
    ]);
    assert.equal(body.mood, 'frustrated');
    assert.equal(body.suggested_action, 'show_live_chat');
    assert.ok(body.confidence > 0.5 && body.confidence <= 1);
    assert.ok(body.signals.includes('rage_click_detected') && body.signals.includes('repeated_errors'));
    assert.equal(body.event_count, 6);
    assert.equal(new Date(body.updated_at).toISOString(), body.updated_at);
  });

  test('404 { error, session_id } for an unknown session', async () => {
    const response = await mood('never_seen');
    assert.equal(response.status, 404);
    assert.deepEqual(await response.json(), { error: 'Session not found', session_id: 'never_seen' });
  });

  test('keys see only their own sessions', async () => {
    const id = uniqueId();
    await post(id, EXAMPLE);
    const other = await newKey();
    assert.equal((await mood(id, { 'X-Api-Key': other })).status, 404);
    await post(id, [{ type: 'page_view' }], { 'X-Api-Key': other });
    assert.equal((await (await mood(id, { 'X-Api-Key': other })).json()).event_count, 1);
    assert.equal((await (await mood(id)).json()).event_count, 3);
    assert.equal(
      (await server.request(sessionPath(id), { method: 'DELETE', headers: { 'X-Api-Key': other } })).status,
      200,
    );
    assert.equal((await mood(id)).status, 200);
    // The other key's erasure took its own event out of the QA log, and only that.
    const raw = await (await server.request(`/__mock/sessions/${id}/events`)).json();
    assert.deepEqual(raw.events, EXAMPLE);
  });
});

describe('POST /v1/sessions/:id/feedback', () => {
  test('200 { session_id, feedback_recorded }; stored and visible to QA', async () => {
    const id = uniqueId();
    await post(id, EXAMPLE);
    const response = await server.postJson(
      sessionPath(id, '/feedback'),
      { action_taken: 'show_live_chat', was_helpful: true, notes: 'User started chat immediately' },
      auth,
    );
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { session_id: id, feedback_recorded: true });
    const { items } = await (await server.request(`/__mock/feedback?session=${id}`)).json();
    assert.equal(items.length, 1);
    assert.deepEqual(
      { ...items[0], at: 'x' },
      {
        session_id: id,
        action_taken: 'show_live_chat',
        was_helpful: true,
        notes: 'User started chat immediately',
        mood: 'frustrated',
        at: 'x',
      },
    );
  });

  test('400: action_taken required and ≤ 128; notes ≤ 512; wrong types', async () => {
    const id = uniqueId();
    const send = (body: unknown) => server.postJson(sessionPath(id, '/feedback'), body, auth);
    for (const body of [{}, { action_taken: '' }, { was_helpful: true }, { action_taken: null }]) {
      const response = await send(body);
      assert.equal(response.status, 400);
      assert.deepEqual(await response.json(), { error: 'Missing required field', field: 'action_taken' });
    }
    assert.equal((await send({ action_taken: 'a'.repeat(128) })).status, 200);
    const long = await send({ action_taken: 'a'.repeat(129) });
    assert.deepEqual(await long.json(), { error: 'Field too long', field: 'action_taken', max_length: 128 });
    assert.equal((await send({ action_taken: 'x', notes: 'n'.repeat(512) })).status, 200);
    const notes = await send({ action_taken: 'x', notes: 'n'.repeat(513) });
    assert.deepEqual(await notes.json(), { error: 'Field too long', field: 'notes', max_length: 512 });
    for (const [body, field] of [
      [{ action_taken: 3 }, 'action_taken'],
      [{ action_taken: 'x', was_helpful: 'yes' }, 'was_helpful'],
      [{ action_taken: 'x', notes: 1 }, 'notes'],
    ] as const) {
      const response = await send(body);
      assert.equal(response.status, 400);
      assert.equal((await response.json()).field, field);
    }
  });

  test('an action marked unhelpful twice for a mood is no longer suggested for that session', async () => {
    const id = uniqueId();
    await post(id, EXAMPLE);
    const unhelpful = () =>
      server.postJson(sessionPath(id, '/feedback'), { action_taken: 'show_live_chat', was_helpful: false }, auth);
    await unhelpful();
    assert.equal((await (await mood(id)).json()).suggested_action, 'show_live_chat');
    await unhelpful();
    const body = await (await mood(id)).json();
    assert.equal(body.mood, 'frustrated');
    assert.equal(body.suggested_action, 'no_action');
  });
});

describe('DELETE /v1/sessions/:id and GET /v1/analytics/moods', () => {
  test('analytics: all seven moods sorted by count, percentages to one decimal, feedback_count', async () => {
    const key = await newKey('pro');
    const headers = { 'X-Api-Key': key };
    const frustrated = [uniqueId(), uniqueId(), uniqueId()];
    for (const id of frustrated) await post(id, EXAMPLE, headers);
    await post(
      uniqueId(),
      [{ type: 'page_view' }, { type: 'page_view' }, { type: 'scroll' }, { type: 'page_view' }],
      headers,
    );
    const neutral = [uniqueId(), uniqueId()];
    for (const id of neutral) await post(id, [{ type: 'click' }], headers);
    await server.postJson(sessionPath(frustrated[0], '/feedback'), { action_taken: 'show_live_chat' }, headers);
    await server.postJson(sessionPath(frustrated[0], '/feedback'), { action_taken: 'show_live_chat' }, headers);
    const response = await server.request('/v1/analytics/moods', { headers });
    const body = await response.json();
    assert.equal(body.total_sessions, 6);
    assert.equal(body.feedback_count, 1);
    assert.deepEqual(body.mood_distribution.slice(0, 3), [
      { mood: 'frustrated', count: 3, percentage: 50 },
      { mood: 'neutral', count: 2, percentage: 33.3 },
      { mood: 'browsing', count: 1, percentage: 16.7 },
    ]);
    assert.deepEqual(body.mood_distribution.map((m: { mood: string }) => m.mood).sort(), [...MOODS].sort());
    assert.ok(
      body.mood_distribution
        .slice(3)
        .every((m: { count: number; percentage: number }) => m.count === 0 && m.percentage === 0),
    );

    const deleted = await server.request(sessionPath(frustrated[0]), { method: 'DELETE', headers });
    assert.equal(deleted.status, 200);
    assert.deepEqual(await deleted.json(), {
      session_id: frustrated[0],
      deleted: true,
      message: 'Session data permanently erased.',
    });
    assert.equal((await mood(frustrated[0], headers)).status, 404);
    const { items } = await (await server.request(`/__mock/feedback?session=${frustrated[0]}`)).json();
    assert.deepEqual(items, []);
    // Sessions "ever recorded": the erased one still counts in total_sessions, in no mood.
    const afterDelete = await (await server.request('/v1/analytics/moods', { headers })).json();
    assert.equal(afterDelete.total_sessions, 6);
    assert.equal(afterDelete.feedback_count, 0);
    assert.deepEqual(afterDelete.mood_distribution[0], { mood: 'frustrated', count: 2, percentage: 33.3 });
  });

  test('DELETE of an unknown session → 404 in the documented shape', async () => {
    const response = await server.request(sessionPath('ghost'), { method: 'DELETE', headers: auth });
    assert.equal(response.status, 404);
    assert.deepEqual(await response.json(), { error: 'Session not found', session_id: 'ghost' });
  });

  test('analytics of a fresh key: zero sessions, seven moods at 0', async () => {
    const body = await (await server.request('/v1/analytics/moods', { headers: bearer(await newKey()) })).json();
    assert.equal(body.total_sessions, 0);
    assert.equal(body.mood_distribution.length, 7);
  });
});

describe('monthly session quotas', () => {
  test('429 with the documented body once the plan’s sessions are used; known sessions go on', async () => {
    const key = await newKey('growth');
    const headers = { 'X-Api-Key': key };
    const ids = [uniqueId(), uniqueId(), uniqueId()];
    for (const id of ids) assert.equal((await post(id, [{ type: 'click' }], headers)).status, 200);
    const refused = await post(uniqueId(), [{ type: 'click' }], headers);
    assert.equal(refused.status, 429);
    const body = await refused.json();
    const now = new Date();
    const reset = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)).toISOString();
    assert.deepEqual(body, { error: 'Rate limit exceeded', plan: 'growth', limit: 3, reset_at: reset });
    assert.ok(Number(refused.headers.get('retry-after')) > 0);
    assert.equal((await post(ids[0], [{ type: 'click' }], headers)).status, 200);
    // Deleting a session does not give its quota back within the month.
    await server.request(sessionPath(ids[1]), { method: 'DELETE', headers });
    assert.equal((await post(uniqueId(), [{ type: 'click' }], headers)).status, 429);
    // Other keys are not affected.
    assert.equal((await post(uniqueId(), [{ type: 'click' }], { 'X-Api-Key': await newKey('growth') })).status, 200);
  });
});

describe('routing', () => {
  test('unknown routes → 404 { error: "Not found" }; wrong methods → 404 JSON', async () => {
    for (const [method, path] of [
      ['GET', '/nope'],
      ['GET', '/v1/sessions/x/events'],
      ['PUT', '/v1/sessions/x/mood'],
      ['GET', '/chat'],
      ['POST', '/health'],
    ]) {
      const response = await server.request(path, { method, headers: auth });
      assert.equal(response.status, 404, `${method} ${path}`);
      assert.deepEqual(await response.json(), { error: 'Not found' });
    }
  });

  test('CORS: preflights answered for any origin with the headers these APIs use', async () => {
    const response = await server.request('/v1/sessions/x/events', {
      method: 'OPTIONS',
      headers: {
        Origin: 'https://shop.example.com',
        'Access-Control-Request-Method': 'POST',
        'Access-Control-Request-Headers': 'x-api-key,content-type',
      },
    });
    assert.equal(response.status, 204);
    assert.equal(response.headers.get('access-control-allow-origin'), '*');
    const allowed = response.headers.get('access-control-allow-headers')!.toLowerCase();
    for (const h of ['x-api-key', 'authorization', 'content-type', 'mooni-api-key', 'x-conversation-id'])
      assert.ok(allowed.includes(h), h);
    const simple = await mood('x', { ...auth, Origin: 'https://shop.example.com' });
    assert.equal(simple.headers.get('access-control-allow-origin'), '*');
  });
});
