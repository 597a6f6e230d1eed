import { test } from 'node:test';
import assert from 'node:assert/strict';
import { retryAfterMs, toStreamEvent } from '../../../src/chat/transports/index.js';

test('maps every 001 event type', () => {
  assert.deepEqual(toStreamEvent('{"type":"status","status":"searching","level":"loading"}'), {
    kind: 'status',
    status: 'searching',
    level: 'loading',
  });
  assert.deepEqual(toStreamEvent('{"type":"status","status":"out_of_scope","level":"warning"}'), {
    kind: 'status',
    status: 'out_of_scope',
    level: 'warning',
  });
  assert.deepEqual(toStreamEvent('{"type":"text","content":"To reset your password, "}'), {
    kind: 'text',
    content: 'To reset your password, ',
  });
  assert.deepEqual(toStreamEvent('{"type":"faq","results":[{"id":"faq_1","title":"Password recovery"}]}'), {
    kind: 'faq',
    results: [{ id: 'faq_1', title: 'Password recovery' }],
  });
  assert.deepEqual(toStreamEvent('{"type":"error","message":"search_failed"}'), {
    kind: 'error',
    message: 'search_failed',
  });
  assert.deepEqual(toStreamEvent('{"type":"status","status":"done","level":"success"}'), {
    kind: 'status',
    status: 'done',
    level: 'success',
  });
});

test('maps the template extension through the 002 normaliser', () => {
  assert.deepEqual(
    toStreamEvent(JSON.stringify({ type: 'template', template: { 'template-type': 'code', template: 'npm i' } })),
    {
      kind: 'template',
      template: { type: 'code', code: 'npm i' },
    },
  );
  assert.deepEqual(
    toStreamEvent(
      JSON.stringify({
        type: 'template',
        template: { 'template-type': 'image', 'image-url': 'javascript:x', template: 'A map' },
      }),
    ),
    { kind: 'template', template: { type: 'text', text: 'A map' } },
  );
  assert.equal(
    toStreamEvent(JSON.stringify({ type: 'template', template: { 'template-type': 'hologram' } })),
    undefined,
  );
});

test('ignores what a client does not know or cannot parse', () => {
  for (const data of [
    '',
    'not json',
    '{"type":',
    '[DONE',
    'null',
    '42',
    '"text"',
    '[]',
    '{}',
    '{"type":"typing"}',
    '{"type":"TEXT","content":"x"}',
    '{"type":"text"}',
    '{"type":"text","content":42}',
    '{"type":"text","content":""}',
    '{"type":"status"}',
    '{"type":"template"}',
  ]) {
    assert.equal(toStreamEvent(data), undefined, data);
  }
});

test('faq results are cleaned: titles required, ids stringified, capped', () => {
  const results = [
    { id: 7, title: ' Seven ' },
    { title: 'No id' },
    { id: 'x' },
    null,
    'str',
    { id: 'y', title: '' },
    ...Array.from({ length: 30 }, (_, i) => ({ id: `f${i}`, title: `F${i}` })),
  ];
  const event = toStreamEvent(JSON.stringify({ type: 'faq', results }));
  assert.ok(event?.kind === 'faq');
  assert.deepEqual(event.results.slice(0, 3), [
    { id: '7', title: 'Seven' },
    { id: 'No id', title: 'No id' },
    { id: 'f0', title: 'F0' },
  ]);
  assert.equal(event.results.length, 12);
  assert.deepEqual(toStreamEvent('{"type":"faq","results":"nope"}'), { kind: 'faq', results: [] });
});

test('an error event without a message still reports an error', () => {
  assert.deepEqual(toStreamEvent('{"type":"error"}'), { kind: 'error', message: 'unknown_error' });
});

test('retry-after: seconds or an HTTP date', () => {
  assert.equal(retryAfterMs(null), undefined);
  assert.equal(retryAfterMs('7'), 7000);
  assert.equal(retryAfterMs(' 1.5 '), 1500);
  const now = Date.parse('2026-01-01T00:00:00Z');
  assert.equal(retryAfterMs('Thu, 01 Jan 2026 00:00:30 GMT', now), 30_000);
  assert.equal(retryAfterMs('Wed, 31 Dec 2025 00:00:00 GMT', now), 0);
  assert.equal(retryAfterMs('soon'), undefined);
});
