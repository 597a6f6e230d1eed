import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createDelivery, type SpoolStore } from '../../src/tracker/delivery/delivery.js';
import { createSessionRequest } from '../../src/tracker/delivery/request.js';
import { createSubscribers } from '../../src/tracker/lib/subscribers.js';
import type { MoodEvent } from '../../src/mood/types.js';
import type { BatchInfo, DropReason, TrackerOptions, TrackerStats } from '../../src/tracker/types.js';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const click = (x: number): MoodEvent => ({ type: 'click', x, y: 1, ts: 1 });

interface Answer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * A fake SessionMood network: records every request and answers each from `answers` (the last one repeats;
 * status 0 is a network failure), so delivery runs against real Response objects.
 */
function fakeNetwork(answers: Answer[]) {
  const requests: { url: string; init?: RequestInit; at: number; events: MoodEvent[] }[] = [];
  const fetch = async (url: string, init?: RequestInit) => {
    const answer = answers.length > 1 ? answers.shift()! : answers[0]!;
    requests.push({ url, init, at: Date.now(), events: JSON.parse(String(init?.body ?? '{"events":[]}')).events });
    await sleep(1);
    if (!answer.status) throw new TypeError('Failed to fetch');
    return new Response(JSON.stringify(answer.body ?? {}), { status: answer.status, headers: answer.headers });
  };
  return { fetch, requests, sentX: () => requests.flatMap((r) => r.events.map((e) => e.x)) };
}

/** An in-memory stand-in for the IndexedDB spool that evaluates writes as IndexedDB would: later, lazily. */
function memoryStore(initial: Record<string, MoodEvent[]> = {}) {
  const data = new Map(Object.entries(initial));
  const writes: { id: string; count: number }[] = [];
  /** What a hide kept synchronously, per session (an empty keep clears it). */
  const kept = new Map<string, number>();
  const store: SpoolStore = {
    read: async (id) => data.get(id),
    write: (id, events) =>
      queueMicrotask(() => {
        const unsent = events();
        writes.push({ id, count: unsent.length });
        if (unsent[0]) data.set(id, unsent);
        else data.delete(id);
      }),
    keep: (id, events) => (events[0] ? kept.set(id, events.length) : kept.delete(id)),
  };
  return { store, data, writes, kept };
}

function setUp(options: TrackerOptions, answers: Answer[], initial?: Record<string, MoodEvent[]>) {
  const network = fakeNetwork(answers);
  const spool = memoryStore(initial);
  const stats = { detected: 0, sent: 0, spooled: 0, dropped: {}, requests: 0 } as TrackerStats;
  const batches: BatchInfo[] = [];
  const drops: [MoodEvent[], DropReason][] = [];
  const all: TrackerOptions = {
    apiKey: 'k',
    apiBase: 'https://mood.test/',
    fetch: network.fetch,
    onDrop: (events, reason) => drops.push([events, reason]),
    ...options,
  };
  const subscribers = createSubscribers();
  subscribers.on('batch', (info) => batches.push(info));
  const delivery = createDelivery(all, {
    request: createSessionRequest(all, stats, () => 's1'),
    sessionId: () => 's1',
    allowed: () => true,
    fire: subscribers.fire,
    heard: () => false,
    stats,
    store: spool.store,
  });
  return { delivery, network, spool, stats, batches, drops };
}

test('batches of maxBatch go in the next task, the rest after the interval, in order, one request in flight', async () => {
  const { delivery, network, stats } = setUp({ maxBatch: 3, flushIntervalMs: 30 }, [{ status: 200 }]);
  for (let x = 1; x <= 7; x++) delivery.add(click(x));
  assert.equal(network.requests.length, 0, 'not inside the call that filled the batch');
  await sleep(0);
  assert.equal(network.requests.length, 1, 'the first full batch is sent in the next task');
  await delivery.flush();
  assert.deepEqual(network.sentX(), [1, 2, 3, 4, 5, 6, 7]);
  assert.deepEqual(
    network.requests.map((r) => r.events.length),
    [3, 3, 1],
  );
  assert.equal(network.requests[0]!.url, 'https://mood.test/v1/sessions/s1/events');
  assert.equal(network.requests[0]!.init?.keepalive, true);
  assert.equal(stats.sent, 7);
  assert.equal(stats.requests, 3);
  delivery.add(click(8));
  await sleep(60);
  assert.deepEqual(network.sentX().slice(-1), [8], 'sent on its own after flushIntervalMs');
  delivery.stop();
});

test('a 5xx and a network failure are retried with backoff; the failed batch is spooled', async () => {
  const { delivery, network, spool, batches } = setUp({ flushIntervalMs: 10, retryBaseMs: 20, retryMaxMs: 40 }, [
    { status: 503 },
    { status: 0 },
    { status: 200 },
  ]);
  delivery.add(click(1));
  await sleep(150);
  assert.deepEqual(
    batches.map((b) => b.status),
    [503, 'network_error', 200],
  );
  assert.deepEqual(network.sentX(), [1, 1, 1], 'the same event each time');
  const gaps = network.requests.slice(1).map((r, i) => r.at - network.requests[i]!.at);
  assert.ok(
    gaps.every((gap) => gap >= 9),
    `waits between retries: ${gaps}`,
  );
  assert.ok(
    spool.writes.some((w) => w.count === 1),
    'the failed batch was written to the spool',
  );
  assert.equal(spool.data.get('s1'), undefined, 'and removed once accepted');
  delivery.stop();
});

