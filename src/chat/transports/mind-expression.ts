import { ChatHttpError, type ChatTransport, type FetchLike, type SendContext, type StreamEvent } from '../model.js';
import { channelResultToTemplates } from '../templates/index.js';
import { field, list, text } from '../templates/limits.js';
import { uuid } from '../controllers/uuid.js';
import { fetcher, httpError, join } from './http.js';

export interface MindExpressionTransportOptions {
  /** The Engine URL from the integration page. */
  engineUrl: string;
  /** The Auth Key, sent as `Authorization: Bearer …`. */
  authKey: string;
  developerId: string;
  scopeId: string;
  /** Sent as the body's `custom` object (any JSON), e.g. `{ "user-name": "Jane Doe" }`. */
  custom?: Record<string, unknown>;
  /** Used instead of the global `fetch`. */
  fetch?: FetchLike;
}

export interface MindExpressionTransport extends ChatTransport {
  /** The conversation id the engine gave at the handshake, until the conversation ends or is reset. */
  readonly conversationId: string | undefined;
  /**
   * Starts a conversation (`query: null`, no `X-Conversation-Id`) unless one is open, and returns the
   * engine's greeting (`data.result[0]`) when this call started it. `send()` does this itself.
   */
  handshake(signal?: AbortSignal): Promise<string | undefined>;
  /** Forgets the conversation; the next `send()` handshakes again. */
  reset(): void;
}

/** 002 status codes, read from the JSON's `code` (the HTTP status may differ). */
const OK = 200;
const CREATED = 202;
const NOT_CLASSIFIED = 204;
const EMPTY_INPUT = 210;
const TERMINATED = 220;

/**
 * The Mind Expression gateway (002) as a chat transport. One JSON response per question, yielded as events:
 * text templates as `text` (separated by blank lines), other templates as `template`; 204 adds an
 * `out_of_scope` status before the engine's fallback; 220 ends with `terminated` and forgets the
 * conversation. An empty question is refused before any request (the engine would answer 210).
 *
 * The handshake's greeting is not yielded by `send()`: the user has just asked something, and the answer
 * reads better without a "Hello, how may I help you?" in front of it. A host that wants it shown up front
 * calls `handshake()` when the panel opens.
 */
export function createMindExpressionTransport(options: MindExpressionTransportOptions): MindExpressionTransport {
  const doFetch = fetcher(options.fetch);
  const url = join(
    options.engineUrl,
    `/api/v1/gateway/default/${encodeURIComponent(options.developerId)}/${encodeURIComponent(options.scopeId)}`,
  );
  let conversationId: string | undefined;
  let opening: Promise<string | undefined> | undefined;

  async function post(query: string | null, signal?: AbortSignal): Promise<{ code: number; data: unknown }> {
    const headers: Record<string, string> = {
      'content-type': 'application/json',
      authorization: `Bearer ${options.authKey}`,
    };
    if (query !== null && conversationId) headers['x-conversation-id'] = conversationId;
    const body = { query, 'query-id': uuid(), timestamp: Date.now(), ...(options.custom && { custom: options.custom }) };
    const response = await doFetch(url, { method: 'POST', headers, body: JSON.stringify(body), signal });
    if (!response.ok) throw await httpError(response);
    // An engine that also sets HTTP 204 cannot send a body: the code is all there is.
    if (response.status === NOT_CLASSIFIED) return { code: NOT_CLASSIFIED, data: undefined };
    const json: unknown = await response.json().catch(() => undefined);
    const code = Number(field(json, 'code'));
    if (!Number.isInteger(code)) throw new ChatHttpError(502, 'invalid_response', undefined);
    return { code, data: field(json, 'data') };
  }

  function handshake(signal?: AbortSignal): Promise<string | undefined> {
    if (conversationId) return Promise.resolve(undefined);
    opening ??= post(null, signal)
      .then(({ code, data }) => {
        const id = field(data, 'conversation_id') ?? field(data, 'conversation-id');
        if (code !== CREATED || typeof id !== 'string' || !id) throw new ChatHttpError(502, 'handshake_failed', undefined);
        conversationId = id;
        return text(list(field(data, 'result'))[0], 4000);
      })
      .finally(() => (opening = undefined));
    return opening;
  }

  return {
    get conversationId() {
      return conversationId;
    },
    handshake,
    reset() {
      conversationId = undefined;
    },

    async *send(query: string, context: SendContext): AsyncGenerator<StreamEvent> {
      const { signal } = context;
      signal.throwIfAborted();
      if (!query.trim()) throw new ChatHttpError(400, 'missing_query', undefined);
      await handshake(signal);
      const { code, data } = await post(query, signal);
      signal.throwIfAborted();
      if (code === EMPTY_INPUT) throw new ChatHttpError(400, 'missing_query', undefined);
      if (code !== OK && code !== CREATED && code !== NOT_CLASSIFIED && code !== TERMINATED) {
        throw new ChatHttpError(code >= 400 && code < 600 ? code : 502, 'unexpected_code', undefined);
      }
      const id = field(data, 'conversation_id');
      if (code === TERMINATED) conversationId = undefined;
      else if (typeof id === 'string' && id) conversationId = id;
      if (code === NOT_CLASSIFIED) yield { kind: 'status', status: 'out_of_scope', level: 'warning' };
      let texts = 0;
      const templates = channelResultToTemplates(field(data, 'channel-result'));
      if (!templates.length) {
        for (const line of list(field(data, 'result'))) {
          const t = text(line, 4000);
          if (t) templates.push({ type: 'text', text: t });
        }
      }
      for (const template of templates) {
        if (template.type === 'text') yield { kind: 'text', content: (texts++ ? '\n\n' : '') + template.text };
        else yield { kind: 'template', template };
      }
      if (code === TERMINATED) yield { kind: 'terminated' };
      yield { kind: 'status', status: 'done', level: 'success' };
    },
  };
}
