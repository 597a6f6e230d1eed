import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyEvent, createMoodState, createScorer, readMood } from '../../src/mood/engine.js';
import type { MoodEvent } from '../../src/mood/types.js';

const read = (events: MoodEvent[], start = 1_746_352_800) => {
  const state = createMoodState();
  for (const e of events) applyEvent(state, { ...e, ts: e.ts === undefined ? undefined : start + e.ts });
  return readMood(state);
};

test('no events: neutral, confidence 0, no action', () => {
  const reading = readMood(createMoodState());
  assert.deepEqual(reading, {
    mood: 'neutral',
    confidence: 0,
    signals: [],
    suggested_action: 'no_action',
    event_count: 0,
  });
});

test("003's example (rage click + error + idle) reads frustrated, and stays so with more of the same", () => {
  const events: MoodEvent[] = [
    { type: 'rage_click', x: 240, y: 580, ts: 0 },
    { type: 'error', message: 'Payment failed', ts: 2 },
    { type: 'idle', duration_ms: 4500, ts: 7 },
  ];
  const first = read(events);
  assert.equal(first.mood, 'frustrated');
  assert.equal(first.suggested_action, 'show_live_chat');
  assert.ok(first.signals.includes('rage_click_detected'));
  const more = read([
    ...events,
    { type: 'rage_click', ts: 9 },
    { type: 'error', ts: 10 },
    { type: 'back_nav', ts: 12 },
  ]);
  assert.equal(more.mood, 'frustrated');
  assert.ok(more.confidence > first.confidence);
  assert.deepEqual(more.signals.slice(0, 2), ['rage_click_detected', 'repeated_errors']);
  assert.ok(more.signals.includes('back_navigation'));
  assert.equal(more.event_count, 6);
});

test('a burst of one rage click and one error already reads frustrated with show_live_chat', () => {
  const reading = read([
    { type: 'rage_click', ts: 0 },
    { type: 'error', ts: 1 },
  ]);
  assert.equal(reading.mood, 'frustrated');
  assert.equal(reading.suggested_action, 'show_live_chat');
});

test('frustration after a busy minute of benign activity still reads frustrated', () => {
  const busy: MoodEvent[] = [];
  for (let i = 0; i < 40; i++) busy.push({ type: i % 4 ? 'click' : 'page_view', ts: i });
  busy.push({ type: 'scroll', ts: 40 });
  assert.equal(read(busy).mood, 'decisive');
  const reading = read([...busy, { type: 'rage_click', ts: 45 }, { type: 'error', ts: 46 }]);
  assert.equal(reading.mood, 'frustrated');
  assert.equal(reading.suggested_action, 'show_live_chat');
});

test('confused: backtracking, long hovers, input pauses, scroll reversals → show_tooltip', () => {
  const reading = read([
    { type: 'scroll', speed: 400, ts: 0 },
    { type: 'backtrack', ts: 3 },
    { type: 'hover', duration_ms: 3000, ts: 6 },
    { type: 'input_pause', duration_ms: 4000, ts: 10 },
    { type: 'backtrack', ts: 14 },
    { type: 'scroll', direction: 'up', ts: 15 },
    { type: 'hover', duration_ms: 2500, ts: 18 },
  ]);
  assert.equal(reading.mood, 'confused');
  assert.equal(reading.suggested_action, 'show_tooltip');
  assert.deepEqual(reading.signals, ['scroll_backtracking', 'hesitant_input', 'long_hover']);
});

test('decisive: quick clicks, a form focus and forward navigation → no_action', () => {
  const reading = read([
    { type: 'page_view', ts: 0 },
    { type: 'click', ts: 1 },
    { type: 'click', ts: 2 },
    { type: 'focus', ts: 3 },
    { type: 'click', ts: 4 },
    { type: 'page_view', ts: 5 },
    { type: 'click', ts: 6 },
  ]);
  assert.equal(reading.mood, 'decisive');
  assert.equal(reading.suggested_action, 'no_action');
  assert.ok(reading.signals.includes('quick_clicks'));
});

