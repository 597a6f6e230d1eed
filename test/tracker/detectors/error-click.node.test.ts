import { test } from 'node:test';
import assert from 'node:assert/strict';
import { errorClickDelay } from '../../../src/tracker/detectors/error-click.js';

const o = { windowMs: 1000 };

test('error click: an error 1,000 ms after the click counts, 1,001 ms does not, nor one before it', () => {
  assert.equal(errorClickDelay(5000, 6000, o), 1000);
  assert.equal(errorClickDelay(5000, 6001, o), undefined);
  assert.equal(errorClickDelay(5000, 5000, o), 0);
  assert.equal(errorClickDelay(5000, 4999, o), undefined);
  assert.equal(errorClickDelay(0, 300, { windowMs: 200 }), undefined);
});
