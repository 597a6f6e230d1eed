import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createMockApp } from '../../src/mock/app.js';
import { createInPageFetch, installInPageMock } from '../../src/mock/hosts/in-page.js';
import { DEMO_QUERIES } from '../../src/mock/demo-queries.js';

test('in-page fetch: mock paths from the app (any origin or relative), others passed through', async () => {
  const passed: string[] = [];
  const inPage = createInPageFetch(createMockApp(), {
    passthrough: async (input) => {
      passed.push(String(input));
      return new Response('real network');
    },
  });
  assert.equal((await inPage('/health')).status, 200);
  assert.equal(
    (await inPage(new URL('https://tap-cs.coxwave.link/config'), { headers: { 'mooni-api-key': 'mooni_demo_key' } }))
      .status,
    200,
  );
  assert.equal((await inPage(new Request('https://x.example/v1/analytics/moods'))).status, 401);
  assert.equal(await (await inPage('https://cdn.example.com/chat.js')).text(), 'real network');
  assert.equal(await (await inPage('/index.html')).text(), 'real network');
  assert.deepEqual(passed, ['https://cdn.example.com/chat.js', '/index.html']);
});

test('in-page fetch: a drop fault rejects with TypeError; an aborted signal rejects', async () => {
  const inPage = createInPageFetch(createMockApp());
  await inPage('/__mock/faults', { method: 'POST', body: JSON.stringify({ gateway: { drop: true, count: 1 } }) });
  await assert.rejects(inPage('/api/v1/gateway/default/a/b', { method: 'POST', body: '{}' }), TypeError);
  const controller = new AbortController();
  controller.abort();
  await assert.rejects(inPage('/health', { signal: controller.signal }), { name: 'AbortError' });
});

test('installInPageMock paces answers like a real backend by default and takes options', async () => {
  const paced = installInPageMock({ chunkDelayMs: 5 });
  const started = performance.now();
  const response = await paced('/chat', {
    method: 'POST',
    headers: { 'mooni-api-key': 'mooni_demo_key' },
    body: JSON.stringify({ query: DEMO_QUERIES.answer }),
  });
  const text = await response.text();
  assert.ok(text.trimEnd().endsWith('data: [DONE]'));
  assert.ok(performance.now() - started >= 5 * 5);
});
