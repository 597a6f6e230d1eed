import { test } from 'node:test';
import assert from 'node:assert/strict';
import { rageStep, rageVerdict, type RageState } from '../../src/tracker/lib/rage.js';
import type { RageClickOptions } from '../../src/tracker/types.js';

const o = { clicks: 3, intervalMs: 1000, distancePx: 30, settleMs: 1000 };

/**
 * Runs clicks [x, y, t] on a control that does nothing through the rule, judging each burst once it settles
 * (the next click starts a new burst, or there is none), and returns, for each burst judged rage, the index of
 * the click that brought it to `clicks` clicks.
 */
function fires(clicks: [number, number, number][], options: Omit<RageClickOptions, 'settleMs'> = o): number[] {
  const settings = { settleMs: 1000, ...options };
  let s: RageState | undefined;
  let reached = -1;
  const out: number[] = [];
  const settle = () => {
    if (s && rageVerdict(s, settings, true) === 'rage') out.push(reached);
  };
  clicks.forEach(([x, y, t], i) => {
    const next = rageStep(s, x, y, t, settings);
    if (next.clicks === 1) settle();
    s = next;
    if (s.clicks === settings.clicks) reached = i;
  });
  settle();
  return out;
}

/** A burst of `count` clicks on one spot, 100 ms apart; `answered` of them got a response from the page. */
function burst(count: number, answered: number, errored = false): RageState {
  let s: RageState | undefined;
  for (let i = 0; i < count; i++) s = rageStep(s, 0, 0, i * 100, o);
  return { ...(s as RageState), answered, errored };
}

test('a control that answers every click is responding, not rage (stepper, carousel)', () => {
  assert.equal(rageVerdict(burst(5, 5), o, true), 'responding');
  assert.equal(rageVerdict(burst(3, 3), o, true), 'responding');
});

test('one unanswered click in a settled burst is rage; an error is rage at once, before it settles', () => {
  assert.equal(rageVerdict(burst(3, 2), o, true), 'rage');
  assert.equal(rageVerdict(burst(3, 2), o, false), 'open');
  assert.equal(rageVerdict(burst(3, 3, true), o, false), 'rage');
  assert.equal(rageVerdict(burst(2, 0, true), o, false), 'open');
});

test('a burst is judged once', () => {
  const judged = { ...burst(4, 0, true), judged: true };
  assert.equal(rageVerdict(judged, o, true), 'open');
  const continued = rageStep(judged, 0, 0, 500, o);
  assert.equal(continued.judged, true);
  assert.equal(continued.clicks, 5);
});

test('three clicks on one spot within a second fire once, on the third', () => {
  assert.deepEqual(
    fires([
      [100, 100, 0],
      [100, 100, 200],
      [100, 100, 400],
    ]),
    [2],
  );
});

test('two clicks never fire', () => {
  assert.deepEqual(
    fires([
      [100, 100, 0],
      [100, 100, 100],
    ]),
    [],
  );
});

test('a fourth and fifth click in the same burst do not fire again', () => {
  assert.deepEqual(
    fires([
      [0, 0, 0],
      [0, 0, 100],
      [0, 0, 200],
      [0, 0, 300],
      [0, 0, 400],
    ]),
    [2],
  );
});

test('interval boundary: 1000 ms apart is inside, 1001 ms is outside', () => {
  assert.deepEqual(
    fires([
      [0, 0, 0],
      [0, 0, 1000],
      [0, 0, 2000],
    ]),
    [2],
  );
  assert.deepEqual(
    fires([
      [0, 0, 0],
      [0, 0, 1001],
      [0, 0, 2002],
    ]),
    [],
  );
  assert.deepEqual(
    fires([
      [0, 0, 0],
      [0, 0, 1000],
      [0, 0, 2001],
    ]),
    [],
  );
});

test('distance boundary: |dx|+|dy| = 30 is inside, 31 is outside (Manhattan, to the click before)', () => {
  assert.deepEqual(
    fires([
      [0, 0, 0],
      [15, 15, 100],
      [30, 30, 200],
    ]),
    [2],
  );
  assert.deepEqual(
    fires([
      [0, 0, 0],
      [30, 0, 100],
      [30, 30, 200],
    ]),
    [2],
  );
  assert.deepEqual(
    fires([
      [0, 0, 0],
      [16, 15, 100],
      [16, 15, 200],
    ]),
    [],
  );
  assert.deepEqual(
    fires([
      [0, 0, 0],
      [0, 31, 100],
      [0, 31, 200],
    ]),
    [],
  );
  assert.deepEqual(
    fires([
      [0, 0, 0],
      [-20, -10, 100],
      [-20, -41, 200],
    ]),
    [],
  );
});

test('a click outside the thresholds starts a new burst that can fire again', () => {
  // burst 1 fires at #2; #3 is far away and starts burst 2, which fires at #5
  assert.deepEqual(
    fires([
      [0, 0, 0],
      [0, 0, 100],
      [0, 0, 200],
      [500, 500, 300],
      [500, 500, 400],
      [500, 500, 500],
    ]),
    [2, 5],
  );
  // a long pause resets too
  assert.deepEqual(
    fires([
      [0, 0, 0],
      [0, 0, 100],
      [0, 0, 1200],
      [0, 0, 1300],
      [0, 0, 1400],
    ]),
    [4],
  );
});

test('a burst broken after two clicks does not count the old clicks', () => {
  assert.deepEqual(
    fires([
      [0, 0, 0],
      [0, 0, 100],
      [200, 0, 200],
      [0, 0, 300],
    ]),
    [],
  );
});

test('thresholds are options', () => {
  const two = { clicks: 2, intervalMs: 50, distancePx: 5 };
  assert.deepEqual(
    fires(
      [
        [0, 0, 0],
        [5, 0, 50],
        [5, 0, 200],
        [5, 0, 250],
      ],
      two,
    ),
    [1, 3],
  );
  assert.deepEqual(
    fires(
      [
        [0, 0, 0],
        [6, 0, 10],
      ],
      two,
    ),
    [],
  );
});
