import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createMockApp } from '../../src/mock/app.js';

test('health answers ok', async () => {
  const response = await createMockApp().fetch(new Request('http://mock/health'));
  assert.equal(response.status, 200);
  assert.deepEqual(await response.json(), { status: 'ok', version: '1.0.0' });
});
