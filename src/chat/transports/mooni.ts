import { events } from 'fetch-event-stream';
import { StreamCutError, type ChatTransport, type FetchLike, type SendContext, type StreamEvent } from '../model.js';
import { fetcher, httpError, join, linkedAbort } from './http.js';
import { toStreamEvent } from './sse-event.js';

export interface MooniTransportOptions {
  /** Origin (and optional path prefix) of the Mooni Chat API, e.g. `https://tap-cs.coxwave.link`. */
  apiBase: string;
  /** Sent as the `mooni-api-key` header. */
  apiKey: string;
  /** Used instead of the global `fetch` (the demo passes the in-page mock). */
  fetch?: FetchLike;
}

/**
 * The Mooni Chat API (001): `config()` reads the tenant's display name from `GET /config`; `send()` posts
 * the question to `POST /chat` and yields the Server-Sent Events of the answer as they arrive, until
 * `data: [DONE]`.
 */
export function createMooniTransport(options: MooniTransportOptions): ChatTransport {
  const doFetch = fetcher(options.fetch);
  const headers = { 'mooni-api-key': options.apiKey };

  return {
    async config(signal: AbortSignal) {
      const response = await doFetch(join(options.apiBase, '/config'), { headers, signal });
      if (!response.ok) throw await httpError(response);
      const body: unknown = await response.json().catch(() => undefined);
      const name = body !== null && typeof body === 'object' ? (body as { name?: unknown }).name : undefined;
      return typeof name === 'string' && name.trim() ? { name: name.trim() } : undefined;
    },

    async *send(query: string, context: SendContext): AsyncGenerator<StreamEvent> {
      const { signal, sessionId, userId, organizationId } = context;
      signal.throwIfAborted();
      const link = linkedAbort(signal);
      try {
        const response = await doFetch(join(options.apiBase, '/chat'), {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json', accept: 'text/event-stream' },
          body: JSON.stringify({ query, sessionId, userId, organizationId }),
          signal: link.signal,
        });
        if (!response.ok) throw await httpError(response);
        let received = 0;
        for await (const message of events(response, link.signal)) {
          if (message.data === undefined) continue;
          if (message.data.trim() === '[DONE]') return;
          const event = toStreamEvent(message.data);
          if (!event) continue;
          received++;
          yield event;
        }
        signal.throwIfAborted();
        throw new StreamCutError(received);
      } finally {
        link.release();
      }
    },
  };
}
