import type { ChatTransport, FetchLike, SendContext, StreamEvent } from '../../../src/chat/model.js';

/** A fake server body for parser robustness: a Response whose stream delivers exactly these byte chunks. */
export function bodyOf(chunks: (string | Uint8Array)[], init: ResponseInit = {}): Response {
  const encoder = new TextEncoder();
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(typeof chunk === 'string' ? encoder.encode(chunk) : chunk);
      controller.close();
    },
  });
  return new Response(stream, { status: 200, headers: { 'content-type': 'text/event-stream' }, ...init });
}

/** A `fetch` that answers every request with the given Response factory and records the requests. */
export function fakeFetch(
  respond: (request: Request) => Response | Promise<Response>,
): FetchLike & { requests: Request[] } {
  const requests: Request[] = [];
  const f = async (input: RequestInfo | URL, init?: RequestInit) => {
    const request = new Request(input, init);
    requests.push(request.clone());
    return respond(request);
  };
  return Object.assign(f, { requests });
}

export function context(overrides: Partial<SendContext> = {}): SendContext {
  return { signal: new AbortController().signal, sessionId: `internals-${crypto.randomUUID()}`, ...overrides };
}

/** Every event of one answer, and what it threw (if anything) after them. */
export async function collect(
  transport: ChatTransport,
  query: string,
  ctx = context(),
): Promise<{ events: StreamEvent[]; error?: unknown }> {
  const events: StreamEvent[] = [];
  try {
    for await (const event of transport.send(query, ctx)) events.push(event);
    return { events };
  } catch (error) {
    return { events, error };
  }
}

export const texts = (events: StreamEvent[]) => events.map((e) => (e.kind === 'text' ? e.content : '')).join('');

/** Sets the mock's fault plan (`null` clears it). */
export async function setFaults(plan: Record<string, unknown> | null): Promise<void> {
  const response = await fetch(
    '/__mock/faults',
    plan
      ? { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(plan) }
      : { method: 'DELETE' },
  );
  if (!response.ok) throw new Error(`fault API answered ${response.status}`);
}
