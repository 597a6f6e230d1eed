import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ChatHttpError, type StreamEvent } from '../../../src/chat/model.js';
import { createMindExpressionTransport } from '../../../src/chat/transports/index.js';
import { createMockApp } from '../../../src/mock/app.js';
import type { GatewaySettings } from '../../../src/mock/gateway/routes.js';
import { CARD, HELLO, QUICK_REPLY } from './fixtures/me-examples.js';

/** A fake engine for request-shape and code-mapping checks; the real-HTTP flows run against the mock in the browser. */
function engine(answer: (query: string | null, conversationId: string | null) => { status?: number; body?: unknown }) {
  const requests: { url: string; headers: Headers; body: Record<string, unknown> }[] = [];
  const fetch = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    const body = (await request.json()) as Record<string, unknown>;
    requests.push({ url: request.url, headers: request.headers, body });
    const { status = 200, body: out } = answer(body.query as string | null, request.headers.get('x-conversation-id'));
    return new Response(status === 204 ? null : JSON.stringify(out), {
      status,
      headers: { 'content-type': 'application/json' },
    });
  };
  return { fetch, requests };
}

const handshake = (id = 'conv-1') => ({
  body: {
    description: 'Created',
    code: 202,
    data: { 'channel-result': null, result: ['Hello, how may I help you?'], conversation_id: id },
  },
});
const reply = (code: number, channelResult: unknown, extra: Record<string, unknown> = {}) => ({
  body: {
    description: 'x',
    code,
    data: { 'channel-result': channelResult, result: [''], conversation_id: 'conv-1', ...extra },
  },
});
const options = {
  engineUrl: 'https://engine.example.test/',
  authKey: 'me_key',
  developerId: 'dev 1',
  scopeId: 'scope/1',
};
const ctx = () => ({ signal: new AbortController().signal, sessionId: 's' });

const texts = (events: StreamEvent[]) => events.map((e) => (e.kind === 'text' ? e.content : '')).join('');

async function collect(iterable: AsyncIterable<StreamEvent>) {
  const events: StreamEvent[] = [];
  try {
    for await (const e of iterable) events.push(e);
    return { events };
  } catch (error) {
    return { events, error };
  }
}

