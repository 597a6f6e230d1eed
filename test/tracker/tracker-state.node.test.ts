import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createSessionRequest } from '../../src/tracker/delivery/request.js';
import { createLocalScoring } from '../../src/tracker/lib/local-scoring.js';
import { createMood } from '../../src/tracker/lib/mood-state.js';
import { createSubscribers } from '../../src/tracker/lib/subscribers.js';
import type { MoodEvent } from '../../src/mood/types.js';
import type { MoodSnapshot, TrackerStats } from '../../src/tracker/types.js';

const snapshot = (mood: MoodSnapshot['mood'], action: MoodSnapshot['suggested_action']): MoodSnapshot => ({
  session_id: 's1',
  mood,
  confidence: 0.9,
  signals: [],
  suggested_action: action,
  event_count: 3,
  updated_at: '2026-12-03T07:00:00.000Z',
});

test('subscribers: each type its own callbacks, unsubscribe works, a throwing callback does not stop the others', () => {
  const subscribers = createSubscribers();
  const seen: string[] = [];
  const errors: unknown[] = [];
  const consoleError = console.error;
  console.error = (error: unknown) => errors.push(error);
  try {
    subscribers.on('drop', () => {
      throw new Error('host bug');
    });
    const off = subscribers.on('drop', (d) => seen.push(`drop ${d.reason}`));
    subscribers.on('event', (e) => seen.push(`event ${e.type}`));
    subscribers.fire('drop', { events: [], reason: 'consent' });
    subscribers.fire('event', { type: 'click' });
    off();
    subscribers.fire('drop', { events: [], reason: 'forget' });
    assert.deepEqual(seen, ['drop consent', 'event click']);
    assert.equal(errors.length, 2, 'the throwing callback was logged each time');
  } finally {
    console.error = consoleError;
  }
});

test('mood state: a new mood in an answer reads /mood once and hands the snapshot on; the same mood reads nothing', async () => {
  const requests: string[] = [];
  const fetch = async (url: string) => {
    requests.push(url);
    return new Response(JSON.stringify(snapshot('frustrated', 'show_live_chat')));
  };
  const stats = { requests: 0 } as TrackerStats;
  const request = createSessionRequest({ apiKey: 'k', fetch }, stats, () => 's1');
  const dispatched: Event[] = [];
  const globals = globalThis as { dispatchEvent?: (event: Event) => boolean };
  globals.dispatchEvent = (event) => dispatched.push(event) > 0; // the window of a page
  try {
    const fired: string[] = [];
    const subscribers = createSubscribers();
    subscribers.on('mood', (s) => fired.push(`mood ${s.mood}`));
    subscribers.on('action', (s) => fired.push(`action ${s.suggested_action}`));
    const mood = createMood(subscribers.fire, () => true);
    assert.equal(mood.heard({ current_mood: 'neutral' }, request), false, 'a session starts neutral');
    assert.equal(mood.heard({ current_mood: 'frustrated' }, request), true);
    await new Promise((resolve) => setTimeout(resolve, 10));
    assert.deepEqual(requests, ['/v1/sessions/s1/mood']);
    assert.deepEqual(fired, ['mood frustrated', 'action show_live_chat']);
    assert.equal(mood.snapshot?.mood, 'frustrated');
    assert.equal((dispatched[0] as CustomEvent<MoodSnapshot>).detail.mood, 'frustrated');
    assert.equal(mood.heard({ current_mood: 'frustrated' }, request), false);
    mood.set(snapshot('focused', 'no_action'));
    assert.deepEqual(fired.slice(2), ['mood focused'], 'no_action is not an action');
  } finally {
    delete globals.dispatchEvent;
  }
});

test('local scoring: events before the engine loads are scored once it is there; a changed mood is handed on', async () => {
  const handed: MoodSnapshot[] = [];
  const mood = { label: 'neutral', set: (s: MoodSnapshot) => ((mood.label = s.mood), handed.push(s)) };
  const scoring = createLocalScoring(
    () => import('../../src/mood/engine.js'),
    mood as unknown as Parameters<typeof createLocalScoring>[1],
    () => 's1',
  );
  const loaded = scoring.load();
  const rage: MoodEvent = { type: 'rage_click', x: 1, y: 1 };
  for (let i = 0; i < 4; i++) scoring.score({ ...rage, ts: i });
  scoring.score({ type: 'error', message: 'Payment failed', ts: 5 });
  scoring.score({ type: 'error', message: 'Payment failed', ts: 6 });
  assert.equal(handed.length, 0, 'nothing scored before the engine is there');
  await loaded;
  assert.equal(handed.at(-1)?.mood, 'frustrated');
  assert.equal(handed.at(-1)?.session_id, 's1');
  const before = handed.length;
  scoring.score({ type: 'error', message: 'again', ts: 7 });
  assert.equal(handed.length, before, 'the same mood is not handed on again');
});
