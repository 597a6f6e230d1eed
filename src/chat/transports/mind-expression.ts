import { ChatHttpError, type ChatTransport, type FetchLike, type StreamEvent, type Template } from '../model.js';
import { channelResultToTemplates, textTemplate } from '../templates/index.js';
import { field, list, text } from '../templates/read.js';
import { uuid } from '../controllers/uuid.js';
import { json, request } from './http.js';

/**
 * How the Auth Key goes in `Authorization`: 002's header table says `Bearer {Auth Key}` (`bearer`), its own
 * examples send the key alone (`bare`).
 */
export type AuthScheme = 'bearer' | 'bare';

export interface MindExpressionTransportOptions {
  /** The Engine URL from the integration page. */
  engineUrl: string;
  /** The Auth Key, sent as `Authorization: Bearer …` (or bare, see `authScheme`). */
  authKey: string;
  /** `bearer` (default) or `bare`, for an engine that expects the key as its examples show it. */
  authScheme?: AuthScheme;
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

const fail = (status: number, code?: string) => new ChatHttpError(status, code, undefined);
const invalid = () => fail(502, 'invalid_response');

/** The documents spell it both ways. */
const conversationOf = (data: unknown) => text(field(data, 'conversation_id') ?? field(data, 'conversation-id'), 200);

/**
 * The Mind Expression gateway (002) as a chat transport. One JSON response per question, yielded as events:
 * text templates as `text` (separated by blank lines), other templates as `template`; the status codes are
 * the JSON's `code` (the HTTP status may differ): 204 adds an `out_of_scope` status before the engine's
 * fallback; 210 shows the engine's prompt (a `missing_query` failure when it gave none); 220 ends with
 * `terminated` and forgets the conversation; an empty question is refused before any request.
 *
 * The handshake's greeting is not yielded by `send()`: the user has just asked something, and the answer
 * reads better without a "Hello, how may I help you?" in front of it. A host that wants it shown up front
 * calls `handshake()` when the panel opens.
 */
export function createMindExpressionTransport(options: MindExpressionTransportOptions): MindExpressionTransport {
  const developer = encodeURIComponent(options.developerId);
  const path = `/api/v1/gateway/default/${developer}/${encodeURIComponent(options.scopeId)}`;
  let conversationId: string | undefined;
  let opening: Promise<string | undefined> | undefined;

  async function post(query: string | null, signal?: AbortSignal): Promise<[number, unknown]> {
    const response = await request(options.fetch, options.engineUrl, path, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: options.authScheme === 'bare' ? options.authKey : 'Bearer ' + options.authKey,
        ...(query !== null && conversationId && { 'x-conversation-id': conversationId }),
      },
      body: JSON.stringify({ query, 'query-id': uuid(), timestamp: Date.now(), custom: options.custom }),
      signal,
    });
    // An engine that also sets HTTP 204 cannot send a body: the code is all there is.
    const body = response.status === 204 ? { code: 204 } : await json(response);
    const code = field(body, 'code');
    if (typeof code !== 'number') throw invalid();
    return [code, field(body, 'data')];
  }

  async function handshake(signal?: AbortSignal): Promise<string | undefined> {
    if (!conversationId) {
      return (opening ??= post(null, signal)
        .then(([code, data]) => {
          if (code !== 202 || !(conversationId = conversationOf(data))) throw invalid();
          return text(list(field(data, 'result'))[0]);
        })
        .finally(() => (opening = undefined)));
    }
  }

  return {
    get conversationId() {
      return conversationId;
    },
    handshake,
    reset() {
      conversationId = undefined;
    },

    async *send(query, { signal }): AsyncGenerator<StreamEvent> {
      signal.throwIfAborted();
      if (!query.trim()) throw fail(400, 'missing_query');
      await handshake(signal);
      const [code, data] = await post(query, signal);
      signal.throwIfAborted();
      if (![200, 202, 204, 210, 220].includes(code)) throw fail(code > 399 && code < 600 ? code : 502);
      let templates = channelResultToTemplates(field(data, 'channel-result'));
      if (!templates[0])
        templates = list(field(data, 'result'))
          .map((template) => textTemplate({ template }))
          .filter((t): t is Template => !!t);
      // The engine found the question empty (e.g. only punctuation): its prompt says what to do.
      if (code === 210 && !templates[0]) throw fail(400, 'missing_query');
      conversationId = code === 220 ? undefined : (conversationOf(data) ?? conversationId);
      if (code === 204) yield { kind: 'status', status: 'out_of_scope', level: 'warning' };
      let texts = 0;
      for (const template of templates) {
        yield template.type === 'text'
          ? { kind: 'text', content: (texts++ ? '\n\n' : '') + template.text }
          : { kind: 'template', template };
      }
      if (code === 220) yield { kind: 'terminated' };
      yield { kind: 'status', status: 'done', level: 'success' };
    },
  };
}
