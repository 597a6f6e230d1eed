import { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyWebhookSignature } from '../webhooks/verify.js';
import type { WebhookEnvelope, WebhookEventType } from '../webhooks/events.js';

export { SIGNATURE_HEADER, TIMESTAMP_HEADER, verifyWebhookSignature };
export { WEBHOOK_EVENT_TYPES, type WebhookEnvelope, type WebhookEventType } from '../webhooks/events.js';

/** Header values as Node's `IncomingMessage`, a plain object or a Fetch `Headers` give them. */
export type HeaderSource = Headers | Record<string, string | string[] | undefined>;

const header = (headers: HeaderSource, name: string): string | undefined => {
  const value = headers instanceof Headers ? headers.get(name) : headers[name];
  return Array.isArray(value) ? value[0] : (value ?? undefined);
};

export interface WebhookVerification {
  /** The subscription's signing secret. */
  secret: string;
  /** Seconds a delivery's timestamp may be away from now (default 300; 0 turns the replay check off). */
  toleranceSec?: number;
}

/**
 * Checks a delivery over its raw body (the exact bytes received: a re-serialised `req.body` may differ) and
 * parses it; `undefined` when the signature, the timestamp or the JSON is wrong.
 */
export async function readWebhook(
  rawBody: string | Uint8Array,
  headers: HeaderSource,
  options: WebhookVerification,
): Promise<WebhookEnvelope | undefined> {
  const body = typeof rawBody === 'string' ? rawBody : new TextDecoder().decode(rawBody);
  const authentic = await verifyWebhookSignature({
    body,
    signature: header(headers, SIGNATURE_HEADER),
    timestamp: header(headers, TIMESTAMP_HEADER),
    secret: options.secret,
    toleranceSec: options.toleranceSec,
  });
  if (!authentic) return;
  try {
    const envelope: unknown = JSON.parse(body);
    return typeof envelope === 'object' && envelope !== null && typeof (envelope as WebhookEnvelope).type === 'string'
      ? (envelope as WebhookEnvelope)
      : undefined;
  } catch {
    return;
  }
}

export type WebhookHandlers = Partial<Record<WebhookEventType | '*', (event: WebhookEnvelope) => void | Promise<void>>>;

/** The parts of Node's request and response (or Express's) the handler uses. */
export interface NodeLikeRequest extends AsyncIterable<Uint8Array | string> {
  headers: Record<string, string | string[] | undefined>;
  /** A body parser may have read the stream already: a `Buffer`/string raw body is used; a parsed object is not. */
  body?: unknown;
  rawBody?: unknown;
}

export interface NodeLikeResponse {
  statusCode: number;
  setHeader(name: string, value: string): unknown;
  end(body?: string): unknown;
}

async function rawBodyOf(request: NodeLikeRequest): Promise<string | Uint8Array | undefined> {
  for (const candidate of [request.rawBody, request.body]) {
    if (typeof candidate === 'string' || candidate instanceof Uint8Array) return candidate;
  }
  if (request.body !== undefined) return;
  const chunks: Uint8Array[] = [];
  const encoder = new TextEncoder();
  for await (const chunk of request) chunks.push(typeof chunk === 'string' ? encoder.encode(chunk) : chunk);
  const joined = new Uint8Array(chunks.reduce((size, chunk) => size + chunk.byteLength, 0));
  let offset = 0;
  for (const chunk of chunks) {
    joined.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return joined;
}

const reply = (response: NodeLikeResponse, status: number, body: object) => {
  response.statusCode = status;
  response.setHeader('content-type', 'application/json');
  response.end(JSON.stringify(body));
};

/**
 * An Express/Connect (or plain `node:http`) handler for webhook deliveries: verifies the signature over the raw
 * body, answers 401 when it is wrong, runs the handler for the event's type (and `'*'`), then answers 200.
 * A throwing handler answers 500, so the sender retries. Mount it before any JSON body parser, or give it the
 * raw body (`express.raw({ type: 'application/json' })`).
 */
export function createWebhookHandler(options: WebhookVerification & { on: WebhookHandlers }) {
  return async (request: NodeLikeRequest, response: NodeLikeResponse): Promise<void> => {
    const raw = await rawBodyOf(request);
    const event = raw === undefined ? undefined : await readWebhook(raw, request.headers, options);
    if (!event) return reply(response, 401, { error: 'Invalid signature' });
    try {
      await options.on[event.type]?.(event);
      await options.on['*']?.(event);
    } catch {
      return reply(response, 500, { error: 'Handler failed', id: event.id });
    }
    reply(response, 200, { received: true, id: event.id });
  };
}