test('handshakes once, then sends the question with the conversation id', async () => {
  const e = engine((query, id) =>
    query === null
      ? handshake()
      : id === 'conv-1'
        ? reply(200, HELLO)
        : { status: 400, body: { error: 'no_conversation' } },
  );
  const t = createMindExpressionTransport({ ...options, fetch: e.fetch, custom: { 'user-name': 'Jane' } });
  const first = await collect(t.send('Hello', ctx()));
  assert.equal(first.error, undefined);
  assert.deepEqual(first.events, [
    { kind: 'text', content: 'Hi there' },
    { kind: 'text', content: '\n\nHello from Mind Expression' },
    { kind: 'status', status: 'done', level: 'success' },
  ]);
  await collect(t.send('Again', ctx()));
  assert.equal(e.requests.length, 3, 'one handshake, two questions');
  const [hs, q1] = e.requests;
  assert.equal(hs!.url, 'https://engine.example.test/api/v1/gateway/default/dev%201/scope%2F1');
  assert.equal(hs!.headers.get('authorization'), 'Bearer me_key');
  assert.equal(hs!.headers.get('content-type'), 'application/json');
  assert.equal(hs!.headers.get('x-conversation-id'), null);
  assert.equal(hs!.body.query, null);
  assert.equal(q1!.headers.get('x-conversation-id'), 'conv-1');
  assert.equal(q1!.body.query, 'Hello');
  assert.match(String(q1!.body['query-id']), /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  assert.notEqual(q1!.body['query-id'], hs!.body['query-id']);
  assert.ok(Math.abs(Number(q1!.body.timestamp) - Date.now()) < 60_000);
  assert.deepEqual(q1!.body.custom, { 'user-name': 'Jane' });
  assert.equal(t.conversationId, 'conv-1');
});

test('concurrent first sends share one handshake', async () => {
  const e = engine((query) => (query === null ? handshake() : reply(200, HELLO)));
  const t = createMindExpressionTransport({ ...options, fetch: e.fetch });
  await Promise.all([collect(t.send('a', ctx())), collect(t.send('b', ctx()))]);
  assert.equal(e.requests.filter((r) => r.body.query === null).length, 1);
});

test('handshake() returns the greeting once; send() does not repeat it', async () => {
  const e = engine((query) => (query === null ? handshake() : reply(200, HELLO)));
  const t = createMindExpressionTransport({ ...options, fetch: e.fetch });
  assert.equal(await t.handshake(), 'Hello, how may I help you?');
  assert.equal(await t.handshake(), undefined);
  const { events } = await collect(t.send('Hello', ctx()));
  assert.ok(!events.some((ev) => ev.kind === 'text' && ev.content.includes('how may I help')));
});

test('templates other than text become template events, in order', async () => {
  const e = engine((query) =>
    query === null ? handshake() : query === 'qr' ? reply(202, QUICK_REPLY) : reply(200, CARD),
  );
  const t = createMindExpressionTransport({ ...options, fetch: e.fetch });
  const qr = await collect(t.send('qr', ctx()));
  assert.deepEqual(
    qr.events.map((ev) => ev.kind),
    ['text', 'template', 'status'],
  );
  const card = await collect(t.send('card', ctx()));
  assert.deepEqual(
    card.events.map((ev) => (ev.kind === 'template' ? ev.template.type : ev.kind)),
    ['card', 'text', 'status'],
  );
  assert.deepEqual(card.events[1], { kind: 'text', content: 'Would you like to buy some?' });
});

test('204: out_of_scope, then the fallback as text (channel-result, else result)', async () => {
  const fallback = [{ 'channel-message': { 'template-type': 'text', template: "Sorry, I didn't get that." } }];
  const e = engine((query) =>
    query === null
      ? handshake()
      : query === 'x'
        ? reply(204, fallback)
        : query === 'y'
          ? reply(204, null, { result: ['Try again?'] })
          : { status: 204 },
  );
  const t = createMindExpressionTransport({ ...options, fetch: e.fetch });
  assert.deepEqual((await collect(t.send('x', ctx()))).events, [
    { kind: 'status', status: 'out_of_scope', level: 'warning' },
    { kind: 'text', content: "Sorry, I didn't get that." },
    { kind: 'status', status: 'done', level: 'success' },
  ]);
  assert.deepEqual((await collect(t.send('y', ctx()))).events[1], { kind: 'text', content: 'Try again?' });
  const bare = await collect(t.send('z', ctx()));
  assert.equal(bare.error, undefined, 'an HTTP 204 without a body is a fallback without words');
  assert.deepEqual(bare.events[0], { kind: 'status', status: 'out_of_scope', level: 'warning' });
});

test('220: the templates, then terminated; the next send handshakes again', async () => {
  let conversations = 0;
  const e = engine((query) =>
    query === null ? handshake(`conv-${++conversations}`) : query === 'bye' ? reply(220, HELLO) : reply(200, HELLO),
  );
  const t = createMindExpressionTransport({ ...options, fetch: e.fetch });
  const bye = await collect(t.send('bye', ctx()));
  assert.deepEqual(
    bye.events.map((ev) => ev.kind),
    ['text', 'text', 'terminated', 'status'],
  );
  assert.equal(t.conversationId, undefined);
  await collect(t.send('hello again', ctx()));
  const last = e.requests.at(-1)!;
  assert.equal(last.headers.get('x-conversation-id'), 'conv-2');
  assert.equal(e.requests.filter((r) => r.body.query === null).length, 2);
});

test('reset() forgets the conversation', async () => {
  let n = 0;
  const e = engine((query) =>
    query === null ? handshake(`c${++n}`) : reply(200, HELLO, { conversation_id: undefined }),
  );
  const t = createMindExpressionTransport({ ...options, fetch: e.fetch });
  await collect(t.send('a', ctx()));
  assert.equal(t.conversationId, 'c1');
  t.reset();
  assert.equal(t.conversationId, undefined);
  await collect(t.send('b', ctx()));
  assert.equal(t.conversationId, 'c2');
});

test('an empty question is never sent (210 guard); a 210 answer is a missing query too', async () => {
  const e = engine((query) => (query === null ? handshake() : reply(210, null)));
  const t = createMindExpressionTransport({ ...options, fetch: e.fetch });
  for (const q of ['', '   ', '\n\t']) {
    const { error } = await collect(t.send(q, ctx()));
    assert.ok(error instanceof ChatHttpError && error.status === 400 && error.code === 'missing_query');
  }
  assert.equal(e.requests.length, 0);
  const { error } = await collect(t.send('.', ctx()));
  assert.ok(error instanceof ChatHttpError && error.code === 'missing_query');
});

test('HTTP failures and unusable answers become ChatHttpError', async () => {
  const unauthorized = engine(() => ({ status: 401, body: { error: 'unauthorized' } }));
  const a = await collect(createMindExpressionTransport({ ...options, fetch: unauthorized.fetch }).send('q', ctx()));
  assert.ok(a.error instanceof ChatHttpError && a.error.status === 401);
  const garbage = engine((query) => (query === null ? handshake() : { body: 'not an envelope' }));
  const b = await collect(createMindExpressionTransport({ ...options, fetch: garbage.fetch }).send('q', ctx()));
  assert.ok(b.error instanceof ChatHttpError && b.error.code === 'invalid_response');
  const noId = engine(() => ({ body: { code: 202, data: { 'channel-result': null, result: [] } } }));
  const c = await collect(createMindExpressionTransport({ ...options, fetch: noId.fetch }).send('q', ctx()));
  assert.ok(c.error instanceof ChatHttpError && c.error.code === 'invalid_response');
  const odd = engine((query) => (query === null ? handshake() : reply(500, null)));
  const d = await collect(createMindExpressionTransport({ ...options, fetch: odd.fetch }).send('q', ctx()));
  assert.ok(d.error instanceof ChatHttpError && d.error.status === 500);
});

test('abort: an aborted signal stops before or during the request', async () => {
  const e = engine((query) => (query === null ? handshake() : reply(200, HELLO)));
  const t = createMindExpressionTransport({ ...options, fetch: e.fetch });
  const abort = new AbortController();
  abort.abort();
  const { error } = await collect(t.send('q', { signal: abort.signal, sessionId: 's' }));
  assert.equal((error as Error).name, 'AbortError');
});

describe('against the mock gateway in both of its modes (real 202/204/210/220 statuses, both id spellings)', () => {
  const modes: Partial<GatewaySettings>[] = [
    {},
    { httpStatus: 'code', conversationIdField: 'conversation-id' },
    { httpStatus: 'code' },
    { conversationIdField: 'conversation-id' },
  ];
  for (const gateway of modes) {
    test(JSON.stringify(gateway), async () => {
      const app = createMockApp({ gateway: { keys: ['me_key'], ...gateway } });
      const requests: Request[] = [];
      const fetch = (input: RequestInfo | URL, init?: RequestInit) => {
        const request = new Request(input, init);
        requests.push(request.clone());
        return Promise.resolve(app.fetch(request));
      };
      for (const authScheme of ['bearer', 'bare'] as const) {
        const t = createMindExpressionTransport({ ...options, authScheme, fetch });
        assert.equal(await t.handshake(), 'Hello, how may I help you?');
        const id = t.conversationId;
        assert.match(String(id), /^[0-9a-f-]{36}$/);
        const hello = await collect(t.send('hello', ctx()));
        assert.equal(hello.error, undefined);
        assert.match(texts(hello.events), /Hello from Mind Expression/);
        assert.equal(t.conversationId, id, 'the conversation continues');
        const prompt = await collect(t.send('?!', ctx()));
        assert.equal(prompt.error, undefined, '210 shows the prompt');
        assert.match(texts(prompt.events), /Please type a message/);
        const unknown = await collect(t.send('Can I upgrade my mobile package?', ctx()));
        assert.equal(unknown.error, undefined);
        assert.deepEqual(unknown.events[0], { kind: 'status', status: 'out_of_scope', level: 'warning' });
        const bye = await collect(t.send('bye', ctx()));
        assert.ok(bye.events.some((e) => e.kind === 'terminated'));
        assert.equal(t.conversationId, undefined);
        await collect(t.send('hello', ctx()));
        assert.notEqual(t.conversationId, id, 'a new conversation after 220');
      }
      const authorizations = new Set(requests.map((r) => r.headers.get('authorization')));
      assert.deepEqual([...authorizations].sort(), ['Bearer me_key', 'me_key']);
    });
  }
});
