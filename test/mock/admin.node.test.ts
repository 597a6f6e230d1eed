import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEMO_QUERIES } from '../../src/mock/demo-queries.js';
import { CHAT_KEY, ME_KEY, MOOD_KEY, sseData, uniqueId, useMockServer } from './server.js';

const server = useMockServer();
const setFaults = (faults: unknown) => server.postJson('/__mock/faults', faults);
const chat = () => server.postJson('/chat', { query: DEMO_QUERIES.answer }, { 'mooni-api-key': CHAT_KEY });
type Event = { type: string; status?: string };

describe('fault admin API', () => {
  test('POST merges per scope, GET shows, DELETE clears', async () => {
    await setFaults({ chat: { status: 500 } });
    await setFaults({ mood: { status: 503, rate: 0.5 } });
    assert.deepEqual(await (await server.request('/__mock/faults')).json(), {
      chat: { status: 500 },
      mood: { status: 503, rate: 0.5 },
    });
    await server.request('/__mock/faults', { method: 'DELETE' });
    assert.deepEqual(await (await server.request('/__mock/faults')).json(), {});
  });

  test('bad fault bodies → 400 with the field', async () => {
    for (const body of [
      '{',
      [],
      { db: {} },
      { chat: 5 },
      { chat: { status: 'x' } },
      { chat: { rate: 2 } },
      { chat: { count: 0 } },
      { chat: { cutAt: 'sometime' } },
      { mood: { drop: 'yes' } },
    ]) {
      const response = await setFaults(body);
      assert.equal(response.status, 400, JSON.stringify(body));
      assert.equal(typeof (await response.json()).error, 'string');
    }
  });

  test('count applies to the next N matching requests only; chat faults do not touch /config', async () => {
    await setFaults({ chat: { status: 503, count: 2 } });
    assert.equal((await server.request('/config', { headers: { 'mooni-api-key': CHAT_KEY } })).status, 200);
    assert.equal((await chat()).status, 503);
    assert.equal((await chat()).status, 503);
    const ok = await chat();
    assert.equal(ok.status, 200);
    await ok.text();
    assert.deepEqual(await (await server.request('/__mock/faults')).json(), {});
  });

  test('rate 0 never hits; latencyMs delays', async () => {
    await setFaults({ chat: { status: 500, rate: 0 }, mood: { latencyMs: 120, count: 1 } });
    const response = await chat();
    assert.equal(response.status, 200);
    await response.text();
    const started = performance.now();
    await server.request('/v1/sessions/none/mood', { headers: { 'X-Api-Key': MOOD_KEY } });
    assert.ok(performance.now() - started >= 100);
    await server.request('/__mock/faults', { method: 'DELETE' });
  });

  test('status faults answer in each API’s error shape; 429 carries retry-after', async () => {
    await setFaults({
      chat: { status: 429, retryAfterSec: 7, count: 1 },
      mood: { status: 500, count: 1 },
      gateway: { status: 503, count: 1 },
    });
    const limited = await chat();
    assert.equal(limited.status, 429);
    assert.equal(limited.headers.get('retry-after'), '7');
    assert.equal(typeof (await limited.json()).error, 'string');
    const mood = await server.request('/v1/analytics/moods', { headers: { 'X-Api-Key': MOOD_KEY } });
    assert.equal(mood.status, 500);
    const body = await mood.json();
    assert.equal(body.error, 'Internal Server Error');
    assert.match(body.request_id, /^req_/);
    const gateway = await server.postJson(
      '/api/v1/gateway/default/d/s',
      { query: null },
      { Authorization: `Bearer ${ME_KEY}` },
    );
    assert.equal(gateway.status, 503);
    assert.equal((await gateway.json()).code, 503);
    await setFaults({ mood: { status: 401, count: 1 } });
    assert.deepEqual(
      await (await server.request('/v1/analytics/moods', { headers: { 'X-Api-Key': MOOD_KEY } })).json(),
      {
        error: 'Unauthorized',
        message: 'Missing or invalid API key',
      },
    );
  });

  test('drop: the request fails at the network level', async () => {
    await setFaults({ chat: { drop: true, count: 1 } });
    await assert.rejects(chat(), TypeError);
    const ok = await chat();
    assert.equal(ok.status, 200);
    await ok.text();
  });

  for (const [cutAt, lastType] of [
    ['before_status', undefined],
    ['after_status', 'status'],
    ['mid_text', 'text'],
    ['after_faq', 'faq'],
    ['before_done', 'status'],
  ] as const) {
    test(`cutAt ${cutAt}: the stream ends there without [DONE]`, async () => {
      await setFaults({ chat: { cutAt, count: 1 } });
      const data = (await sseData(await chat())) as Event[];
      assert.ok(!data.includes('[DONE]' as never));
      assert.equal(data.at(-1)?.type, lastType);
      if (cutAt === 'before_done') assert.equal(data.at(-1)?.status, 'done');
      if (cutAt === 'mid_text') assert.ok(!data.some((e) => e.type === 'faq'));
    });
  }

  test('errorEvent: error search_failed then [DONE] after the first text chunk', async () => {
    await setFaults({ chat: { errorEvent: true, count: 1 } });
    const data = (await sseData(await chat())) as (Event | string)[];
    assert.deepEqual(data.slice(-2), [{ type: 'error', message: 'search_failed' }, '[DONE]']);
    assert.deepEqual(
      data.map((e) => (typeof e === 'string' ? e : e.type)),
      ['status', 'text', 'error', '[DONE]'],
    );
  });
});

