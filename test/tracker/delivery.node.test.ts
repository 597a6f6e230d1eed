import { test } from 'node:test';
import assert from 'node:assert/strict';
import { backoff, retryAfterMs } from '../../src/tracker/lib/retry.js';
import { takeBatch } from '../../src/tracker/lib/batch.js';
import type { MoodEvent } from '../../src/mood/types.js';

test('backoff doubles per attempt between half and all of the step, capped', () => {
  assert.equal(backoff(0, 1000, 60000, 0), 500);
  assert.equal(backoff(0, 1000, 60000, 1), 1000);
  assert.equal(backoff(3, 1000, 60000, 1), 8000);
  assert.equal(backoff(3, 1000, 60000, 0), 4000);
  assert.equal(backoff(20, 1000, 60000, 1), 60000);
  assert.equal(backoff(20, 1000, 60000, 0), 30000);
  for (let a = 0; a < 10; a++) {
    const d = backoff(a, 100, 5000);
    assert.ok(d >= Math.min(5000, 100 * 2 ** a) / 2 && d <= Math.min(5000, 100 * 2 ** a));
  }
});

test('429 wait: Retry-After seconds, Retry-After date, reset_at, nothing', () => {
  const now = Date.parse('2026-11-22T08:00:00Z');
  assert.equal(retryAfterMs('2', undefined, now), 2000);
  assert.equal(retryAfterMs('0', undefined, now), 0);
  assert.equal(retryAfterMs('Sun, 22 Nov 2026 08:00:30 GMT', undefined, now), 30000);
  assert.equal(retryAfterMs(null, '2026-11-22T08:01:00.000Z', now), 60000);
  assert.equal(retryAfterMs(null, '2026-11-22T07:00:00.000Z', now), 0, 'a reset in the past means now');
  assert.equal(retryAfterMs('3', '2026-12-01T00:00:00.000Z', now), 3000, 'the header wins');
  assert.equal(retryAfterMs(null, undefined, now), undefined);
  assert.equal(retryAfterMs('soon', 'later', now), undefined);
});

const ev = (i: number, message = ''): MoodEvent => ({ type: 'error', message: message || `e${i}`, ts: 1 });

const body = (q: MoodEvent[]) => Buffer.byteLength(JSON.stringify({ events: q }));

test('a batch takes at most max events', () => {
  const q = Array.from({ length: 120 }, (_, i) => ev(i));
  assert.equal(takeBatch(q, 50, 65536), 50);
  assert.equal(takeBatch(q.slice(0, 7), 50, 65536), 7);
  assert.equal(takeBatch([], 50, 65536), 0);
});

test('the budget is counted in exact UTF-8 bytes of the JSON body', () => {
  const q = [ev(0, 'plain'), ev(1, 'Ünïcödé ✓ 🙂'), ev(2, 'x')];
  assert.equal(takeBatch(q, 50, body(q)), 3, 'a body of exactly the budget fits');
  assert.equal(takeBatch(q, 50, body(q) - 1), 2, 'one byte less does not');
  assert.equal(takeBatch(q, 50, body(q.slice(0, 2))), 2);
});

test('a batch stops before the byte budget (keepalive in-flight limit)', () => {
  const big = 'é'.repeat(512); // 1,024 bytes of message each
  const q = Array.from({ length: 50 }, (_, i) => ev(i, big));
  const n = takeBatch(q, 50, 32768);
  assert.ok(n > 0 && n < 50);
  assert.ok(body(q.slice(0, n)) <= 32768);
  assert.ok(body(q.slice(0, n + 1)) > 32768, 'one more would not fit');
  assert.equal(takeBatch(q, 50, 100), 0, 'nothing fits a budget smaller than one event');
});