test('browsing: several page views and moderate scrolling → show_recommendations', () => {
  const reading = read([
    { type: 'page_view', url: 'https://shop.example.com/', ts: 0 },
    { type: 'scroll', speed: 600, direction: 'down', ts: 5 },
    { type: 'scroll', speed: 500, direction: 'down', ts: 10 },
    { type: 'page_view', ts: 20 },
    { type: 'hover', duration_ms: 800, ts: 25 },
    { type: 'scroll', speed: 700, ts: 30 },
    { type: 'page_view', ts: 40 },
    { type: 'click', ts: 45 },
  ]);
  assert.equal(reading.mood, 'browsing');
  assert.equal(reading.suggested_action, 'show_recommendations');
  assert.deepEqual(reading.signals, ['many_page_views', 'steady_scrolling']);
});

test('disengaged: long idle periods and a blur without re-focus → show_exit_offer', () => {
  const reading = read([
    { type: 'page_view', ts: 0 },
    { type: 'idle', duration_ms: 30_000, ts: 40 },
    { type: 'blur', ts: 45 },
    { type: 'idle', duration_ms: 60_000, ts: 110 },
  ]);
  assert.equal(reading.mood, 'disengaged');
  assert.equal(reading.suggested_action, 'show_exit_offer');
  assert.ok(reading.signals.includes('long_idle'));
});

test('focused: sustained form interaction → no_action', () => {
  const reading = read([
    { type: 'focus', ts: 0 },
    { type: 'click', ts: 2 },
    { type: 'focus', ts: 8 },
    { type: 'focus', ts: 15 },
    { type: 'click', ts: 20 },
    { type: 'blur', ts: 25 },
    { type: 'focus', ts: 26 },
  ]);
  assert.equal(reading.mood, 'focused');
  assert.deepEqual(reading.signals, ['form_engagement']);
});

test('neutral below about three events unless the signal is unmistakable', () => {
  assert.equal(
    read([
      { type: 'click', ts: 0 },
      { type: 'scroll', ts: 1 },
    ]).mood,
    'neutral',
  );
  assert.equal(read([{ type: 'rage_click', ts: 0 }]).mood, 'neutral');
  assert.equal(
    read([
      { type: 'page_view', ts: 0 },
      { type: 'page_view', ts: 3 },
      { type: 'page_view', ts: 6 },
    ]).mood,
    'browsing',
  );
});

test('recent events weigh more: frustration five minutes ago gives way to browsing now', () => {
  const old: MoodEvent[] = [
    { type: 'rage_click', ts: 0 },
    { type: 'rage_click', ts: 1 },
    { type: 'error', ts: 2 },
    { type: 'error', ts: 3 },
  ];
  assert.equal(read(old).mood, 'frustrated');
  const later = read([
    ...old,
    { type: 'page_view', ts: 300 },
    { type: 'scroll', ts: 305 },
    { type: 'page_view', ts: 310 },
    { type: 'scroll', ts: 315 },
    { type: 'page_view', ts: 320 },
  ]);
  assert.equal(later.mood, 'browsing');
  // The same events all at once: frustration still dominates.
  const together = read([
    ...old,
    ...[300, 305, 310, 315, 320].map((ts, i) => ({ type: i % 2 ? 'scroll' : 'page_view', ts: ts - 300 }) as MoodEvent),
  ]);
  assert.equal(together.mood, 'frustrated');
});

test('late (out-of-order) events count with their own age; order of arrival does not matter', () => {
  const events: MoodEvent[] = [
    { type: 'page_view', ts: 0 },
    { type: 'rage_click', ts: 10 },
    { type: 'error', ts: 11 },
    { type: 'click', ts: 12 },
  ];
  const forward = read(events);
  const backward = read([...events].reverse());
  assert.equal(forward.mood, backward.mood);
  assert.equal(forward.confidence, backward.confidence);
});

test('events without ts use nowSec; a reading does not drift with the wall clock', () => {
  const state = createMoodState();
  applyEvent(state, { type: 'rage_click' }, 1000);
  applyEvent(state, { type: 'error' }, 1001);
  assert.equal(state.latestEventAt, 1001);
  const now = readMood(state, 1002);
  assert.deepEqual(readMood(state, 10_000_000), now);
});

