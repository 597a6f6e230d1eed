import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { ME_KEY, useMockServer } from './server.js';

// 002's own examples: the Auth Key as they print it, sent bare ("Authorization": "bWluZC1ha…==") and as
// the header table says (Bearer), and their request payloads.
const DOCUMENT_KEY = 'bWluZC1haTpyZWFsam9obmRvZQ==';
const HANDSHAKE = { query: null, 'query-id': '1c4339cd-d53a-489e-85f3-50a14d1da658', timestamp: 1676943114143 };
const HANDSHAKE_WITH_QUERY = { ...HANDSHAKE, query: 'Hello' };
const NORMAL = {
  'query-id': 'ddcd29e6-209e-4896-a0e1-00c16678c331',
  query: 'Can I upgrade my mobile package?',
  timestamp: 1615862988000,
};
const NEVER_ISSUED = '4355d048-2438-405d-aac5-c04ce7086dcf';
const PATH = '/api/v1/gateway/default/dev_123/scope_456';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

type Server = ReturnType<typeof useMockServer>;
type Body = { code: number; description: string; data: Record<string, unknown> };
type TemplateObject = Record<string, unknown> & { 'template-type': string | null };

function client(server: Server, authorization = `Bearer ${ME_KEY}`, path = PATH) {
  return async (body: unknown, conversationId?: string | null) => {
    const response = await server.postJson(path, body, {
      Authorization: authorization,
      UUID: 'cab64bcd-9e97-424e-b786-30b617615e02',
      ...(conversationId && { 'X-Conversation-Id': conversationId }),
    });
    return { status: response.status, text: await response.text() };
  };
}
const parsed = (reply: { text: string }) => JSON.parse(reply.text) as Body;
const question = (query: string | null) => ({ query, 'query-id': crypto.randomUUID(), timestamp: Date.now() });

const shows = (template: TemplateObject) =>
  template['template-type'] !== null &&
  (!['text', 'free'].includes(template['template-type']) || Boolean(template.template));
/** Every template the answer shows: each Channel Message Object's instruction and message that have content. */
const templatesOf = (body: Body): TemplateObject[] =>
  ((body.data['channel-result'] as Record<string, TemplateObject>[] | null) ?? []).flatMap((message) =>
    [message['channel-instruction'], message['channel-message']].filter(shows),
  );

describe('Mind Expression gateway: a stateful engine (002)', () => {
  const server = useMockServer({ gateway: { keys: [ME_KEY, DOCUMENT_KEY] } });

  test("002's handshake example, with the key bare as the example sends it and with Bearer", async () => {
    for (const authorization of [DOCUMENT_KEY, `Bearer ${DOCUMENT_KEY}`]) {
      const reply = await client(server, authorization)(HANDSHAKE, null);
      assert.equal(reply.status, 200);
      const body = parsed(reply);
      assert.equal(body.description, 'Created');
      assert.equal(body.code, 202);
      assert.equal(body.data['channel-result'], null);
      assert.deepEqual(body.data.result, ['Hello, how may I help you?']);
      assert.equal(body.data['query-id'], HANDSHAKE['query-id']);
      assert.match(String(body.data.conversation_id), UUID);
    }
  });

  test("002's handshake-with-input example: 202, a new conversation, and the answer to Hello", async () => {
    const body = parsed(await client(server, DOCUMENT_KEY)(HANDSHAKE_WITH_QUERY, null));
    assert.equal(body.code, 202);
    assert.match(String(body.data.conversation_id), UUID);
    assert.equal(templatesOf(body)[0]['template-type'], 'text');
  });

  test('an id the engine never issued gets a new handshake, as 002 warns; the issued id continues', async () => {
    const ask = client(server, DOCUMENT_KEY);
    const unknown = parsed(await ask(NORMAL, NEVER_ISSUED));
    assert.equal(unknown.code, 202);
    const issued = String(unknown.data.conversation_id);
    assert.notEqual(issued, NEVER_ISSUED);
    assert.match(issued, UUID);
    const next = parsed(await ask(NORMAL, issued));
    assert.equal(next.code, 204, 'the demo scope does not know mobile packages');
    assert.equal(next.data.conversation_id, issued);
  });

  test('220 ends the conversation: its id then starts a new one', async () => {
    const ask = client(server);
    const id = String(parsed(await ask(HANDSHAKE)).data.conversation_id);
    assert.equal(parsed(await ask(question('hello'), id)).code, 200);
    const bye = parsed(await ask(question('bye'), id));
    assert.equal(bye.code, 220);
    const after = parsed(await ask(question('hello'), id));
    assert.equal(after.code, 202);
    assert.notEqual(after.data.conversation_id, id);
  });

  test('an id belongs to the developer and scope that issued it', async () => {
    const id = String(parsed(await client(server)(HANDSHAKE)).data.conversation_id);
    const elsewhere = client(server, `Bearer ${ME_KEY}`, '/api/v1/gateway/default/dev_123/other_scope');
    assert.equal(parsed(await elsewhere(question('hello'), id)).code, 202);
  });
});

