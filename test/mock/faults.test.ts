import { expect } from '@open-wc/testing';
import { createMockApp } from '../../src/mock/app.js';
import { createInPageFetch } from '../../src/mock/hosts/in-page.js';
import { DEMO_QUERIES } from '../../src/mock/demo-queries.js';

const chat = (init: RequestInit = {}) =>
  fetch('/chat', {
    method: 'POST',
    headers: { 'mooni-api-key': 'mooni_demo_key', 'content-type': 'application/json' },
    body: JSON.stringify({ query: DEMO_QUERIES.answer }),
    ...init,
  });

const setFaults = (faults: unknown) =>
  fetch('/__mock/faults', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(faults),
  });

describe('mock fault injection seen from Chromium', () => {
  afterEach(() => fetch('/__mock/faults', { method: 'DELETE' }));

  it('drop: fetch rejects with a TypeError even on a reused connection, once per count', async () => {
    await (await fetch('/health')).text();
    await setFaults({ chat: { drop: true, count: 1 } });
    let failure: unknown;
    try {
      await chat();
    } catch (error) {
      failure = error;
    }
    expect(failure).to.be.instanceOf(TypeError);
    const after = await chat();
    expect(after.status).to.equal(200);
    expect(await after.text()).to.contain('[DONE]');
  });

  it('drop on SessionMood and the gateway rejects too; the log shows status 0', async () => {
    await setFaults({ mood: { drop: true, count: 1 }, gateway: { drop: true, count: 1 } });
    const mood = fetch('/v1/sessions/drop-test/mood', { headers: { 'X-Api-Key': 'sm_demo_key' } });
    const gateway = fetch('/api/v1/gateway/default/d/s', {
      method: 'POST',
      headers: { authorization: 'Bearer me_demo_key' },
      body: '{}',
    });
    const results = await Promise.allSettled([mood, gateway]);
    expect(results.map((r) => r.status)).to.deep.equal(['rejected', 'rejected']);
    const log = (await (await fetch('/__mock/log')).json()).items as { path: string; status: number }[];
    expect(log.filter((e) => e.status === 0).length).to.be.greaterThan(1);
  });

  it('cutAt mid_text: the stream ends without [DONE] after some text', async () => {
    await setFaults({ chat: { cutAt: 'mid_text', count: 1 } });
    const text = await (await chat()).text();
    expect(text).to.contain('"type":"text"');
    expect(text).to.not.contain('[DONE]');
  });

  it('429 with retryAfterSec: retry-after header readable cross-origin style, reset_at on SessionMood', async () => {
    await setFaults({
      chat: { status: 429, retryAfterSec: 2, count: 1 },
      mood: { status: 429, retryAfterSec: 3, count: 1 },
    });
    const response = await chat();
    expect(response.status).to.equal(429);
    expect(response.headers.get('retry-after')).to.equal('2');
    const mood = await fetch('/v1/sessions/x/mood', { headers: { 'X-Api-Key': 'sm_demo_key' } });
    expect(mood.status).to.equal(429);
    const body = await mood.json();
    expect(body).to.include({ error: 'Rate limit exceeded', plan: 'starter', limit: 5000 });
    expect(Date.parse(body.reset_at)).to.be.greaterThan(Date.now());
  });
});

describe('in-page host', () => {
  it('answers mock paths in the page and rejects dropped requests with a TypeError', async () => {
    const passed: string[] = [];
    const inPage = createInPageFetch(createMockApp({ chunkDelayMs: 0 }), {
      passthrough: async (input) => {
        passed.push(String(input));
        return new Response('elsewhere');
      },
    });
    const health = await inPage('https://api.example.com/health');
    expect(await health.json()).to.deep.equal({ status: 'ok', version: '1.0.0' });
    expect(await (await inPage('/assets/logo.svg')).text()).to.equal('elsewhere');
    expect(passed).to.deep.equal(['/assets/logo.svg']);
    await inPage('/__mock/faults', { method: 'POST', body: JSON.stringify({ chat: { drop: true, count: 1 } }) });
    let failure: unknown;
    try {
      await inPage('/chat', { method: 'POST', headers: { 'mooni-api-key': 'mooni_demo_key' }, body: '{"query":"hi"}' });
    } catch (error) {
      failure = error;
    }
    expect(failure).to.be.instanceOf(TypeError);
    const stream = await inPage('/chat', {
      method: 'POST',
      headers: { 'mooni-api-key': 'mooni_demo_key' },
      body: JSON.stringify({ query: DEMO_QUERIES.card }),
    });
    const text = await stream.text();
    expect(text).to.contain('"template-type":"card"');
    expect(text.trim().endsWith('data: [DONE]')).to.equal(true);
  });
});
