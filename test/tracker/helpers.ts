import { createTracker } from '../../src/tracker.js';
import type { MoodEvent, Tracker, TrackerOptions } from '../../src/tracker.js';
import type { HttpFault } from '../../src/mock/faults.js';
import { mockAdmin } from '../support/mock-admin.js';

export { sleep } from '../support/wait.js';

/** Every raw event the mock received for a session, in order, duplicates included. */
export const received = (sessionId: string) => mockAdmin.sessionEvents<MoodEvent>(sessionId);

export const ofType = (events: MoodEvent[], type: string) => events.filter((e) => e.type === type);

/** Sets the mock's fault for the SessionMood routes (`null` clears every fault). */
export const setFaults = (mood: HttpFault | null) => mockAdmin.setFaults(mood ? { mood } : null);

const started: Tracker[] = [];

/** A tracker on a fresh session that only sends on flush() (unless told otherwise). */
export function start(options: TrackerOptions = {}): Tracker {
  const t = createTracker({
    apiKey: 'sm_demo_key',
    sessionId: `test-${crypto.randomUUID()}`,
    flushIntervalMs: 600000,
    ...options,
  });
  started.push(t);
  return t;
}

export function stopAll() {
  for (const t of started.splice(0)) t.stop();
}

/** Adds fixed-position elements for real input to land on. */
export function stage(html: string): HTMLElement {
  const el = document.createElement('div');
  el.innerHTML = html;
  document.body.append(el);
  return el;
}
