// Mood engine throughput in Node: `tsx bench/mood-engine.bench.ts`. The last line is JSON.
import { applyEvent, createMoodState, readMood } from '../src/mood/engine.js';
import { EVENT_TYPES, type MoodEvent } from '../src/mood/types.js';

const stateBytes = (state: object) => JSON.stringify(state).length;
/** Numbers held by a state (what a typed layout would store): constant by design. */
const stateNumbers = (state: { evidence: object }) =>
  Object.keys(state.evidence).length + Object.keys(state).length - 1;

const events: MoodEvent[] = Array.from({ length: 4096 }, (_, i) => ({
  type: EVENT_TYPES[(i * 7) % EVENT_TYPES.length],
  x: i % 800,
  y: i % 600,
  duration_ms: (i % 10) * 700,
  speed: (i % 5) * 600,
}));

function run(count: number, start = 1_700_000_000) {
  const state = createMoodState();
  for (let i = 0; i < count; i++) applyEvent(state, events[i & 4095], start + i * 0.05);
  return state;
}

const sizes: Record<string, number> = {};
const numbers: Record<string, number> = {};
for (const n of [10, 1000, 100_000]) {
  const state = run(n);
  sizes[n] = stateBytes(state);
  numbers[n] = stateNumbers(state);
}

run(200_000); // warm-up
const N = 2_000_000;
let best = 0;
for (let round = 0; round < 5; round++) {
  const t0 = performance.now();
  const state = run(N);
  const ms = performance.now() - t0;
  if (readMood(state).event_count !== N) throw new Error('lost events');
  best = Math.max(best, N / (ms / 1000));
}
const readState = run(1000);
const reads = 200_000;
const r0 = performance.now();
for (let i = 0; i < reads; i++) readMood(readState);
const readsPerSec = reads / ((performance.now() - r0) / 1000);

const result = {
  events_per_sec: Math.round(best),
  budget_events_per_sec: 500_000,
  within_budget: best >= 500_000,
  reads_per_sec: Math.round(readsPerSec),
  state_numbers_after: numbers,
  state_json_bytes_after: sizes,
};
console.log(`applyEvent: ${(best / 1e6).toFixed(2)} M events/s; readMood: ${(readsPerSec / 1e6).toFixed(2)} M reads/s`);
console.log(
  `state after 10 / 1,000 / 100,000 events: ${numbers[10]} / ${numbers[1000]} / ${numbers[100_000]} numbers, ` +
    `${sizes[10]} / ${sizes[1000]} / ${sizes[100_000]} JSON bytes (only the digits of the floats vary)`,
);
console.log(JSON.stringify(result));
