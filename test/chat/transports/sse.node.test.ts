import { test } from 'node:test';
import assert from 'node:assert/strict';
import { EventStreamParser, readEvents, type ServerSentEvent } from '../../../src/chat/transports/sse.js';

/** Every event of `chunks` fed one after another to one parser. */
function parse(chunks: readonly string[]): ServerSentEvent[] {
  const parser = new EventStreamParser();
  return chunks.flatMap((chunk) => parser.push(chunk));
}

/** The same text cut at every position into two chunks, and into one-character chunks. */
function everySplit(text: string): string[][] {
  const splits = [[text], [...text]];
  for (let at = 1; at < text.length; at++) splits.push([text.slice(0, at), text.slice(at)]);
  return splits;
}

test('events end at a blank line, with LF, CR or CRLF line ends, wherever the chunks are cut', () => {
  for (const end of ['\n', '\r', '\r\n']) {
    const text = `data: one${end}${end}data: two${end}${end}`;
    for (const chunks of everySplit(text)) {
      assert.deepEqual(parse(chunks), [{ data: 'one' }, { data: 'two' }], JSON.stringify(chunks));
    }
  }
});

test('a CRLF split across two chunks is one line end, not a blank line', () => {
  assert.deepEqual(parse(['data: a\r', '\ndata: b\r\n\r\n']), [{ data: 'a\nb' }]);
});

test('several data lines join with line breaks; event and id are kept; only one space after the colon goes', () => {
  assert.deepEqual(parse(['event: answer\nid: 7\ndata: first\ndata:  second\ndata\n\n']), [
    { data: 'first\n second\n', event: 'answer', id: '7' },
  ]);
});

test('comments, unknown fields and events without data are ignored; a byte-order mark at the start is dropped', () => {
  assert.deepEqual(parse(['\uFEFF: keep-alive\n\nretry: 10\nevent: x\n\nfoo: bar\ndata: {"a":1}\n\n']), [
    { data: '{"a":1}' },
  ]);
  assert.deepEqual(parse(['\uFEFF', 'data: x\n\n']), [{ data: 'x' }]);
  assert.deepEqual(parse(['data: \uFEFFx\n\n']), [{ data: '\uFEFFx' }], 'only the first character of the stream');
});

test('an unfinished event is not dispatched', () => {
  assert.deepEqual(parse(['data: a\n\ndata: b\n']), [{ data: 'a' }]);
});

test('splitting is linear: a 4 MB line in 4,096 chunks and 200,000 tiny events take well under a second', () => {
  const parser = new EventStreamParser();
  const started = performance.now();
  parser.push('data: ');
  const piece = 'x'.repeat(1024);
  for (let i = 0; i < 4096; i++) assert.equal(parser.push(piece).length, 0);
  const [long] = parser.push('\n\n');
  assert.equal(long?.data.length, 4096 * 1024);
  assert.equal(parse(['data: a\r\n\r\n'.repeat(200_000)]).length, 200_000);
  assert.ok(performance.now() - started < 1000, `${performance.now() - started} ms`);
});

test('readEvents decodes a body whose UTF-8 characters are split across reads', async () => {
  const bytes = new TextEncoder().encode('data: héllo 👋\r\n\r\ndata: [DONE]\n\n');
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const byte of bytes) controller.enqueue(new Uint8Array([byte]));
      controller.close();
    },
  });
  const events: ServerSentEvent[] = [];
  for await (const event of readEvents(new Response(body))) events.push(event);
  assert.deepEqual(events, [{ data: 'héllo 👋' }, { data: '[DONE]' }]);
});

test('readEvents stops reading and cancels the body when the signal aborts', async () => {
  let cancelled = false;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      controller.enqueue(new TextEncoder().encode('data: more\n\n'));
    },
    cancel() {
      cancelled = true;
    },
  });
  const abort = new AbortController();
  let count = 0;
  for await (const event of readEvents(new Response(body), abort.signal)) {
    assert.equal(event.data, 'more');
    if (++count === 3) abort.abort();
  }
  assert.equal(count, 3);
  assert.ok(cancelled);
});

test('readEvents yields nothing more once the signal aborts, even from the same read', async () => {
  const abort = new AbortController();
  const seen: string[] = [];
  for await (const event of readEvents(new Response('data: 1\n\ndata: 2\n\ndata: 3\n\n'), abort.signal)) {
    seen.push(event.data);
    abort.abort();
  }
  assert.deepEqual(seen, ['1']);
});