describe('QA views and reset', () => {
  test('raw events: every event for an id, all keys, duplicates, arrival order', async () => {
    const id = uniqueId();
    const other = (await (await server.postJson('/v1/keys/generate', { customer_name: 'Other' })).json()).api_key;
    await server.postJson(
      `/v1/sessions/${id}/events`,
      {
        events: [
          { type: 'click', ts: 1 },
          { type: 'click', ts: 1 },
        ],
      },
      { 'X-Api-Key': MOOD_KEY },
    );
    await server.postJson(
      `/v1/sessions/${id}/events`,
      { events: [{ type: 'scroll', extra: 'kept' }] },
      { 'X-Api-Key': other },
    );
    const { events } = await (await server.request(`/__mock/sessions/${id}/events`)).json();
    assert.deepEqual(events, [
      { type: 'click', ts: 1 },
      { type: 'click', ts: 1 },
      { type: 'scroll', extra: 'kept' },
    ]);
    assert.deepEqual(await (await server.request('/__mock/sessions/nobody/events')).json(), { events: [] });
  });

  test('/__mock/feedback needs ?session=', async () => {
    const response = await server.request('/__mock/feedback');
    assert.equal(response.status, 400);
  });

  test('request log: method, path, status, at — at most 2,000', async () => {
    await server.request('/health');
    await server.request('/missing');
    const { items } = await (await server.request('/__mock/log')).json();
    const last = items.slice(-2);
    assert.deepEqual(
      last.map((i: { method: string; path: string; status: number }) => [i.method, i.path, i.status]),
      [
        ['GET', '/health', 200],
        ['GET', '/missing', 404],
      ],
    );
    assert.ok(!Number.isNaN(Date.parse(last[0].at)));
    for (let i = 0; i < 2010; i++) await server.request('/health');
    assert.equal((await (await server.request('/__mock/log')).json()).items.length, 2000);
  });

  test('quotas can be lowered at run time; reset restores them and clears state and faults', async () => {
    await server.postJson('/__mock/quotas', { starter: 0 });
    const refused = await server.postJson(
      `/v1/sessions/${uniqueId()}/events`,
      { events: [{ type: 'click' }] },
      { 'X-Api-Key': MOOD_KEY },
    );
    assert.equal(refused.status, 429);
    assert.equal((await refused.json()).limit, 0);
    await setFaults({ chat: { status: 500 } });
    const reset = await server.postJson('/__mock/reset', {});
    assert.deepEqual(await reset.json(), { reset: true });
    assert.deepEqual(await (await server.request('/__mock/faults')).json(), {});
    assert.equal((await (await server.request('/__mock/quotas')).json()).starter, 5000);
    assert.equal(
      (
        await server.postJson(
          `/v1/sessions/${uniqueId()}/events`,
          { events: [{ type: 'click' }] },
          { 'X-Api-Key': MOOD_KEY },
        )
      ).status,
      200,
    );
    const analytics = await (
      await server.request('/v1/analytics/moods', { headers: { 'X-Api-Key': MOOD_KEY } })
    ).json();
    assert.equal(analytics.total_sessions, 1);
  });
});
