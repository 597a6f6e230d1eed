import { expect } from '@open-wc/testing';
import { ChatHttpError, StreamCutError } from '../../../src/chat/model.js';
import { createMooniTransport } from '../../../src/chat/transports/index.js';
import { bodyOf, collect, context, fakeFetch, texts } from './helpers.js';

const transportFor = (chunks: (string | Uint8Array)[]) =>
  createMooniTransport({ apiBase: 'https://api.example.test', apiKey: 'k', fetch: fakeFetch(() => bodyOf(chunks)) });

const line = (json: unknown) => `data: ${JSON.stringify(json)}\n\n`;

describe('Mooni transport: hostile SSE framing (fake server bodies)', () => {
  it('CRLF framing, split at every possible place', async () => {
    const body = ['{"type":"text","content":"Hello "}', '{"type":"text","content":"world"}', '[DONE]']
      .map((d) => `data: ${d}\r\n\r\n`)
      .join('');
    for (let cut = 1; cut < body.length; cut += 3) {
      const { events, error } = await collect(transportFor([body.slice(0, cut), body.slice(cut)]), 'q');
      expect(error, `cut at ${cut}`).to.equal(undefined);
      expect(texts(events)).to.equal('Hello world');
    }
  });

  it('bare-CR framing', async () => {
    const { events, error } = await collect(
      transportFor([
        'data: {"type":"text","content":"a"}\r\rdata: {"type":"text","content":"b"}\r\r',
        'data: [DONE]\r\r',
      ]),
      'q',
    );
    expect(error).to.equal(undefined);
    expect(texts(events)).to.equal('ab');
  });

  it('comments, other fields, unknown and unparsable events are skipped', async () => {
    const { events, error } = await collect(
      transportFor([
        ': keep-alive comment\n\n',
        'event: ping\nid: 5\nretry: 1000\n\n',
        'data: {"type":"typing"}\n\n',
        'data: not json at all\n\n',
        'data: {"type":"text","content":\n\n',
        'data\n\n',
        line({ type: 'status', status: 'searching', level: 'loading' }),
        line({ type: 'text', content: 'ok' }),
        line({ type: 'mystery', content: 'x' }),
        'data: [DONE]\n\n',
      ]),
      'q',
    );
    expect(error).to.equal(undefined);
    expect(events).to.deep.equal([
      { kind: 'status', status: 'searching', level: 'loading' },
      { kind: 'text', content: 'ok' },
    ]);
  });

  it('multi-byte UTF-8 split across chunks, and invalid bytes, decode without breaking the stream', async () => {
    const bytes = new TextEncoder().encode(line({ type: 'text', content: 'héllo 😀 世界' }) + 'data: [DONE]\n\n');
    const chunks = Array.from(bytes, (b) => new Uint8Array([b]));
    const oneByOne = await collect(transportFor(chunks), 'q');
    expect(oneByOne.error).to.equal(undefined);
    expect(texts(oneByOne.events)).to.equal('héllo 😀 世界');

    const invalid = new Uint8Array([
      ...new TextEncoder().encode('data: {"type":"text","content":"a'),
      0xff,
      0xc3,
      ...new TextEncoder().encode('b"}\n\n'),
    ]);
    const bad = await collect(
      transportFor([invalid, 'data: {"type":"text","content":"c"}\n\n', 'data: [DONE]\n\n']),
      'q',
    );
    expect(bad.error).to.equal(undefined);
    expect(texts(bad.events)).to.equal('a\ufffd\ufffdbc');
  });

  it('a stream ending without [DONE] yields what arrived, then throws StreamCutError', async () => {
    const { events, error } = await collect(
      transportFor([line({ type: 'text', content: 'partial ' }), line({ type: 'text', content: 'answer' })]),
      'q',
    );
    expect(texts(events)).to.equal('partial answer');
    expect(error).to.be.instanceOf(StreamCutError);
    expect((error as StreamCutError).name).to.equal('StreamCutError');
    expect((error as StreamCutError).eventsReceived).to.equal(2);
  });

  it('a [DONE] without its blank line is not a complete event: the stream counts as cut', async () => {
    const { events, error } = await collect(transportFor([line({ type: 'text', content: 'x' }), 'data: [DONE]']), 'q');
    expect(texts(events)).to.equal('x');
    expect(error).to.be.instanceOf(StreamCutError);
  });

  it('an empty body is a cut stream; events after [DONE] are ignored', async () => {
    expect((await collect(transportFor([]), 'q')).error).to.be.instanceOf(StreamCutError);
    const after = await collect(
      transportFor([line({ type: 'text', content: 'a' }), 'data: [DONE]\n\n', line({ type: 'text', content: 'late' })]),
      'q',
    );
    expect(after.error).to.equal(undefined);
    expect(texts(after.events)).to.equal('a');
  });

  it('multi-line data fields are joined', async () => {
    const { events } = await collect(
      transportFor(['data: {"type":"text",\ndata: "content":"joined"}\n\n', 'data: [DONE]\n\n']),
      'q',
    );
    expect(texts(events)).to.equal('joined');
  });

  it('sends the documented request: POST /chat, JSON body, api key header', async () => {
    const fetch = fakeFetch(() => bodyOf(['data: [DONE]\n\n']));
    const t = createMooniTransport({ apiBase: 'https://api.example.test/', apiKey: 'mooni_k', fetch });
    await collect(t, 'How?', context({ sessionId: 's1', userId: 'u@example.com', organizationId: 'school-a' }));
    await collect(t, 'Anon', context({ sessionId: 's2' }));
    const [first, second] = fetch.requests;
    expect(first!.url).to.equal('https://api.example.test/chat');
    expect(first!.method).to.equal('POST');
    expect(first!.headers.get('mooni-api-key')).to.equal('mooni_k');
    expect(first!.headers.get('content-type')).to.equal('application/json');
    expect(await first!.json()).to.deep.equal({
      query: 'How?',
      sessionId: 's1',
      userId: 'u@example.com',
      organizationId: 'school-a',
    });
    expect(await second!.json()).to.deep.equal({ query: 'Anon', sessionId: 's2' });
  });

  it('uses the global fetch, unbound, when none is given', async () => {
    const original = globalThis.fetch;
    let calls = 0;
    globalThis.fetch = function (this: unknown) {
      calls++;
      if (this !== undefined && this !== globalThis) throw new TypeError('Illegal invocation');
      return Promise.resolve(bodyOf(['data: [DONE]\n\n']));
    } as typeof fetch;
    try {
      const { error } = await collect(createMooniTransport({ apiBase: '', apiKey: 'k' }), 'q');
      expect(error).to.equal(undefined);
      expect(calls).to.equal(1);
    } finally {
      globalThis.fetch = original;
    }
  });

  it('calls a real fetch passed as an option without "Illegal invocation"', async () => {
    const t = createMooniTransport({ apiBase: location.origin, apiKey: 'k', fetch: window.fetch });
    const { error } = await collect(t, 'q');
    expect(error).to.be.instanceOf(ChatHttpError);
  });

  it('maps non-2xx answers to ChatHttpError with code and retry-after', async () => {
    const fetch = fakeFetch(
      () => new Response(JSON.stringify({ error: 'rate_limited' }), { status: 429, headers: { 'retry-after': '3' } }),
    );
    const { error } = await collect(createMooniTransport({ apiBase: '', apiKey: 'k', fetch }), 'q');
    expect(error).to.be.instanceOf(ChatHttpError);
    expect((error as ChatHttpError).status).to.equal(429);
    expect((error as ChatHttpError).code).to.equal('rate_limited');
    expect((error as ChatHttpError).retryAfterMs).to.equal(3000);
    const html = fakeFetch(() => new Response('<html>Bad gateway</html>', { status: 502 }));
    const { error: e2 } = await collect(createMooniTransport({ apiBase: '', apiKey: 'k', fetch: html }), 'q');
    expect((e2 as ChatHttpError).status).to.equal(502);
    expect((e2 as ChatHttpError).code).to.equal(undefined);
  });

  it('a network failure surfaces as the TypeError fetch threw', async () => {
    const fetch = fakeFetch(() => Promise.reject(new TypeError('Failed to fetch')));
    const { error } = await collect(createMooniTransport({ apiBase: '', apiKey: 'k', fetch }), 'q');
    expect(error).to.be.instanceOf(TypeError);
  });

  it('aborting between chunks ends with an AbortError, keeping what arrived', async () => {
    const encoder = new TextEncoder();
    let push!: (s: string) => void;
    const stream = new ReadableStream<Uint8Array>({ start: (c) => void (push = (s) => c.enqueue(encoder.encode(s))) });
    const fetch = fakeFetch(() => new Response(stream));
    const abort = new AbortController();
    const t = createMooniTransport({ apiBase: '', apiKey: 'k', fetch });
    const seen: string[] = [];
    push(line({ type: 'text', content: 'first' }));
    let error: unknown;
    try {
      for await (const e of t.send('q', context({ signal: abort.signal }))) {
        if (e.kind === 'text') seen.push(e.content);
        abort.abort();
        push(line({ type: 'text', content: 'second' }));
      }
    } catch (e) {
      error = e;
    }
    expect(seen).to.deep.equal(['first']);
    expect((error as DOMException).name).to.equal('AbortError');
  });
});
