import { after, before } from 'node:test';
import type { MockOptions } from '../../src/mock/app.js';
import { startMockServer } from '../../src/mock/hosts/node-server.js';

export const CHAT_KEY = 'mooni_demo_key';
export const MOOD_KEY = 'sm_demo_key';
export const ME_KEY = 'me_demo_key';

/**
 * Starts `npm run mock`'s server on an ephemeral port for the file's tests; `base()` is its URL. No per-key rate
 * limit unless `options` asks for one: the files share the demo keys.
 */
export function useMockServer(options: MockOptions = {}) {
  let url = '';
  let close: () => Promise<void> = async () => {};
  before(async () => {
    const started = await startMockServer(0, { chunkDelayMs: 0, rateLimit: false, ...options });
    url = started.url.replace('localhost', '127.0.0.1');
    close = () =>
      new Promise<void>((resolve) => {
        started.server.closeAllConnections();
        started.server.close(() => resolve());
      });
  });
  after(() => close());
  const base = () => url;
  const request = (path: string, init: RequestInit = {}) => fetch(url + path, init);
  const postJson = (path: string, body: unknown, headers: Record<string, string> = {}) =>
    fetch(url + path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  return { base, request, postJson };
}

/** The `data:` payloads of an SSE body, parsed (`[DONE]` kept as a string). */
export async function sseData(response: Response): Promise<unknown[]> {
  const text = await response.text();
  return text
    .split('\n\n')
    .filter((block) => block.startsWith('data: '))
    .map((block) => block.slice(6))
    .map((data) => (data === '[DONE]' ? data : JSON.parse(data)));
}

export const uniqueId = (prefix = 's') => `${prefix}-${crypto.randomUUID()}`;