describe('Mind Expression gateway: idle expiry', () => {
  const server = useMockServer({ gateway: { idleTimeoutMs: 300 } });

  test('a conversation idle longer than the timeout has expired: a new handshake', async () => {
    const ask = client(server);
    const id = String(parsed(await ask(HANDSHAKE)).data.conversation_id);
    assert.equal(parsed(await ask(question('hello'), id)).code, 200, 'active: continues');
    await new Promise((resolve) => setTimeout(resolve, 400));
    const expired = parsed(await ask(question('hello'), id));
    assert.equal(expired.code, 202);
    assert.notEqual(expired.data.conversation_id, id);
  });
});

describe('Mind Expression gateway: HTTP status equal to code, conversation-id spelling', () => {
  const server = useMockServer({ gateway: { httpStatus: 'code', conversationIdField: 'conversation-id' } });

  test('202, 200, 210, 220 as HTTP statuses with bodies; 204 without a body', async () => {
    const ask = client(server);
    const handshake = await ask(HANDSHAKE);
    assert.equal(handshake.status, 202);
    const id = String(parsed(handshake).data['conversation-id']);
    assert.match(id, UUID);
    assert.equal('conversation_id' in parsed(handshake).data, false);
    const hello = await ask(question('hello'), id);
    assert.equal(hello.status, 200);
    assert.equal(parsed(hello).data['conversation-id'], id);
    const empty = await ask(question('?!'), id);
    assert.equal(empty.status, 210);
    assert.equal(parsed(empty).code, 210);
    const unknown = await ask(NORMAL, id);
    assert.equal(unknown.status, 204);
    assert.equal(unknown.text, '');
    const bye = await ask(question('bye'), id);
    assert.equal(bye.status, 220);
    assert.equal(parsed(bye).code, 220);
    const refused = await client(server, 'Bearer nope')(HANDSHAKE);
    assert.equal(refused.status, 401);
  });
});

describe('Mind Expression demo scope: every template type, every offered reply answered', () => {
  const server = useMockServer();
  const ENTRY = ['hello', 'How are you?', 'products', 'help', 'bye'];

  test('text, quick_reply, card, image, code and free are all sent; each reply and button leads somewhere', async () => {
    const ask = client(server);
    const seen = new Set<string>();
    const asked = new Set<string>();
    const queue = [...ENTRY];
    const links: string[] = [];
    while (queue.length) {
      const query = queue.shift() as string;
      if (asked.has(query)) continue;
      asked.add(query);
      const id = String(parsed(await ask(HANDSHAKE)).data.conversation_id);
      const body = parsed(await ask(question(query), id));
      assert.ok([200, 220].includes(body.code), `"${query}" → ${body.code}`);
      for (const template of templatesOf(body)) {
        seen.add(String(template['template-type']));
        const replies = (template['quick-replies'] ?? []) as Record<string, string | null>[];
        const buttons = ((template['card-list'] ?? []) as { buttons?: Record<string, string | null>[] }[]).flatMap(
          (card) => card.buttons ?? [],
        );
        for (const action of [...replies, ...buttons]) {
          const type = action.type ?? action['button-type'];
          if (type === 'message') queue.push(String(action.message));
          else links.push(String(action.url ?? action.link));
        }
      }
    }
    assert.deepEqual([...seen].sort(), ['card', 'code', 'free', 'image', 'quick_reply', 'text']);
    assert.ok(asked.has("Not so good, I'm afraid.") && asked.has('What sizes are there?'), [...asked].join(' | '));
    assert.ok(links.length > 0 && links.every((link) => /^(https:\/\/|mailto:)/.test(link)), links.join(' '));
  });

  test('quick replies carry pictures the mock serves; the image template has an upload-type', async () => {
    const ask = client(server);
    const id = String(parsed(await ask(HANDSHAKE)).data.conversation_id);
    const [quickReply] = templatesOf(parsed(await ask(question('How are you?'), id)));
    const pictures = (quickReply['quick-replies'] as Record<string, string>[]).map((reply) => reply['image-url']);
    assert.equal(pictures.length, 2);
    for (const url of pictures) {
      assert.ok(url.startsWith(server.base()), url);
      const picture = await fetch(url);
      assert.equal(picture.status, 200);
      assert.match(picture.headers.get('content-type') ?? '', /^image\/svg\+xml/);
      await picture.arrayBuffer();
    }
    const image = templatesOf(parsed(await ask(question('What sizes are there?'), id))).find(
      (template) => template['template-type'] === 'image',
    );
    assert.ok(image);
    assert.equal(image['upload-type'], 'url');
    assert.match(String(image['image-url']), /size-chart\.svg$/);
  });
});
