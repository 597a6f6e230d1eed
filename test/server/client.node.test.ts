import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { startMockServer } from '../../src/mock/hosts/node-server.js';
import type { MockOptions } from '../../src/mock/app.js';
import { DEMO_QUERIES } from '../../src/mock/demo-queries.js';
import {
  MooniApiError,
  MooniServer,
  mooniMiddleware,
  type ChatEvent,
  type MooniServerOptions,
  type UserClient,
} from '../../src/server/index.js';

const KEYS = {
  chatKey: 'mooni_demo_key',
  moodKey: 'sm_demo_key',
  gateway: { authKey: 'me_demo_key', developerId: 'dev', scopeId: 'scope' },
} satisfies MooniServerOptions;

/** `npm run mock`'s server on port 0, and a client in the `development` environment pointed at it. */
function useMock(options: MockOptions = {}) {
  let server: Server;
  let url = '';
  before(async () => {
    const started = await startMockServer(0, { chunkDelayMs: 0, ...options });
    server = started.server;
    url = started.url.replace('localhost', '127.0.0.1');
  });
  after(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return {
    url: () => url,
    client: (extra: MooniServerOptions = {}) =>
      new MooniServer({
        environment: 'development',
        baseUrls: { development: { chat: url, mood: url, gateway: url } },
        ...KEYS,
        ...extra,
      }),
    admin: (path: string, body?: unknown) =>
      fetch(url + path, {
        method: body === undefined ? 'GET' : 'POST',
        headers: { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      }).then((response) => response.json()),
  };
}

async function collect(stream: AsyncIterable<ChatEvent>): Promise<ChatEvent[]> {
  const seen: ChatEvent[] = [];
  for await (const event of stream) seen.push(event);
  return seen;
}

describe('MooniServer against the mock over HTTP', () => {
  const mock = useMock();

  test('environments: production defaults from the documents, development is the mock’s port', () => {
    assert.deepEqual(new MooniServer().baseUrls, {
      chat: 'https://tap-cs.coxwave.link',
      mood: 'https://session-mood-api-production.up.railway.app',
    });
    assert.equal(new MooniServer({ environment: 'development' }).baseUrls.chat, 'http://localhost:8787');
    assert.throws(() => new MooniServer({ environment: 'staging' }).gateway(), TypeError);
  });

  test('chat() streams typed SSE events until [DONE]; config() and history(userId)', async () => {
    const client = mock.client();
    const sessionId = crypto.randomUUID();
    const events = await collect(client.chat({ query: DEMO_QUERIES.card, sessionId, userId: 'user_server' }));
    assert.deepEqual(events[0], { type: 'status', status: 'searching', level: 'loading' });
    assert.ok(events.some((event) => event.type === 'text' && event.content.length > 0));
    const card = events.find((event) => event.type === 'template');
    assert.equal(card?.type === 'template' && card.template['template-type'], 'card');
    assert.deepEqual(events.at(-1), { type: 'status', status: 'done', level: 'success' });
    assert.equal(typeof (await client.config()).name, 'string');
    const sessions = await client.history('user_server');
    assert.deepEqual(
      sessions.map((session) => session.sessionId),
      [sessionId],
    );
  });

  test('chat() stops when its AbortSignal aborts', async () => {
    const controller = new AbortController();
    const stream = mock.client().chat({ query: DEMO_QUERIES.answer }, { signal: controller.signal });
    const first = await stream.next();
    assert.equal(first.done, false);
    controller.abort();
    await assert.rejects(async () => {
      for await (const _ of stream);
    });
  });

  test('SessionMood: events, mood, feedback, analytics, delete, health, keys — header and Bearer auth', async () => {
    const generated = await mock.client().mood.generateKey({ customer_name: 'Server test', plan: 'growth' });
    assert.match(generated.api_key, /^sm_/);
    for (const moodAuth of ['header', 'bearer'] as const) {
      const { mood } = mock.client({ moodKey: generated.api_key, moodAuth });
      const sessionId = `server-${moodAuth}`;
      const stored = await mood.sendEvents(sessionId, [
        { type: 'rage_click' },
        { type: 'error' },
        { type: 'rage_click' },
      ]);
      assert.deepEqual([stored.events_stored, stored.current_mood], [3, 'frustrated']);
      const reading = await mood.getMood(sessionId);
      assert.deepEqual([reading.mood, reading.suggested_action], ['frustrated', 'show_live_chat']);
      assert.deepEqual(await mood.sendFeedback(sessionId, { action_taken: 'show_live_chat', was_helpful: true }), {
        session_id: sessionId,
        feedback_recorded: true,
      });
      assert.ok((await mood.analytics()).total_sessions >= 1);
      assert.equal((await mood.deleteSession(sessionId)).deleted, true);
      const gone = await mood.getMood(sessionId).catch((error: unknown) => error);
      assert.ok(gone instanceof MooniApiError);
      assert.deepEqual([gone.statusCode, gone.body], [404, { error: 'Session not found', session_id: sessionId }]);
    }
    assert.equal((await mock.client({ moodKey: undefined }).mood.health()).status, 'ok');
  });

  test('refusals are one typed error with statusCode, headers and the documented body', async () => {
    const refused = await mock
      .client({ moodKey: 'sm_wrong' })
      .mood.analytics()
      .catch((error: unknown) => error);
    assert.ok(refused instanceof MooniApiError);
    assert.deepEqual([refused.api, refused.statusCode], ['mood', 401]);
    assert.deepEqual(refused.body, { error: 'Unauthorized', message: 'Missing or invalid API key' });
    assert.match(refused.headers['content-type'] ?? '', /json/);
    const chat = await mock
      .client({ chatKey: 'nope' })
      .config()
      .catch((error: unknown) => error);
    assert.ok(chat instanceof MooniApiError);
    assert.deepEqual([chat.statusCode, chat.body], [401, undefined]);
  });

  test('gateway(): the handshake and the conversation id are handled; 220 ends the conversation', async () => {
    const conversation = mock.client().gateway();
    assert.equal(await conversation.handshake(), 'Hello, how may I help you?');
    const id = conversation.conversationId;
    assert.match(id ?? '', /^[0-9a-f-]{36}$/);
    const hello = await conversation.send('hello');
    assert.deepEqual([hello.code, hello.data?.conversation_id], [200, id]);
    const replies = await conversation.send('how are you');
    assert.equal(replies.data?.['channel-result']?.[0]['channel-message']['template-type'], 'quick_reply');
    const bye = await conversation.send('bye');
    assert.equal(bye.code, 220);
    assert.equal(conversation.conversationId, undefined);
  });

  test('withUserContext and the Express/Connect middleware give each request a user-scoped client', async () => {
    const client = mock.client();
    const app = createServer((request: IncomingMessage & { mooni?: UserClient }, response) => {
      const middleware = mooniMiddleware(client, {
        userOf: (req: IncomingMessage) => {
          const user = req.headers['x-user'];
          return typeof user === 'string' ? { userId: user, sessionId: `sess-${user}` } : undefined;
        },
      });
      middleware(request, response, async (error) => {
        if (error || !request.mooni) return void response.writeHead(request.mooni ? 500 : 401).end();
        await request.mooni.sendEvents([{ type: 'click' }, { type: 'focus' }]);
        const mood = await request.mooni.mood();
        response.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(mood));
      });
    });
    await new Promise<void>((resolve) => app.listen(0, '127.0.0.1', resolve));
    const port = (app.address() as { port: number }).port;
    try {
      const anonymous = await fetch(`http://127.0.0.1:${port}/`);
      assert.equal(anonymous.status, 401);
      const signedIn = await fetch(`http://127.0.0.1:${port}/`, { headers: { 'x-user': 'ada' } });
      assert.equal((await signedIn.json()).session_id, 'sess-ada');
      const user = client.withUserContext({ userId: 'ada', sessionId: crypto.randomUUID() });
      const events = await collect(user.chat(DEMO_QUERIES.answer));
      assert.ok(events.some((event) => event.type === 'text'));
      assert.equal((await user.history()).length, 1);
      assert.equal((await user.endConversation('closed')).ended, true);
      assert.equal((await user.sendFeedback({ action_taken: 'no_action' })).feedback_recorded, true);
    } finally {
      app.closeAllConnections();
      await new Promise<void>((resolve) => app.close(() => resolve()));
    }
  });
});

describe('retries: 429 waits Retry-After, 5xx backs off', () => {
  const mock = useMock({ rateLimit: { perWindow: 3, windowMs: 1000 } });

  test('a burst past the per-key limit: the client waits Retry-After, then every call succeeds', async () => {
    const { mood } = mock.client();
    await mood.sendEvents('burst', [{ type: 'click' }]);
    const started = Date.now();
    const readings = [];
    for (let i = 0; i < 5; i++) readings.push(await mood.getMood('burst'));
    assert.equal(readings.length, 5);
    assert.ok(Date.now() - started >= 900, `waited ${Date.now() - started} ms`);
    const log: { items: { path: string; status: number }[] } = await mock.admin('/__mock/log');
    assert.ok(log.items.some((entry) => entry.path === '/v1/sessions/burst/mood' && entry.status === 429));
  });

  test('5xx: GET is retried with backoff until it succeeds; POST is not, unless mode is all', async () => {
    await mock.admin('/__mock/reset', {});
    const client = mock.client({ retry: { baseDelayMs: 10 } });
    await client.mood.sendEvents('flaky', [{ type: 'click' }]);
    await mock.admin('/__mock/faults', { mood: { status: 503, count: 2 } });
    assert.equal((await client.mood.getMood('flaky')).session_id, 'flaky');

    await mock.admin('/__mock/faults', { mood: { status: 500, count: 1 } });
    const failed = await client.mood.sendEvents('flaky', [{ type: 'click' }]).catch((error: unknown) => error);
    assert.ok(failed instanceof MooniApiError);
    assert.equal(failed.statusCode, 500);
    assert.equal((failed.body as { error: string }).error, 'Internal Server Error');

    await mock.admin('/__mock/faults', { mood: { status: 502, count: 1 } });
    const all = mock.client({ retry: { baseDelayMs: 10, mode: 'all' } });
    assert.equal((await all.mood.sendEvents('flaky', [{ type: 'click' }])).events_stored, 1);

    await mock.admin('/__mock/faults', { mood: { status: 503, count: 5 } });
    const none = await mock
      .client({ retry: { mode: 'none' } })
      .mood.getMood('flaky')
      .catch((error: unknown) => error);
    assert.ok(none instanceof MooniApiError);
    await fetch(mock.url() + '/__mock/faults', { method: 'DELETE' });
  });
});
