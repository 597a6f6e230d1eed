import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ME_KEY, useMockServer } from './server.js';

const server = useMockServer();
const PATH = '/api/v1/gateway/default/dev_123/scope_456';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

const send = (body: unknown, headers: Record<string, string> = {}) =>
  server.postJson(PATH, body, { Authorization: `Bearer ${ME_KEY}`, ...headers });
const ask = async (query: string | null, conversationId?: string) => {
  const response = await send(
    { query, 'query-id': crypto.randomUUID(), timestamp: Date.now() },
    conversationId ? { 'X-Conversation-Id': conversationId } : {},
  );
  assert.equal(response.status, 200);
  return response.json();
};
type Template = Record<string, unknown>;
const messages = (body: { data: { 'channel-result': Record<string, Template>[] } }) => body.data['channel-result'];

describe('Mind Expression gateway (002, CONTRACT demo scope)', () => {
  test('handshake: no X-Conversation-Id → code 202, a new UUID conversation id and a greeting', async () => {
    const body = await ask(null);
    assert.equal(body.code, 202);
    assert.equal(body.description, 'Created');
    assert.match(body.data.conversation_id, UUID);
    assert.equal(body.data['channel-result'], null);
    assert.deepEqual(body.data.result, ['Hello, how may I help you?']);
    for (const field of ['execution-time', 'timestamp', 'query-id']) assert.ok(field in body.data, field);
    const again = await ask(null);
    assert.notEqual(again.data.conversation_id, body.data.conversation_id);
  });

  test('handshake with a query: 202 and the answer', async () => {
    const body = await ask('Hello');
    assert.equal(body.code, 202);
    assert.equal(
      messages(body)[0]['channel-message'].template,
      'Hello from Mind Expression! What can I do for you today?',
    );
  });

  test('hello → 200 text; channel message objects carry message, instruction and their -alt forms', async () => {
    const { data } = await ask(null);
    const body = await ask('hello', data.conversation_id);
    assert.equal(body.code, 200);
    assert.equal(body.description, 'Ok');
    assert.equal(body.data.conversation_id, data.conversation_id);
    const [first] = messages(body);
    assert.deepEqual(Object.keys(first).sort(), [
      'channel-instruction',
      'channel-instruction-alt',
      'channel-message',
      'channel-message-alt',
    ]);
    assert.equal(first['channel-message']['template-type'], 'text');
    assert.equal(first['channel-message']['channel-name'], 'default');
    const alt = first['channel-message-alt'] as { channels: Template[] };
    assert.equal(alt.channels[0]['template-type'], 'text');
  });

  test('how are you → quick_reply Good / Not good', async () => {
    const { data } = await ask(null);
    const body = await ask('How are you?', data.conversation_id);
    assert.equal(body.code, 200);
    const message = messages(body)[0]['channel-message'];
    assert.equal(message['template-type'], 'quick_reply');
    const replies = message['quick-replies'] as Record<string, unknown>[];
    assert.deepEqual(
      replies.map((r) => r.label),
      ['Good', 'Not good'],
    );
    assert.ok(replies.every((r) => r.type === 'message' && typeof r.message === 'string'));
  });

  test('products → a card list (instruction) and a follow-up text', async () => {
    const { data } = await ask(null);
    const body = await ask('products', data.conversation_id);
    assert.equal(body.code, 200);
    const [cards, text] = messages(body);
    assert.equal(cards['channel-instruction']['template-type'], 'card');
    const list = cards['channel-instruction']['card-list'] as Record<string, unknown>[];
    assert.ok(list.length >= 2);
    assert.ok(
      list.every(
        (c) => typeof c.title === 'string' && 'sub-title' in c && 'image-url' in c && Array.isArray(c.buttons),
      ),
    );
    const button = (list[0].buttons as Record<string, unknown>[])[0];
    assert.deepEqual(Object.keys(button).sort(), ['button-type', 'label', 'link', 'message']);
    assert.equal(text['channel-message'].template, 'Would you like to buy some?');
  });

  test('empty → 210; unclassifiable → 204 with a fallback; bye → 220 terminated', async () => {
    const { data } = await ask(null);
    const empty = await ask('   ', data.conversation_id);
    assert.equal(empty.code, 210);
    assert.equal(empty.description, 'Empty input message');
    const unknown = await ask('Tell me about quantum chromodynamics', data.conversation_id);
    assert.equal(unknown.code, 204);
    assert.equal(unknown.description, 'Not classified');
    assert.match(String(messages(unknown)[0]['channel-message'].template), /did not understand/);
    const bye = await ask('bye', data.conversation_id);
    assert.equal(bye.code, 220);
    assert.equal(bye.description, 'Conversation terminated');
  });

  test('401 without a valid key; 4xx for malformed JSON or wrong types', async () => {
    for (const headers of [{ Authorization: '' }, { Authorization: 'Bearer nope' }, { Authorization: 'nope' }]) {
      const response = await server.postJson(PATH, { query: 'hello' }, headers);
      assert.equal(response.status, 401);
      assert.deepEqual(await response.json(), {
        description: 'Unauthorized',
        code: 401,
        data: null,
        error: 'unauthorized',
        message: 'Missing or invalid Auth Key',
      });
    }
    for (const body of [
      '{',
      '"just a string"',
      '[1,2]',
      { query: 5 },
      { query: 'hi', 'query-id': 7 },
      { query: 'hi', timestamp: 'now' },
      { query: 'hi', custom: 'x' },
    ]) {
      const response = await send(body);
      assert.equal(response.status, 400, JSON.stringify(body));
      const json = await response.json();
      assert.equal(json.code, 400);
      assert.equal(typeof json.error, 'string');
    }
  });

  test('custom object and extra headers are accepted', async () => {
    const response = await send(
      { query: 'hello', 'query-id': crypto.randomUUID(), timestamp: Date.now(), custom: { 'user-name': 'Jane Doe' } },
      { platform: 'ANDROID' },
    );
    assert.equal((await response.json()).code, 202);
  });
});
