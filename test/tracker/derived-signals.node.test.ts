// The derived signals' rules at their boundaries: just inside and just outside each default threshold.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { DEAD_CLICK_DEFAULTS, judgeClick } from '../../src/tracker/detectors/dead-click.js';
import { QUICK_BACK_DEFAULTS, isQuickBack } from '../../src/tracker/detectors/quick-back.js';
import {
  EXCESSIVE_SCROLL_DEFAULTS,
  scrollStep,
  type ScrollVerdict,
  type Sweep,
} from '../../src/tracker/detectors/excessive-scroll.js';

describe('dead click: no DOM change, scroll or navigation within 2,500 ms', () => {
  const o = DEAD_CLICK_DEFAULTS;
  test('an answer at 2,500 ms is in time; at 2,501 ms the click was dead', () => {
    assert.equal(judgeClick(2500, false, o), 'answered');
    assert.equal(judgeClick(2501, false, o), 'dead');
  });
  test('no answer when the wait ends is dead; an answer at once is not', () => {
    assert.equal(judgeClick(undefined, false, o), 'dead');
    assert.equal(judgeClick(0, false, o), 'answered');
  });
  test('a page hidden during the wait is never judged', () => {
    assert.equal(judgeClick(undefined, true, o), 'page_hidden');
    assert.equal(judgeClick(9000, true, o), 'page_hidden');
  });
  test('the wait is an option', () => {
    assert.equal(judgeClick(1001, false, { waitMs: 1000 }), 'dead');
  });
});

describe('quick back: back within 5,000 ms of arriving, with no interaction', () => {
  const o = QUICK_BACK_DEFAULTS;
  test('5,000 ms is quick; 5,001 ms is not', () => {
    assert.equal(isQuickBack({ ms: 5000, interacted: false }, o), true);
    assert.equal(isQuickBack({ ms: 5001, interacted: false }, o), false);
  });
  test('any interaction on the page makes it a considered return, however quick', () => {
    assert.equal(isQuickBack({ ms: 300, interacted: true }, o), false);
  });
});

describe('excessive scrolling: ≥ 3 reversals covering ≥ 1.5 viewports within 10 s', () => {
  const viewport = 1000;
  const o = EXCESSIVE_SCROLL_DEFAULTS;
  /** Runs gestures [dy px, end ms] (each 300 ms long) through the rule; returns every verdict. */
  const run = (gestures: [number, number][], options = o): ScrollVerdict[] => {
    const sweeps: Sweep[] = [];
    return gestures.map(([dy, end]) => scrollStep(sweeps, dy, end - 300, end, viewport, options));
  };
  const fired = (verdicts: ScrollVerdict[]) => verdicts.map((v, i) => (v.fired ? i : -1)).filter((i) => i >= 0);

  test('three reversals of half a viewport each (2 viewports in all) fire, on the third reversal', () => {
    const verdicts = run([
      [500, 1000],
      [-500, 2000],
      [500, 3000],
      [-500, 4000],
    ]);
    assert.deepEqual(fired(verdicts), [3]);
    assert.equal(verdicts[3].reversals, 3);
    assert.equal(verdicts[3].coveredPx, 2000);
    assert.equal(verdicts[3].durationMs, 3300);
  });

  test('two reversals do not fire, however far', () => {
    assert.deepEqual(
      fired(
        run([
          [3000, 1000],
          [-3000, 2000],
          [3000, 3000],
        ]),
      ),
      [],
    );
  });

  test('coverage: 1.5 viewports fire, 1.499 do not', () => {
    const legs = (px: number): [number, number][] => [
      [px, 1000],
      [-px, 2000],
      [px, 3000],
      [-px, 4000],
    ];
    assert.deepEqual(fired(run(legs(375))), [3]);
    assert.deepEqual(fired(run(legs(374.75))), []);
  });

  test('window: the first sweep ending 10,000 ms before the last still counts; 10,001 ms does not', () => {
    const within: [number, number][] = [
      [500, 1000],
      [-500, 4000],
      [500, 7000],
      [-500, 11000],
    ];
    assert.deepEqual(fired(run(within)), [3]);
    const outside: [number, number][] = [...within.slice(0, 3), [-500, 11001]];
    assert.deepEqual(fired(run(outside)), []);
  });

  test('looking back a few lines while reading (under a quarter viewport) is no reversal', () => {
    const reading: [number, number][] = [];
    for (let i = 0; i < 12; i++) reading.push([400, i * 1600 + 500], [-240, i * 1600 + 1300]);
    const verdicts = run(reading);
    assert.deepEqual(fired(verdicts), []);
    assert.ok(verdicts.every((v) => v.reversals === 0));
  });

  test('a sweep of exactly a quarter viewport counts as one', () => {
    const quarter: [number, number][] = [
      [600, 1000],
      [-250, 2000],
      [600, 3000],
      [-250, 4000],
    ];
    assert.deepEqual(fired(run(quarter)), [3]);
  });

  test('gestures the same way join one sweep; one episode fires once', () => {
    const verdicts = run([
      [300, 500],
      [300, 1000],
      [-600, 2000],
      [600, 3000],
      [-600, 4000],
      [600, 5000],
      [-600, 6000],
    ]);
    assert.equal(verdicts[1].reversals, 0);
    assert.deepEqual(fired(verdicts), [4]);
  });
});
