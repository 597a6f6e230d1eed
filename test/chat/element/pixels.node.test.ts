import { test } from 'node:test';
import assert from 'node:assert/strict';
import { differingShare } from './pixels.js';

const picture = (...pixels: number[][]) => Uint8ClampedArray.from(pixels.flat());

test('the share of pixels that differ beyond the tolerance in any channel', () => {
  const white = [255, 255, 255, 255];
  const a = picture(white, white, white, white);
  assert.equal(differingShare(a, a), 0);
  assert.equal(differingShare(a, picture(white, white, white, [255, 255, 200, 255])), 0.25);
  assert.equal(differingShare(a, picture([250, 250, 250, 255], white, white, white)), 0, 'anti-aliasing noise');
  assert.equal(differingShare(a, picture([0, 0, 0, 255], [0, 0, 0, 255], white, white)), 0.5);
});

test('pictures of different sizes are not compared', () => {
  assert.throws(() => differingShare(new Uint8ClampedArray(8), new Uint8ClampedArray(4)), RangeError);
});
