import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createMockApp } from '../../src/mock/app.js';
import { DEMO_QUERIES, ORGANIZATIONS } from '../../src/mock/demo-queries.js';
import { FAQ } from '../../src/mock/faq/data.js';
import { createMemoryStore } from '../../src/mock/store.js';
import { CHAT_KEY, sseData, uniqueId, useMockServer } from './server.js';

const server = useMockServer();
const chat = (body: unknown, headers: Record<string, string> = { 'mooni-api-key': CHAT_KEY }) =>
  server.postJson('/chat', body, headers);

type Event = Record<string, unknown> & { type: string };
const events = async (body: unknown) => {
  const response = await chat(body);
  assert.equal(response.status, 200);
  assert.match(response.headers.get('content-type')!, /^text\/event-stream/);
  const data = await sseData(response);
  assert.equal(data.at(-1), '[DONE]');
  return data.slice(0, -1) as Event[];
};
const textOf = (list: Event[]) =>
  list
    .filter((e) => e.type === 'text')
    .map((e) => e.content)
    .join('');

describe('POST /chat errors (001)', () => {
  test('401 without or with a wrong mooni-api-key, no body', async () => {
    for (const headers of [{}, { 'mooni-api-key': 'mooni_wrong' }] as Record<string, string>[]) {
      const response = await chat({ query: 'hi' }, headers);
      assert.equal(response.status, 401);
      assert.equal(await response.text(), '');
    }
  });

  test('400 invalid_json', async () => {
    for (const body of ['{', 'not json', '{"query": "x",}', '']) {
      const response = await chat(body);
      assert.equal(response.status, 400, body);
      assert.deepEqual(await response.json(), { error: 'invalid_json' });
    }
  });

  test('400 missing_query: absent, not a string, or empty after trimming', async () => {
    for (const body of [
      {},
      { query: 42 },
      { query: null },
      { query: ['a'] },
      { query: '' },
      { query: '   \n\t ' },
      [],
      'null',
      '"text"',
    ]) {
      const response = await chat(body);
      assert.equal(response.status, 400, JSON.stringify(body));
      assert.deepEqual(await response.json(), { error: 'missing_query' });
    }
  });

  test('400 query_too_long with maxLength 500, measured after trimming', async () => {
    const tooLong = await chat({ query: 'a'.repeat(501) });
    assert.equal(tooLong.status, 400);
    assert.deepEqual(await tooLong.json(), { error: 'query_too_long', maxLength: 500 });
    const padded = await chat({ query: `   ${'a'.repeat(500)}   ` });
    assert.equal(padded.status, 200);
    await padded.text();
  });
});