test('constant-size state: the same shape after 10 and 100,000 events', () => {
  const state = createMoodState();
  const sizes: number[] = [];
  const types: MoodEvent['type'][] = ['click', 'scroll', 'hover', 'rage_click', 'page_view', 'idle', 'focus', 'blur'];
  for (let i = 1; i <= 100_000; i++) {
    applyEvent(state, { type: types[i % types.length], ts: 1_700_000_000 + i / 10, duration_ms: 1500, speed: 900 });
    if (i === 10 || i === 100_000) sizes.push(Object.keys(state).length + Object.keys(state.evidence).length);
  }
  assert.equal(sizes[0], sizes[1]);
  assert.equal(state.eventCount, 100_000);
  assert.ok(Object.values(state.evidence).every((x) => Number.isFinite(x)));
});

test('a bad ts or an unknown type does not poison the state', () => {
  const state = createMoodState();
  applyEvent(state, { type: 'rage_click', ts: 100 });
  applyEvent(state, { type: 'error', ts: Number.NaN });
  applyEvent(state, { type: 'teleport' as MoodEvent['type'], ts: 101 });
  const reading = readMood(state);
  assert.equal(reading.mood, 'frustrated');
  assert.equal(reading.event_count, 3);
  assert.ok(Object.values(state.evidence).every((x) => Number.isFinite(x)));
});

test('createScorer reads, after each event, what applyEvent + readMood read for the same session', () => {
  const score = createScorer();
  const state = createMoodState();
  const events: MoodEvent[] = [
    { type: 'page_view', url: 'https://shop.example/checkout', ts: 1_746_352_800 },
    { type: 'rage_click', x: 10, y: 10, ts: 1_746_352_801 },
    { type: 'error', message: 'Payment failed', ts: 1_746_352_802 },
    { type: 'idle', duration_ms: 4500, ts: 1_746_352_807 },
  ];
  const moods = events.map((e) => {
    applyEvent(state, e, e.ts);
    const reading = score(e);
    assert.deepEqual(reading, readMood(state));
    return reading.mood;
  });
  assert.equal(moods.at(-1), 'frustrated');
});

test('reloading the same URL is not browsing; three different pages are', () => {
  const same = read([0, 5, 10, 15].map((ts) => ({ type: 'page_view', url: 'https://shop.example/cart', ts })));
  assert.notEqual(same.mood, 'browsing');
  assert.equal(same.event_count, 4);
  const routes = read(['/', '/a', '/b', '/c'].map((path, ts) => ({ type: 'page_view', url: 'https://x' + path, ts })));
  assert.equal(routes.mood, 'browsing');
});

test('derived signals count as their own signal, and only on their carrier type', () => {
  const base: MoodEvent[] = [
    { type: 'page_view', url: 'https://shop.example/checkout', ts: 0 },
    { type: 'click', ts: 1 },
  ];
  const dead = read([...base, ...[2, 4, 6].map((ts) => ({ type: 'click', signal: 'dead_click', ts }) as MoodEvent)]);
  assert.equal(dead.mood, 'frustrated');
  assert.ok(dead.signals.includes('dead_clicks'));
  // The same events without the extension read as plain clicks: decisive, no frustration.
  const plain = read([...base, ...[2, 4, 6].map((ts) => ({ type: 'click', ts }) as MoodEvent)]);
  assert.equal(plain.mood, 'decisive');
  const errorClick = read([...base, { type: 'error', signal: 'error_click', message: 'Payment failed', ts: 2 }]);
  assert.equal(errorClick.mood, 'frustrated');
  assert.ok(errorClick.signals.includes('errors_after_clicks'));
  const scrolls = read([
    ...base,
    ...[2, 4].map((ts) => ({ type: 'scroll', signal: 'excessive_scroll', ts }) as MoodEvent),
  ]);
  assert.equal(scrolls.mood, 'confused');
  assert.ok(scrolls.signals.includes('excessive_scrolling'));
  const back = read([...base, { type: 'back_nav', signal: 'quick_back', ts: 3 }, { type: 'backtrack', ts: 4 }]);
  assert.equal(back.mood, 'confused');
  assert.ok(back.signals.includes('quick_back'));
  // A signal on the wrong carrier is its type's evidence only.
  const wrong = read([...base, ...[2, 4, 6].map((ts) => ({ type: 'click', signal: 'quick_back', ts }) as MoodEvent)]);
  assert.deepEqual(wrong, plain);
});
