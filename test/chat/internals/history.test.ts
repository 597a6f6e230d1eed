import { expect } from '@open-wc/testing';
import { get, createStore } from 'idb-keyval';
import type { ChatMessage } from '../../../src/chat/model.js';
import { loadConversation, saveConversation } from '../../../src/chat/history/index.js';

const message = (i: number, overrides: Partial<ChatMessage> = {}): ChatMessage => ({
  id: `m${i}`,
  role: i % 2 ? 'bot' : 'user',
  text: i % 2 ? `Answer ${i} with **markdown** and a [link](https://example.com/${i})` : `Question ${i}?`,
  templates:
    i % 10 === 1
      ? [{ type: 'quick_reply', prompt: 'Pick', replies: [{ label: 'A', type: 'message', message: 'a' }] }]
      : [],
  faqs: i % 2 ? [{ id: `faq_${i}`, title: `FAQ ${i}` }] : [],
  state: 'done',
  createdAt: 1_700_000_000_000 + i,
  ...(i % 2 ? { question: `Question ${i - 1}?` } : {}),
  ...overrides,
});

describe('chat history in IndexedDB', () => {
  it('round-trips a conversation, per session', async () => {
    const a = `hist-${crypto.randomUUID()}`;
    const b = `hist-${crypto.randomUUID()}`;
    const messages = [
      message(0),
      message(1, { rating: 'helpful', tone: 'warning' }),
      message(2),
      message(3, { state: 'failed', failure: 'The answer was cut off.' }),
    ];
    await saveConversation(a, messages);
    await saveConversation(b, [message(0)]);
    expect(await loadConversation(a)).to.deep.equal(messages);
    expect(await loadConversation(b)).to.deep.equal([message(0)]);
    expect(await loadConversation(`hist-${crypto.randomUUID()}`)).to.deep.equal([]);
    await saveConversation(a, messages.slice(0, 2));
    expect(await loadConversation(a)).to.have.length(2);
    await saveConversation(a, []);
    expect(await loadConversation(a)).to.deep.equal([]);
    expect(await loadConversation(b)).to.have.length(1);
  });

  it("uses its own database, not idb-keyval's default one", async () => {
    const id = `hist-${crypto.randomUUID()}`;
    await saveConversation(id, [message(0)]);
    expect(await get(id)).to.equal(undefined);
    const stored = await get<{ messages: ChatMessage[] }>(id, createStore('mooni-chat', 'conversations'));
    expect(stored?.messages).to.have.length(1);
    const databases = await indexedDB.databases();
    expect(databases.map((d) => d.name)).to.include('mooni-chat');
  });

  it('a message saved mid-stream comes back stopped, with its partial text', async () => {
    const id = `hist-${crypto.randomUUID()}`;
    const streaming = message(1, { state: 'streaming', text: 'Half an ans' });
    await saveConversation(id, [message(0), streaming]);
    expect(streaming.state).to.equal('streaming', 'the caller’s message is not mutated');
    const [, restored] = await loadConversation(id);
    expect(restored!.state).to.equal('stopped');
    expect(restored!.text).to.equal('Half an ans');
  });

  it('skips stored entries that are not messages', async () => {
    const id = `hist-${crypto.randomUUID()}`;
    const store = createStore('mooni-chat', 'conversations');
    const { set } = await import('idb-keyval');
    await set(
      id,
      {
        v: 1,
        updatedAt: 1,
        messages: [
          message(0),
          null,
          'x',
          { id: 1 },
          { ...message(1), role: 'admin' },
          { ...message(2), templates: 'bad', faqs: null },
        ],
      },
      store,
    );
    const loaded = await loadConversation(id);
    expect(loaded.map((m) => m.id)).to.deep.equal(['m0', 'm2']);
    expect(loaded[1]!.templates).to.deep.equal([]);
    expect(loaded[1]!.faqs).to.deep.equal([]);
    await set(id, 'garbage', store);
    expect(await loadConversation(id)).to.deep.equal([]);
  });

  it('restores a 1,000-message conversation in one read', async () => {
    const id = `hist-${crypto.randomUUID()}`;
    const messages = Array.from({ length: 1000 }, (_, i) => message(i));
    await saveConversation(id, messages);
    const started = performance.now();
    const loaded = await loadConversation(id);
    const elapsed = performance.now() - started;
    expect(loaded).to.have.length(1000);
    expect(loaded[999]).to.deep.equal(messages[999]);
    console.log(`restore of 1,000 messages: ${elapsed.toFixed(1)} ms`);
  });
});
