/**
 * Main-thread cost of the tracker per input event, in real Chromium: dispatches the same event N times
 * without and with a running tracker and reports the difference per event (median of several rounds).
 * Used by bench/tracker-cost.html; `npm run bench` may import `measureTrackerCost`.
 */
import { createTracker } from '../src/tracker.js';

export interface CostRow {
  event: string;
  /** Median extra time per event with the tracker running, in µs. */
  usPerEvent: number;
  /** Median time per event without the tracker, in µs (dispatch itself). */
  baselineUs: number;
}

type Make = (target: Element) => [EventTarget, Event];

const CASES: Record<string, Make> = {
  pointermove: (el) => [
    el,
    new PointerEvent('pointermove', { bubbles: true, pointerType: 'mouse', clientX: 10, clientY: 10 }),
  ],
  pointerover: (el) => [el, new PointerEvent('pointerover', { bubbles: true, pointerType: 'mouse' })],
  wheel: (el) => [el, new WheelEvent('wheel', { bubbles: true, deltaY: 10 })],
  scroll: () => [document, new Event('scroll')],
  keydown: (el) => [el, new KeyboardEvent('keydown', { bubbles: true, key: 'a' })],
  touchstart: (el) => [el, new Event('touchstart', { bubbles: true })],
  click: (el) => [el, new MouseEvent('click', { bubbles: true, clientX: 10, clientY: 10 })],
};

function timeDispatch(target: EventTarget, event: Event, n: number): number {
  const t0 = performance.now();
  for (let i = 0; i < n; i++) target.dispatchEvent(event);
  return performance.now() - t0;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

/** Runs every case; `n` dispatches per round, `rounds` rounds alternating without/with the tracker. */
export function measureTrackerCost(n = 10000, rounds = 7): CostRow[] {
  const host = document.createElement('div');
  host.innerHTML = '<div><div><button>Buy</button><input></div></div>';
  document.body.append(host);
  const button = host.querySelector('button')!;
  const input = host.querySelector('input')!;
  const rows: CostRow[] = [];
  for (const [name, make] of Object.entries(CASES)) {
    const [target, event] = make(name === 'keydown' ? input : button);
    timeDispatch(target, event, n); // warm up
    const base: number[] = [];
    const extra: number[] = [];
    for (let r = 0; r < rounds; r++) {
      const without = timeDispatch(target, event, n);
      // consent pending: the same detectors and queue, no network, no storage
      const tracker = createTracker({
        consent: 'pending',
        respectPrivacySignals: false,
        sessionId: 'bench',
        flushIntervalMs: 600000,
      });
      timeDispatch(target, event, 100);
      const withTracker = timeDispatch(target, event, n);
      tracker.stop();
      base.push(without);
      extra.push(withTracker - without);
    }
    rows.push({
      event: name,
      usPerEvent: +((median(extra) * 1000) / n).toFixed(3),
      baselineUs: +((median(base) * 1000) / n).toFixed(3),
    });
  }
  host.remove();
  return rows;
}