describe('POST /chat streams (001 + CONTRACT template events)', () => {
  test('answer: searching → several text chunks → faq → done → [DONE]', async () => {
    const list = await events({ query: DEMO_QUERIES.answer });
    assert.deepEqual(list[0], { type: 'status', status: 'searching', level: 'loading' });
    assert.deepEqual(list.at(-1), { type: 'status', status: 'done', level: 'success' });
    const texts = list.filter((e) => e.type === 'text');
    assert.ok(texts.length >= 3, 'several chunks');
    assert.deepEqual(
      list.map((e) => e.type),
      ['status', ...texts.map(() => 'text'), 'faq', 'status'],
    );
    const faq = list.find((e) => e.type === 'faq') as unknown as { results: { id: string; title: string }[] };
    assert.ok(faq.results.length >= 1);
    for (const r of faq.results) assert.deepEqual(Object.keys(r), ['id', 'title']);
    assert.match(textOf(list), /business days/);
  });

  test('markdown answer uses bold, a list and https links', async () => {
    const text = textOf(await events({ query: DEMO_QUERIES.markdown }));
    assert.match(text, /\*\*[^*]+\*\*/);
    assert.match(text, /^1\. /m);
    assert.match(text, /\[[^\]]+\]\(https:\/\/[^)]+\)/);
  });

  for (const [name, type] of [
    ['quickReply', 'quick_reply'],
    ['card', 'card'],
    ['image', 'image'],
    ['code', 'code'],
  ] as const) {
    test(`${name}: a ${type} template event in 002's field names, after the text and before faq`, async () => {
      const list = await events({ query: DEMO_QUERIES[name] });
      const index = list.findIndex((e) => e.type === 'template');
      assert.ok(index > 0);
      assert.ok(list.slice(0, index).some((e) => e.type === 'text'));
      const template = list[index].template as Record<string, unknown>;
      assert.equal(template['template-type'], type);
      assert.equal(template['channel-name'], 'default');
      for (const field of ['template', 'image-url', 'upload-type', 'quick-replies', 'card-list'])
        assert.ok(field in template, field);
      if (type === 'quick_reply') {
        const replies = template['quick-replies'] as Record<string, unknown>[];
        assert.ok(replies.length >= 2);
        assert.ok(replies.every((r) => r.type === 'message' || r.type === 'link'));
      }
      if (type === 'card') {
        const cards = template['card-list'] as Record<string, unknown>[];
        assert.ok(cards.length >= 2);
        assert.ok(cards.every((c) => typeof c.title === 'string' && 'sub-title' in c && 'image-url' in c));
        const buttons = cards.flatMap((c) => c.buttons as Record<string, unknown>[]);
        assert.ok(buttons.some((b) => b['button-type'] === 'link' && String(b.link).startsWith('https://')));
        assert.ok(buttons.some((b) => b['button-type'] === 'message' && typeof b.message === 'string'));
      }
      if (type === 'image') {
        assert.ok(
          String(template['image-url']).startsWith(`${server.base()}/__mock/assets/`),
          String(template['image-url']),
        );
        assert.ok(String(template.template).length > 10, 'an image carries its alt text');
      }
      if (type === 'code') assert.ok(String(template.template).includes('<'));
    });
  }

  test('out of scope: out_of_scope warning, a short helpful text, done, no faq', async () => {
    const list = await events({ query: DEMO_QUERIES.outOfScope });
    assert.deepEqual(list[1], { type: 'status', status: 'out_of_scope', level: 'warning' });
    assert.ok(!list.some((e) => e.type === 'faq'));
    assert.ok(textOf(list).length > 20 && textOf(list).length < 300);
    assert.deepEqual(list.at(-1), { type: 'status', status: 'done', level: 'success' });
  });

  test('organizationId filters: schoolOnly answers for school and for all, not for shop', async () => {
    assert.deepEqual(ORGANIZATIONS, ['shop', 'school']);
    const school = await events({ query: DEMO_QUERIES.schoolOnly, organizationId: 'school' });
    assert.ok(!school.some((e) => e.status === 'out_of_scope'));
    assert.match(textOf(school), /15 June/);
    const all = await events({ query: DEMO_QUERIES.schoolOnly });
    assert.match(textOf(all), /15 June/);
    const shop = await events({ query: DEMO_QUERIES.schoolOnly, organizationId: 'shop' });
    assert.ok(shop.some((e) => e.status === 'out_of_scope'));
    const shopAnswer = await events({ query: DEMO_QUERIES.answer, organizationId: 'school' });
    assert.ok(shopAnswer.some((e) => e.status === 'out_of_scope'));
  });

  test('the candle shop is answered from its own FAQ: its questions, its related chips, its out-of-scope topics', async () => {
    const asked = {
      'Where is my order?': /Track parcel/,
      'I cannot log in': /Forgot password/,
      'Why is my candle tunneling?': /first burn/,
      'How do I return a candle?': /return/i,
    };
    for (const [query, answer] of Object.entries(asked)) {
      const list = await events({ query, organizationId: 'shop' });
      assert.match(textOf(list), answer, query);
      const related = list
        .filter((e) => e.type === 'faq')
        .flatMap((e) => (e.results as { id: string }[]).map((result) => result.id));
      assert.ok(related.length > 0, query);
      assert.ok(
        related.every((id) => id.startsWith('shop-')),
        `${query}: related ${related.join(', ')}`,
      );
    }
    const outOfScope = textOf(await events({ query: DEMO_QUERIES.outOfScope, organizationId: 'shop' }));
    assert.match(outOfScope, /candle care/);
    assert.doesNotMatch(outOfScope, /admissions|uniforms|school/i);
    assert.match(textOf(await events({ query: DEMO_QUERIES.outOfScope, organizationId: 'school' })), /admissions/);
  });

  test("001's example request (organizationId school-a, a campus of school) gets a school answer", async () => {
    const list = await events({
      query: 'How do I reset my password?',
      sessionId: '550e8400-e29b-41d4-a716-446655440000',
      userId: 'user@example.com',
      organizationId: 'school-a',
    });
    assert.ok(!list.some((e) => e.status === 'out_of_scope'));
    assert.match(textOf(list), /portal/);
  });

  test('bundled FAQ: at least 40 entries over at least two organizations', () => {
    assert.ok(FAQ.length >= 40);
    assert.ok(new Set(FAQ.map((e) => e.organizationId)).size >= 2);
    assert.equal(new Set(FAQ.map((e) => e.id)).size, FAQ.length);
  });

  test('every FAQ title, asked as a question, finds its own entry', async () => {
    const app = createMockApp();
    for (const entry of FAQ) {
      const response = await app.fetch(
        new Request('http://mock/chat', {
          method: 'POST',
          headers: { 'mooni-api-key': CHAT_KEY },
          body: JSON.stringify({ query: entry.title, organizationId: entry.organizationId }),
        }),
      );
      const text = (await sseData(response)).filter(
        (e): e is Event => typeof e === 'object' && (e as Event).type === 'text',
      );
      assert.equal(text.map((e) => e.content).join(''), entry.body, entry.id);
    }
  });
});

