import { expect } from '@open-wc/testing';
import { ChatHttpError, type StreamEvent } from '../../../src/chat/model.js';
import { createMindExpressionTransport } from '../../../src/chat/transports/index.js';
import { collect, setFaults, texts } from './helpers.js';

const create = (authKey = 'me_demo_key') =>
  createMindExpressionTransport({
    engineUrl: location.origin,
    authKey,
    developerId: 'demo-dev',
    scopeId: `scope-${crypto.randomUUID()}`,
  });
const kinds = (events: StreamEvent[]) =>
  events.map((e) => (e.kind === 'template' ? `template:${e.template.type}` : e.kind));

describe('Mind Expression transport against the mock gateway over HTTP', () => {
  afterEach(() => setFaults(null));

  it('handshakes (202), keeps the conversation id, answers hello with text (200)', async () => {
    const t = create();
    expect(t.conversationId).to.equal(undefined);
    const { events, error } = await collect(t, 'hello');
    expect(error).to.equal(undefined);
    expect(t.conversationId).to.match(/^[0-9a-f-]{36}$/);
    expect(kinds(events)).to.include('text');
    expect(texts(events)).to.not.equal('');
    const id = t.conversationId;
    await collect(t, 'hello');
    expect(t.conversationId).to.equal(id, 'the same conversation continues');
  });

  it('handshake() gives the greeting of a new conversation', async () => {
    const t = create();
    expect(await t.handshake()).to.equal('Hello, how may I help you?');
    expect(t.conversationId).to.be.a('string');
  });

  it('how are you → a quick reply template; products → a card list with safe links', async () => {
    const t = create();
    const quick = await collect(t, 'how are you');
    const qr = quick.events.find((e) => e.kind === 'template');
    expect(qr?.kind === 'template' && qr.template.type).to.equal('quick_reply');
    if (qr?.kind === 'template' && qr.template.type === 'quick_reply') {
      expect(qr.template.replies.map((r) => r.label)).to.deep.equal(['Good', 'Not good']);
    }
    const products = await collect(t, 'products');
    const card = products.events.find((e) => e.kind === 'template');
    expect(card?.kind === 'template' && card.template.type).to.equal('card');
    if (card?.kind === 'template' && card.template.type === 'card') {
      expect(card.template.cards.length).to.be.greaterThan(1);
      for (const b of card.template.cards.flatMap((c) => c.buttons))
        if (b.type === 'link') expect(b.url).to.match(/^https:\/\//);
    }
  });

  it('204: an out-of-scope status and the fallback as text', async () => {
    const { events, error } = await collect(create(), 'tell me about quantum chromodynamics');
    expect(error).to.equal(undefined);
    expect(events[0]).to.deep.equal({ kind: 'status', status: 'out_of_scope', level: 'warning' });
    expect(texts(events)).to.include('did not understand');
  });

  it('220: templates, then terminated; the next question starts a new conversation', async () => {
    const t = create();
    await collect(t, 'hello');
    const first = t.conversationId;
    const bye = await collect(t, 'bye');
    expect(kinds(bye.events)).to.include('terminated');
    expect(kinds(bye.events).indexOf('text')).to.be.lessThan(kinds(bye.events).indexOf('terminated'));
    expect(texts(bye.events)).to.include('Goodbye');
    expect(t.conversationId).to.equal(undefined);
    await collect(t, 'hello');
    expect(t.conversationId).to.be.a('string').and.not.equal(first);
  });

  it('reset() starts a new conversation on the next question', async () => {
    const t = create();
    await collect(t, 'hello');
    const first = t.conversationId;
    t.reset();
    await collect(t, 'hello');
    expect(t.conversationId).to.be.a('string').and.not.equal(first);
  });

  it('an empty question is refused before any request (no 210 round trip)', async () => {
    const { error } = await collect(create(), '  ');
    expect(error).to.be.instanceOf(ChatHttpError);
    expect((error as ChatHttpError).code).to.equal('missing_query');
  });

  it('a bad auth key is a 401; a gateway fault maps to its status', async () => {
    const { error } = await collect(create('me_wrong'), 'hello');
    expect((error as ChatHttpError).status).to.equal(401);
    const t = create();
    await collect(t, 'hello');
    await setFaults({ gateway: { status: 429, retryAfterSec: 2, count: 1 } });
    const limited = (await collect(t, 'hello')).error as ChatHttpError;
    expect(limited.status).to.equal(429);
    expect(limited.retryAfterMs).to.equal(2000);
  });
});
