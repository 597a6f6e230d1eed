import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createMockApp } from '../../src/mock/app.js';
import { MOCK_IMAGES } from '../../src/mock/assets/images.js';
import { FAQ } from '../../src/mock/faq/data.js';
import { createInPageFetch } from '../../src/mock/hosts/in-page.js';
import { CHAT_KEY, ME_KEY, sseData, useMockServer } from './server.js';

const server = useMockServer();
const NAMES = Object.keys(MOCK_IMAGES);

/** Every picture URL anywhere in a value (002 templates: `image-url` on templates, cards and quick replies). */
function imageUrls(value: unknown, found: string[] = []): string[] {
  if (Array.isArray(value)) value.forEach((v) => imageUrls(v, found));
  else if (value && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      if (key === 'image-url' && typeof v === 'string' && v) found.push(v);
      else imageUrls(v, found);
    }
  }
  return found;
}

/** The template events `/chat` streams for a question (via `fetchFn`, the Node server by default). */
async function chatTemplates(
  query: string,
  organizationId: string,
  url = `${server.base()}/chat`,
  fetchFn: typeof fetch = fetch,
) {
  const response = await fetchFn(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'mooni-api-key': CHAT_KEY },
    body: JSON.stringify({ query, organizationId }),
  });
  assert.equal(response.status, 200);
  return ((await sseData(response)) as { type?: string; template?: unknown }[])
    .filter((e) => e.type === 'template')
    .map((e) => e.template);
}

async function assertServedPicture(url: string) {
  const response = await fetch(url);
  assert.equal(response.status, 200, url);
  assert.equal(response.headers.get('content-type'), 'image/svg+xml', url);
  assert.ok((await response.text()).startsWith('<svg '), url);
}

describe('bundled pictures (GET /__mock/assets/:name.svg)', () => {
  test('each is served as image/svg+xml, cached for a day, CORS-open, small and static', async () => {
    assert.ok(NAMES.length >= 8);
    for (const name of NAMES) {
      const response = await server.request(`/__mock/assets/${name}.svg`, {
        headers: { origin: 'https://shop.example.com' },
      });
      assert.equal(response.status, 200, name);
      assert.equal(response.headers.get('content-type'), 'image/svg+xml');
      assert.equal(response.headers.get('cache-control'), 'public, max-age=86400');
      assert.equal(response.headers.get('access-control-allow-origin'), '*');
      assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
      const svg = await response.text();
      assert.ok(Buffer.byteLength(svg) <= 1536, `${name} is ${Buffer.byteLength(svg)} bytes`);
      assert.match(
        svg,
        /^<svg xmlns="http:\/\/www\.w3\.org\/2000\/svg" width="(\d+)" height="(\d+)" viewBox="0 0 \1 \2"[^>]*>/,
      );
      assert.match(svg, /<title>[^<]{5,}<\/title>/, `${name} has a title`);
      assert.ok(svg.trimEnd().endsWith('</svg>'));
      // No script, event handlers, links, external references or embedded content.
      assert.doesNotMatch(
        svg,
        /<script|<foreignObject|<image|<use|<a[\s>]|href|\bon\w+=|url\(|@import|javascript:|data:/i,
        name,
      );
      assert.equal(svg.match(/https?:/g)?.length, 1, `${name}: the xmlns is the only URL`);
    }
  });

  test('HEAD answers 200 without a body; unknown, odd and prototype names are a 404 JSON error', async () => {
    const head = await server.request('/__mock/assets/gift-card.svg', { method: 'HEAD' });
    assert.equal(head.status, 200);
    assert.equal(await head.text(), '');
    for (const path of [
      'nope.svg',
      'gift-card.png',
      'gift-card',
      'Gift-Card.svg',
      'constructor.svg',
      '__proto__.svg',
      'toString.svg',
      '..%2Fapp.ts',
      '%2e%2e%2fhttp.ts',
      '',
    ]) {
      const response = await server.request(`/__mock/assets/${path}`);
      assert.equal(response.status, 404, path);
      assert.deepEqual(await response.json(), { error: 'Not found' }, path);
    }
    assert.equal((await server.request('/__mock/assets/gift-card.svg', { method: 'POST' })).status, 404);
  });

  test('the bundled FAQ has no external picture: every one is a bundled path', () => {
    const urls = imageUrls(FAQ);
    assert.ok(urls.length >= 6);
    for (const url of urls) assert.match(url, new RegExp(`^/__mock/assets/(${NAMES.join('|')})\\.svg$`));
  });

  test('/chat: every picture of every FAQ answer is absolute on the request origin and served (200 image/svg+xml)', async () => {
    const withPictures = FAQ.filter((entry) => imageUrls(entry.templates).length > 0);
    let checked = 0;
    for (const entry of withPictures) {
      const urls = imageUrls(await chatTemplates(entry.title, entry.organizationId));
      assert.equal(urls.length, imageUrls(entry.templates).length, `the answer to "${entry.title}" has its pictures`);
      for (const url of urls) {
        assert.equal(new URL(url).origin, server.base(), url);
        await assertServedPicture(url);
        checked++;
      }
    }
    assert.equal(checked, imageUrls(FAQ).length);
  });

  test('gateway products: every card picture is absolute on the request origin and served', async () => {
    const headers = { 'content-type': 'application/json', Authorization: `Bearer ${ME_KEY}` };
    const path = `${server.base()}/api/v1/gateway/default/dev/scope`;
    const handshake = await (
      await fetch(path, { method: 'POST', headers, body: JSON.stringify({ query: null }) })
    ).json();
    const body = await (
      await fetch(path, {
        method: 'POST',
        headers: { ...headers, 'X-Conversation-Id': handshake.data.conversation_id },
        body: JSON.stringify({ query: 'products' }),
      })
    ).json();
    const urls = imageUrls(body.data['channel-result']);
    assert.equal(urls.length, 3);
    for (const url of urls) {
      assert.equal(new URL(url).origin, server.base(), url);
      await assertServedPicture(url);
    }
  });

  test('in-page host: pictures are on the origin the page asked, and the in-page fetch serves them', async () => {
    const inPage = createInPageFetch(createMockApp(), {
      passthrough: () => Promise.reject(new Error('left the page')),
    });
    const origin = 'https://help.shop.example.com';
    const urls = imageUrls(await chatTemplates('Which gift cards do you sell?', 'shop', `${origin}/chat`, inPage));
    assert.equal(urls.length, 2);
    for (const url of urls) {
      assert.ok(url.startsWith(`${origin}/__mock/assets/`), url);
      const response = await inPage(url);
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('content-type'), 'image/svg+xml');
    }
  });
});