test('a 429 waits for its Retry-After, even when new events arrive meanwhile', async () => {
  const { delivery, network } = setUp({ flushIntervalMs: 5, retryBaseMs: 1 }, [
    { status: 429, headers: { 'Retry-After': '0.2' } },
    { status: 200 },
  ]);
  delivery.add(click(1));
  await sleep(20);
  delivery.add(click(2));
  await sleep(50);
  assert.equal(network.requests.length, 1, 'nothing sent during the wait');
  await sleep(250);
  assert.equal(network.requests.length, 2);
  assert.ok(network.requests[1]!.at - network.requests[0]!.at >= 195, 'waited Retry-After');
  assert.deepEqual(
    network.requests[1]!.events.map((e) => e.x),
    [1, 2],
  );
  delivery.stop();
});

test('a 401 stops sending and keeps the events; the warning is given once', async () => {
  const warnings: unknown[] = [];
  const warn = console.warn;
  console.warn = (message: unknown) => warnings.push(message);
  try {
    const { delivery, network } = setUp({ flushIntervalMs: 5 }, [{ status: 401 }]);
    delivery.add(click(1));
    await delivery.flush();
    delivery.add(click(2));
    await delivery.flush();
    await sleep(30);
    assert.equal(network.requests.length, 1);
    assert.deepEqual(
      delivery.pending().map((e) => e.x),
      [1, 2],
    );
    assert.deepEqual(warnings, ['Mooni: API key refused']);
    delivery.stop();
  } finally {
    console.warn = warn;
  }
});

test('a 400 naming invalid types drops only those and sends the rest again; another 4xx drops the batch', async () => {
  const { delivery, network, drops } = setUp({ flushIntervalMs: 600000 }, [
    { status: 400, body: { invalid: ['hover'] } },
    { status: 200 },
  ]);
  delivery.add(click(1));
  delivery.add({ type: 'hover', duration_ms: 3000, ts: 1 });
  delivery.add(click(2));
  await delivery.flush();
  assert.deepEqual(
    drops.map(([events, reason]) => [events.map((e) => e.type), reason]),
    [[['hover'], 'invalid']],
  );
  assert.deepEqual(
    network.requests[1]!.events.map((e) => e.x),
    [1, 2],
  );

  const rejected = setUp({ flushIntervalMs: 600000 }, [{ status: 422 }]);
  rejected.delivery.add(click(3));
  await rejected.delivery.flush();
  assert.deepEqual(
    rejected.drops.map(([events, reason]) => [events.length, reason]),
    [[1, 'rejected']],
  );
  assert.equal(rejected.delivery.pending().length, 0);
  delivery.stop();
  rejected.delivery.stop();
});

test('past spoolCap the oldest events are dropped', () => {
  const { delivery, drops } = setUp({ spoolCap: 2, flushIntervalMs: 600000, maxBatch: 50 }, [{ status: 0 }]);
  for (let x = 1; x <= 4; x++) delivery.add(click(x));
  assert.deepEqual(
    drops.map(([events, reason]) => [events[0]!.x, reason]),
    [
      [1, 'spool_cap'],
      [2, 'spool_cap'],
    ],
  );
  assert.deepEqual(
    delivery.pending().map((e) => e.x),
    [3, 4],
  );
  delivery.stop();
});

test('write-behind: a burst of events is written once per interval, not once per event', async () => {
  const { delivery, spool } = setUp({ flushIntervalMs: 40 }, [{ status: 0 }]);
  for (let x = 1; x <= 100; x++) delivery.add(click(x)); // two full batches go in the next tasks and fail
  await sleep(5);
  const afterBurst = spool.writes.length;
  assert.ok(afterBurst <= 2, `at most one write per failed send during the burst, saw ${afterBurst}`);
  delivery.stop(); // stopping writes what is unsent
  await sleep(1);
  assert.equal(spool.data.get('s1')?.length, 100);
});

test('leaving the page keeps everything unsent synchronously, writes the spool and sends with keepalive', async () => {
  const { delivery, spool, network } = setUp({ flushIntervalMs: 600000 }, [{ status: 0 }]);
  for (let x = 1; x <= 3; x++) delivery.add(click(x));
  delivery.leave();
  assert.equal(spool.kept.get('s1'), 3, 'kept before leave() returns');
  assert.equal(network.requests.length, 1);
  await sleep(5);
  assert.equal(spool.data.get('s1')?.length, 3);
  delivery.add(click(4));
  delivery.stop();
  assert.equal(spool.kept.has('s1'), false, 'a later write supersedes what the hide kept');
  await sleep(1);
  assert.equal(spool.data.get('s1')?.length, 4);
});

test('resume sends what an earlier page left first; discard drops all and empties the spool', async () => {
  const { delivery, network, spool, drops } = setUp({ flushIntervalMs: 600000 }, [{ status: 200 }], {
    s1: [click(1), click(2)],
  });
  delivery.add(click(3));
  await delivery.resume();
  await delivery.flush();
  assert.deepEqual(network.sentX(), [1, 2, 3]);
  delivery.add(click(4));
  delivery.discard('forget');
  assert.deepEqual(
    drops.map(([events, reason]) => [events.map((e) => e.x), reason]),
    [[[4], 'forget']],
  );
  await sleep(1);
  assert.equal(spool.data.get('s1'), undefined);
  delivery.stop();
});
