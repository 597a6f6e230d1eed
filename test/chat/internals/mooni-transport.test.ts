import { expect } from '@open-wc/testing';
import { ChatHttpError, StreamCutError, type StreamEvent, type Template } from '../../../src/chat/model.js';
import { createMooniTransport } from '../../../src/chat/transports/index.js';
import { fetchRemoteSessions } from '../../../src/chat/history/index.js';
import { DEMO_QUERIES } from '../../../src/mock/demo-queries.js';
import { TENANT } from '../../../src/mock/faq/data.js';
import { collect, context, setFaults, texts } from './helpers.js';

const apiKey = 'mooni_demo_key';
const transport = () => createMooniTransport({ apiBase: location.origin, apiKey });
const kinds = (events: StreamEvent[]) => events.map((e) => (e.kind === 'status' ? `status:${e.status}` : e.kind));
const templatesOf = (events: StreamEvent[]): Template[] =>
  events.flatMap((e) => (e.kind === 'template' ? [e.template] : []));

describe('Mooni transport against the mock over HTTP', () => {
  afterEach(() => setFaults(null));

  it('config() reads the tenant name; a bad key is a 401', async () => {
    expect(await transport().config!(new AbortController().signal)).to.deep.equal({ name: TENANT.name });
    const bad = createMooniTransport({ apiBase: location.origin, apiKey: 'mooni_wrong' });
    let error: unknown;
    await bad.config!(new AbortController().signal).catch((e) => (error = e));
    expect(error).to.be.instanceOf(ChatHttpError);
    expect((error as ChatHttpError).status).to.equal(401);
  });

  it('streams an answer in several chunks, then related FAQs and done', async () => {
    const { events, error } = await collect(transport(), DEMO_QUERIES.answer);
    expect(error).to.equal(undefined);
    const k = kinds(events);
    expect(k[0]).to.equal('status:searching');
    expect(k.at(-1)).to.equal('status:done');
    expect(k.filter((x) => x === 'text').length).to.be.greaterThan(2);
    expect(texts(events).toLowerCase()).to.include('ship');
    const faq = events.find((e) => e.kind === 'faq');
    expect(faq?.kind === 'faq' && faq.results.length).to.be.greaterThan(0);
    if (faq?.kind === 'faq') for (const r of faq.results) expect(r.id).to.be.a('string').and.not.equal('');
  });

  it('a Markdown answer arrives as Markdown text', async () => {
    const answer = texts((await collect(transport(), DEMO_QUERIES.markdown)).events);
    expect(answer).to.match(/\*\*[^*]+\*\*/);
    expect(answer).to.match(/^\s*1\. /m);
    expect(answer).to.include('https://');
  });

  it('template events are normalised: quick reply, card, image, code', async () => {
    const quick = templatesOf((await collect(transport(), DEMO_QUERIES.quickReply)).events);
    expect(quick.map((t) => t.type)).to.include('quick_reply');
    const qr = quick.find((t) => t.type === 'quick_reply')!;
    expect(qr.type === 'quick_reply' && qr.replies.length).to.be.greaterThan(1);

    const cards = templatesOf((await collect(transport(), DEMO_QUERIES.card)).events).find((t) => t.type === 'card');
    expect(cards?.type === 'card' && cards.cards.length).to.equal(2);
    if (cards?.type === 'card') {
      const buttons = cards.cards.flatMap((c) => c.buttons);
      expect(buttons.some((b) => b.type === 'link' && /^https:\/\//.test(b.url!))).to.equal(true);
      expect(buttons.some((b) => b.type === 'message' && !!b.message)).to.equal(true);
    }

    const image = templatesOf((await collect(transport(), DEMO_QUERIES.image)).events).find((t) => t.type === 'image');
    expect(image?.type === 'image' && image.url).to.match(/^https?:\/\//);

    const code = templatesOf((await collect(transport(), DEMO_QUERIES.code)).events).find((t) => t.type === 'code');
    expect(code?.type === 'code' && code.code).to.include('<');
  });

  it('out of scope: a warning status and a short text, and organisation filtering', async () => {
    const { events } = await collect(transport(), DEMO_QUERIES.outOfScope);
    expect(events).to.deep.include({ kind: 'status', status: 'out_of_scope', level: 'warning' });
    expect(texts(events)).to.not.equal('');
    const school = await collect(transport(), DEMO_QUERIES.schoolOnly, context({ organizationId: 'school' }));
    expect(kinds(school.events)).to.not.include('status:out_of_scope');
    const shop = await collect(transport(), DEMO_QUERIES.schoolOnly, context({ organizationId: 'shop' }));
    expect(kinds(shop.events)).to.include('status:out_of_scope');
  });

  it('an error event is yielded and the stream still ends cleanly at [DONE]', async () => {
    await setFaults({ chat: { errorEvent: true, count: 1 } });
    const { events, error } = await collect(transport(), DEMO_QUERIES.answer);
    expect(error).to.equal(undefined);
    expect(events).to.deep.include({ kind: 'error', message: 'search_failed' });
    expect(texts(events)).to.not.equal('');
  });

  const cuts: [string, (events: StreamEvent[]) => void][] = [
    ['before_status', (events) => expect(events).to.deep.equal([])],
    ['after_status', (events) => expect(kinds(events)).to.deep.equal(['status:searching'])],
    [
      'mid_text',
      (events) => {
        expect(kinds(events)).to.not.include('faq');
        expect(texts(events)).to.not.equal('');
      },
    ],
    [
      'after_faq',
      (events) => {
        expect(kinds(events)).to.include('faq');
        expect(kinds(events)).to.not.include('status:done');
      },
    ],
    ['before_done', (events) => expect(kinds(events).at(-1)).to.equal('status:done')],
  ];
  for (const [cutAt, check] of cuts) {
    it(`a stream cut ${cutAt} throws StreamCutError after yielding what arrived`, async () => {
      await setFaults({ chat: { cutAt, count: 1 } });
      const { events, error } = await collect(transport(), DEMO_QUERIES.answer);
      expect(error).to.be.instanceOf(StreamCutError);
      expect((error as StreamCutError).eventsReceived).to.equal(events.length);
      check(events);
    });
  }

  it('maps 400 (empty, too long), 401 (bad key) and 429 (with retry-after) to ChatHttpError', async () => {
    const fail = async (query: string, t = transport()) => (await collect(t, query)).error as ChatHttpError;
    const empty = await fail('   ');
    expect([empty.status, empty.code]).to.deep.equal([400, 'missing_query']);
    const long = await fail('x'.repeat(501));
    expect([long.status, long.code]).to.deep.equal([400, 'query_too_long']);
    const unauthorized = await fail('hi', createMooniTransport({ apiBase: location.origin, apiKey: 'mooni_wrong' }));
    expect(unauthorized).to.be.instanceOf(ChatHttpError);
    expect(unauthorized.status).to.equal(401);
    await setFaults({ chat: { status: 429, retryAfterSec: 7, count: 1 } });
    const limited = await fail(DEMO_QUERIES.answer);
    expect(limited.status).to.equal(429);
    expect(limited.retryAfterMs).to.equal(7000);
  });

  it('a dropped connection is a TypeError (offline)', async () => {
    await setFaults({ chat: { drop: true, count: 1 } });
    expect((await collect(transport(), DEMO_QUERIES.answer)).error).to.be.instanceOf(TypeError);
  });

  it('aborting mid-stream stops with an AbortError and keeps what arrived', async () => {
    const abort = new AbortController();
    const seen: StreamEvent[] = [];
    let error: unknown;
    try {
      for await (const event of transport().send(DEMO_QUERIES.answer, context({ signal: abort.signal }))) {
        seen.push(event);
        if (event.kind === 'text') abort.abort();
      }
    } catch (e) {
      error = e;
    }
    expect((error as DOMException).name).to.equal('AbortError');
    expect(kinds(seen)).to.deep.equal(['status:searching', 'text']);
  });

  it('an abort before sending never reaches the server', async () => {
    const abort = new AbortController();
    abort.abort();
    const { error, events } = await collect(transport(), DEMO_QUERIES.answer, context({ signal: abort.signal }));
    expect((error as DOMException).name).to.equal('AbortError');
    expect(events).to.deep.equal([]);
  });

  it('fetchRemoteSessions lists the sessions the server recorded for a user', async () => {
    const userId = `user-${crypto.randomUUID()}@example.com`;
    const sessionId = `internals-${crypto.randomUUID()}`;
    await collect(transport(), DEMO_QUERIES.answer, context({ sessionId, userId }));
    const items = await fetchRemoteSessions({ apiBase: location.origin, apiKey, userId });
    expect(items.map((i) => (i as { sessionId: string }).sessionId)).to.include(sessionId);
    expect(
      await fetchRemoteSessions({ apiBase: location.origin, apiKey, userId: `nobody-${crypto.randomUUID()}` }),
    ).to.deep.equal([]);
    let error: unknown;
    await fetchRemoteSessions({ apiBase: location.origin, apiKey: 'mooni_wrong', userId }).catch((e) => (error = e));
    expect((error as ChatHttpError).status).to.equal(401);
  });
});
