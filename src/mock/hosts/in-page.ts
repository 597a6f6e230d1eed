import { DROP_HEADER } from '../admin/fault-response.js';
import { createMockApp, type MockOptions } from '../app.js';
import { createInPageWebSocket } from '../realtime/in-page-socket.js';
import { MOCK_PATHS } from './paths.js';

interface FetchHandler {
  fetch(request: Request): Response | Promise<Response>;
}

export interface InPageFetchOptions {
  /** Where requests outside the mock's paths go (default: the page's own fetch, looked up per call). */
  passthrough?: typeof fetch;
}

/**
 * A fetch-compatible function that answers requests for the mock's paths (any origin, or relative) from
 * `app` inside the page, and hands every other request to the real fetch.
 */
export function createInPageFetch(app: FetchHandler, options: InPageFetchOptions = {}): typeof fetch {
  const passthrough =
    options.passthrough ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  return async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const base = typeof location === 'undefined' ? 'http://localhost/' : location.href;
    const url = new URL(input instanceof Request ? input.url : String(input), base);
    if (!MOCK_PATHS.test(url.pathname)) return passthrough(input, init);
    const request = input instanceof Request ? new Request(input, init) : new Request(url, init);
    request.signal.throwIfAborted();
    const response = await app.fetch(request);
    if (response.headers.has(DROP_HEADER)) throw new TypeError('Failed to fetch');
    return response;
  };
}

/**
 * Builds the mock (answers paced like a real backend) and returns its in-page fetch and a WebSocket
 * look-alike for its realtime channel.
 */
export function installInPageBackend(options: MockOptions & InPageFetchOptions = {}) {
  const { passthrough, ...mockOptions } = options;
  const app = createMockApp({ chunkDelayMs: 40, ...mockOptions });
  return { fetch: createInPageFetch(app, { passthrough }), WebSocket: createInPageWebSocket(app.realtime) };
}

/** Builds the mock (answers paced like a real backend) and returns its in-page fetch. */
export function installInPageMock(options: MockOptions & InPageFetchOptions = {}): typeof fetch {
  return installInPageBackend(options).fetch;
}
