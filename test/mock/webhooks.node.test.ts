import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import { createHmac } from 'node:crypto';
import { createMockApp } from '../../src/mock/app.js';
import { createWebhookDispatcher } from '../../src/mock/webhooks/dispatcher.js';
import { DEMO_QUERIES } from '../../src/mock/demo-queries.js';
import { SIGNATURE_HEADER, TIMESTAMP_HEADER, signWebhook, verifyWebhookSignature } from '../../src/webhooks/verify.js';
import { CHAT_KEY, MOOD_KEY, useMockServer } from './server.js';

interface Received {
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** A webhook receiver that fails the first `failFirst` deliveries with 503. */
function receiver(failFirst = 0) {
  const received: Received[] = [];
  let calls = 0;
  let server: Server;
  let url = '';
  before(async () => {
    server = createServer((req, res) => {
      let body = '';
      req.on('data', (chunk) => (body += chunk));
      req.on('end', () => {
        calls++;
        if (calls <= failFirst) {
          res.writeHead(503).end();
          return;
        }
        received.push({ headers: req.headers, body });
        res.writeHead(200).end('ok');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as { port: number }).port}/hooks`;
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));
  return { received, url: () => url, calls: () => calls };
}

describe('verifyWebhookSignature (WebCrypto)', () => {
  const secret = 'whsec_test';
  const body = JSON.stringify({ id: 'evt_1', type: 'conversation.completed', data: { a: 1 } });
  const timestamp = String(Math.floor(Date.now() / 1000));

  test('signWebhook equals Node crypto HMAC-SHA256 hex of timestamp + "." + body (000)', async () => {
    const expected = createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
    assert.equal(await signWebhook(body, timestamp, secret), expected);
  });

  test('accepts a genuine delivery; rejects a changed body, wrong secret, bad or stale timestamp, junk', async () => {
    const signature = await signWebhook(body, timestamp, secret);
    assert.equal(await verifyWebhookSignature({ body, signature, timestamp, secret }), true);
    assert.equal(await verifyWebhookSignature({ body: `${body} `, signature, timestamp, secret }), false);
    assert.equal(await verifyWebhookSignature({ body, signature, timestamp, secret: 'other' }), false);
    assert.equal(await verifyWebhookSignature({ body, signature: signature.slice(1), timestamp, secret }), false);
    assert.equal(await verifyWebhookSignature({ body, signature: null, timestamp, secret }), false);
    assert.equal(await verifyWebhookSignature({ body, signature, timestamp: 'abc', secret }), false);
    assert.equal(await verifyWebhookSignature({ body, signature, timestamp: undefined, secret }), false);
    const old = String(Number(timestamp) - 3600);
    const oldSignature = await signWebhook(body, old, secret);
    assert.equal(await verifyWebhookSignature({ body, signature: oldSignature, timestamp: old, secret }), false);
    assert.equal(
      await verifyWebhookSignature({ body, signature: oldSignature, timestamp: old, secret, toleranceSec: 0 }),
      true,
    );
  });
});

describe('the mock delivers signed webhooks', () => {
  const hooks = receiver();
  const secret = 'whsec_mock';
  const server = useMockServer();

  test('conversation.completed and session.mood_changed, subscribed through /__mock/webhooks', async () => {
    const subscribed = await server.postJson('/__mock/webhooks', {
      url: hooks.url(),
      secret,
      events: ['conversation.completed', 'session.mood_changed'],
    });
    assert.equal(subscribed.status, 201);
    const sessionId = crypto.randomUUID();
    await (
      await server.postJson('/chat', { query: DEMO_QUERIES.answer, sessionId }, { 'mooni-api-key': CHAT_KEY })
    ).text();
    // An answered question does not complete the conversation; the page reporting it closed does.
    const ended = await server.postJson(
      `/chat/sessions/${sessionId}/end`,
      { reason: 'closed' },
      { 'mooni-api-key': CHAT_KEY },
    );
    assert.equal(ended.status, 200);
    await server.postJson(
      '/v1/sessions/hook-session/events',
      { events: [{ type: 'rage_click' }, { type: 'error' }, { type: 'rage_click' }] },
      { 'X-Api-Key': MOOD_KEY },
    );
    const deadline = Date.now() + 3000;
    while (hooks.received.length < 2 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    assert.equal(hooks.received.length, 2);
    const types = [];
    for (const { headers, body } of hooks.received) {
      const ok = await verifyWebhookSignature({
        body,
        signature: headers[SIGNATURE_HEADER] as string,
        timestamp: headers[TIMESTAMP_HEADER] as string,
        secret,
      });
      assert.equal(ok, true);
      const event = JSON.parse(body);
      assert.deepEqual(Object.keys(event), ['id', 'timestamp', 'type', 'environment', 'version', 'data']);
      types.push(event.type);
      if (event.type === 'session.mood_changed')
        assert.deepEqual([event.data.previous_mood, event.data.mood], ['neutral', 'frustrated']);
      if (event.type === 'conversation.completed')
        assert.deepEqual([event.data.conversationId, event.data.reason], [sessionId, 'closed']);
    }
    assert.deepEqual(types.sort(), ['conversation.completed', 'session.mood_changed']);
    const list = await (await server.request('/__mock/webhooks')).json();
    assert.equal(list.items[0].secret, '***');
  });

  test('the QA inbox: deliveries to the mock itself are accepted and listed with what was signed', async () => {
    const qaSecret = 'whsec_qa';
    const subscribed = await server.postJson('/__mock/webhooks', {
      url: `${server.base()}/__mock/webhooks/inbox`,
      secret: qaSecret,
      events: ['session.mood_changed'],
    });
    const { id } = await subscribed.json();
    await server.postJson(
      '/v1/sessions/inbox-session/events',
      { events: [{ type: 'rage_click' }, { type: 'error' }, { type: 'rage_click' }] },
      { 'X-Api-Key': MOOD_KEY },
    );
    let mine: { ok: boolean; body: string; signature: string; timestamp: string }[] = [];
    const deadline = Date.now() + 3000;
    while (!mine.length && Date.now() < deadline) {
      const { items } = await (await server.request('/__mock/webhooks/deliveries')).json();
      mine = items.filter((item: { subscription_id: string }) => item.subscription_id === id);
      await new Promise((r) => setTimeout(r, 20));
    }
    assert.equal(mine.length, 1);
    assert.equal(mine[0].ok, true);
    const { body, signature, timestamp } = mine[0];
    assert.equal(await verifyWebhookSignature({ body, signature, timestamp, secret: qaSecret }), true);
  });

  test('subscription errors are 400 in the documents’ shape', async () => {
    for (const body of [
      {},
      { url: 'ftp://x', secret: 's' },
      { url: hooks.url() },
      { url: hooks.url(), secret: 's', events: ['nope'] },
    ]) {
      const response = await server.postJson('/__mock/webhooks', body);
      assert.equal(response.status, 400);
      assert.equal(typeof (await response.json()).error, 'string');
    }
  });
});

describe('webhook retries', () => {
  const hooks = receiver(2);

  test('a failing endpoint is retried with backoff until it accepts', async () => {
    const dispatcher = createWebhookDispatcher({ subscriptions: [{ url: hooks.url(), secret: 's' }], retryBaseMs: 5 });
    dispatcher.emit('conversation.completed', { hello: 'world' });
    await dispatcher.idle();
    assert.equal(hooks.calls(), 3);
    assert.equal(hooks.received.length, 1);
    assert.deepEqual(
      dispatcher.attempts().map((a) => [a.attempt, a.status, a.ok]),
      [
        [1, 503, false],
        [2, 503, false],
        [3, 200, true],
      ],
    );
  });

  test('an unreachable endpoint gives up after the configured retries, and never disturbs the API', async () => {
    const app = createMockApp({
      webhooks: { subscriptions: [{ url: 'http://127.0.0.1:9/unreachable', secret: 's' }], retries: 2, retryBaseMs: 1 },
    });
    const response = await app.fetch(
      new Request('http://mock/v1/sessions/w/events', {
        method: 'POST',
        headers: { 'X-Api-Key': MOOD_KEY },
        body: JSON.stringify({ events: [{ type: 'rage_click' }, { type: 'error' }] }),
      }),
    );
    assert.equal(response.status, 200);
    const deadline = Date.now() + 3000;
    let attempts: { ok: boolean }[] = [];
    while (attempts.length < 3 && Date.now() < deadline) {
      attempts = (await (await app.fetch(new Request('http://mock/__mock/webhooks/deliveries'))).json()).items;
      await new Promise((r) => setTimeout(r, 10));
    }
    assert.equal(attempts.length, 3);
    assert.ok(attempts.every((a) => !a.ok));
  });
});
