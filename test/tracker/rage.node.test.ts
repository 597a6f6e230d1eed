import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isRage, rageStep, type RageState } from '../../src/tracker/lib/rage.js';

const o = { clicks: 3, intervalMs: 1000, distancePx: 30 };

/** Runs clicks [x, y, t] through the rule and returns the indexes of the clicks that fire a rage_click. */
function fires(clicks: [number, number, number][], options = o): number[] {
  let s: RageState | undefined;
  const out: number[] = [];
  clicks.forEach(([x, y, t], i) => {
    s = rageStep(s, x, y, t, options);
    if (isRage(s, options)) out.push(i);
  });
  return out;
}

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
