import { createTracker } from '../../src/tracker.js';
import type { MoodEvent, Tracker, TrackerOptions } from '../../src/tracker.js';

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Every raw event the mock received for a session, in order, duplicates included. */
export async function received(sessionId: string): Promise<MoodEvent[]> {
  const r = await fetch(`/__mock/sessions/${encodeURIComponent(sessionId)}/events`);
  if (r.status === 404) return [];
  return (await r.json()).events;
}

export const ofType = (events: MoodEvent[], type: string) => events.filter((e) => e.type === type);

export async function setFaults(mood: Record<string, unknown> | null) {
  await fetch(
    '/__mock/faults',
    mood
      ? { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ mood }) }
      : { method: 'DELETE' },
  );
}

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
