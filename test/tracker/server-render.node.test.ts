import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createTracker } from '../../src/tracker.js';

test('createTracker() during a server render returns an inert tracker: nothing thrown, sent or stored', async () => {
  assert.equal(typeof (globalThis as { document?: unknown }).document, 'undefined');
  let requests = 0;
  const fetch = async () => {
    requests++;
    return new Response('{}');
  };
  const tracker = createTracker({ apiKey: 'sm_demo_key', apiBase: 'https://mood.example.com', fetch });
  const events: unknown[] = [];
  const unsubscribe = tracker.on('event', (event) => events.push(event));
  tracker.track({ type: 'click', x: 1, y: 2 });
  tracker.error('server-side error');
  await tracker.flush();
  await tracker.feedback({ action_taken: 'show_live_chat', was_helpful: true });
  tracker.consent(true);
  await tracker.forget();
  tracker.stop();
  unsubscribe();
  assert.equal(typeof tracker.sessionId, 'string');
  assert.equal(tracker.mood, undefined);
  assert.deepEqual(events, []);
  assert.equal(requests, 0);
  assert.equal(tracker.stats.detected, 0);
});
