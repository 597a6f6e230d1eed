import { StreamCutError, type ChatTransport, type FetchLike, type StreamEvent } from '../model.js';
import { anyTemplate } from '../templates/index.js';
import { field, pick, text } from '../templates/read.js';
import { json, request } from './http.js';
import { readEvents } from './sse.js';

export interface MooniTransportOptions {
  /** Origin (and optional path prefix) of the Mooni Chat API, e.g. `https://tap-cs.coxwave.link`. */
  apiBase: string;
  /** Sent as the `mooni-api-key` header. */
  apiKey: string;
  /** Used instead of the global `fetch` (the demo passes the in-page mock). */
  fetch?: FetchLike;
}

/**
 * Maps the JSON of one `data:` line of the Mooni Chat stream to a `StreamEvent`; `undefined` for what a
 * client ignores (unparsable JSON, unknown types, events missing their payload).
 */
export function toStreamEvent(data: string): StreamEvent | undefined {
  let parsed: unknown;
  try {
    parsed = JSON.parse(data);
  } catch {
    return undefined; // 001 clients ignore lines they cannot read
  }
  const content = field(parsed, 'content');
  switch (field(parsed, 'type')) {
    case 'status': {
      const status = text(field(parsed, 'status'), 100);
      return status ? { kind: 'status', status, level: text(field(parsed, 'level'), 100) ?? '' } : undefined;
    }
    case 'text':
      return typeof content === 'string' && content ? { kind: 'text', content } : undefined;
    case 'faq':
      return {
        kind: 'faq',
        results: pick(field(parsed, 'results'), (result) => {
          const title = text(field(result, 'title'), 200)?.trim();
          return title ? { id: String(field(result, 'id') ?? title), title } : undefined;
        }),
      };
    case 'template': {
      const template = anyTemplate(field(parsed, 'template'));
      return template ? { kind: 'template', template } : undefined;
    }
    case 'error':
      return { kind: 'error', message: text(field(parsed, 'message'), 100) ?? 'unknown_error' };
  }
  return undefined;
}

/**
 * The Mooni Chat API (001): `config()` reads the tenant's display name from `GET /config`; `send()` posts
 * the question to `POST /chat` and yields the Server-Sent Events of the answer as they arrive, until
 * `data: [DONE]`.
 */
export function createMooniTransport({ apiBase, apiKey, fetch }: MooniTransportOptions): ChatTransport {
  const headers = { 'mooni-api-key': apiKey };
  return {
    async config(signal) {
      const name = text(
        field(await json(await request(fetch, apiBase, '/config', { headers, signal })), 'name'),
        200,
      )?.trim();
      return name ? { name } : undefined;
    },

    async *send(query, { signal, sessionId, userId, organizationId }) {
      signal.throwIfAborted();
      // Aborted when done too, so an unfinished body is released: `[DONE]` may come before the connection closes.
      const own = new AbortController();
      const follow = () => own.abort(signal.reason);
      signal.addEventListener('abort', follow);
      let received = 0;
      try {
        const response = await request(fetch, apiBase, '/chat', {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json' },
          body: JSON.stringify({ query, sessionId, userId, organizationId }),
          signal: own.signal,
        });
        for await (const { data } of readEvents(response, own.signal)) {
          if (data.trim() === '[DONE]') return;
          const event = data && toStreamEvent(data);
          if (event) {
            received++;
            yield event;
          }
        }
        signal.throwIfAborted();
        throw new StreamCutError(received);
      } finally {
        signal.removeEventListener('abort', follow);
        own.abort();
      }
    },
  };
}