describe('GET /config and /history/sessions', () => {
  test('/config → { clientId, name }; 401 without key', async () => {
    const response = await server.request('/config', { headers: { 'mooni-api-key': CHAT_KEY } });
    assert.equal(response.status, 200);
    const body = await response.json();
    assert.deepEqual(Object.keys(body).sort(), ['clientId', 'name']);
    assert.equal((await server.request('/config')).status, 401);
  });

  test('/history/sessions: 401 without key, 400 without userId, { items } with it', async () => {
    assert.equal((await server.request('/history/sessions?userId=u')).status, 401);
    const missing = await server.request('/history/sessions', { headers: { 'mooni-api-key': CHAT_KEY } });
    assert.equal(missing.status, 400);
    assert.equal(typeof (await missing.json()).error, 'string');
    const empty = await server.request(`/history/sessions?userId=${uniqueId('nobody')}`, {
      headers: { 'mooni-api-key': CHAT_KEY },
    });
    assert.deepEqual(await empty.json(), { items: [] });
  });

  test('persistence: sessions only with sessionId, users only with userId', async () => {
    const store = createMemoryStore();
    const app = createMockApp({ store });
    const ask = async (body: Record<string, unknown>) => {
      const response = await app.fetch(
        new Request('http://mock/chat', {
          method: 'POST',
          headers: { 'mooni-api-key': CHAT_KEY },
          body: JSON.stringify(body),
        }),
      );
      await response.text();
    };
    await ask({ query: DEMO_QUERIES.answer, userId: 'only-user' });
    assert.ok(store.chatUser('only-user'));
    assert.deepEqual(store.chatSessionsOf('only-user'), []);
    await ask({ query: DEMO_QUERIES.answer, sessionId: 'anon-session' });
    const anonymous = store.chatSession('anon-session') as { userId: unknown; messages: { role: string }[] };
    assert.equal(anonymous.userId, null);
    assert.deepEqual(
      anonymous.messages.map((m) => m.role),
      ['user', 'assistant'],
    );
    await ask({ query: DEMO_QUERIES.card, sessionId: 'both', userId: 'u-both', organizationId: 'shop' });
    await ask({ query: DEMO_QUERIES.answer, sessionId: 'both', userId: 'u-both' });
    const history = await app.fetch(
      new Request('http://mock/history/sessions?userId=u-both', { headers: { 'mooni-api-key': CHAT_KEY } }),
    );
    const { items } = await history.json();
    assert.equal(items.length, 1);
    assert.equal(items[0].sessionId, 'both');
    assert.equal(items[0].messageCount, 4);
    assert.equal(items[0].title, DEMO_QUERIES.card);
  });

  test('persistence over HTTP: the session shows up in the user’s history', async () => {
    const userId = uniqueId('user');
    const sessionId = crypto.randomUUID();
    await (await chat({ query: DEMO_QUERIES.answer, sessionId, userId })).text();
    const response = await server.request(`/history/sessions?userId=${encodeURIComponent(userId)}`, {
      headers: { 'mooni-api-key': CHAT_KEY },
    });
    const { items } = await response.json();
    assert.deepEqual(
      items.map((s: { sessionId: string }) => s.sessionId),
      [sessionId],
    );
  });

  test('a recording failure never affects the chat response', async () => {
    const failing = createMemoryStore();
    let attempts = 0;
    failing.recordChatMessage = () => {
      attempts++;
      throw new Error('database down');
    };
    failing.recordUser = async () => {
      attempts++;
      throw new Error('database down');
    };
    const app = createMockApp({ store: failing });
    const response = await app.fetch(
      new Request('http://mock/chat', {
        method: 'POST',
        headers: { 'mooni-api-key': CHAT_KEY },
        body: JSON.stringify({ query: DEMO_QUERIES.answer, sessionId: 's', userId: 'u' }),
      }),
    );
    assert.equal(response.status, 200);
    const data = await sseData(response);
    assert.equal(data.at(-1), '[DONE]');
    assert.ok(data.some((e) => (e as Event).type === 'faq'));
    assert.equal(attempts, 2);
  });

  test('a failure inside the search → error search_failed, then [DONE]', async () => {
    const app = createMockApp({
      search: () => {
        throw new Error('index unavailable');
      },
    });
    const response = await app.fetch(
      new Request('http://mock/chat', {
        method: 'POST',
        headers: { 'mooni-api-key': CHAT_KEY },
        body: '{"query":"hello"}',
      }),
    );
    assert.deepEqual(await sseData(response), [
      { type: 'status', status: 'searching', level: 'loading' },
      { type: 'error', message: 'search_failed' },
      '[DONE]',
    ]);
  });

  test('chunkDelayMs paces the text chunks', async () => {
    const app = createMockApp({ chunkDelayMs: 15 });
    const started = performance.now();
    const response = await app.fetch(
      new Request('http://mock/chat', {
        method: 'POST',
        headers: { 'mooni-api-key': CHAT_KEY },
        body: JSON.stringify({ query: DEMO_QUERIES.answer }),
      }),
    );
    const data = await sseData(response);
    const chunks = data.filter((e) => (e as Event).type === 'text').length;
    assert.ok(performance.now() - started >= chunks * 15 * 0.8);
  });
});
