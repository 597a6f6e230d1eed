import { Hono } from 'hono';
import { isRecord, json, readJson, uuid } from '../http.js';
import type { Exchange } from '../webhooks/conversations.js';
import type { MockStore } from '../store.js';
import { answerInScope, CREATED, DESCRIPTIONS, GREETING, NOT_CLASSIFIED, TERMINATED } from './scope.js';

/**
 * Which HTTP status an answer carries. `always_200`: 200, with the 002 code in the JSON's `code` (the
 * default: what integrations built on the documents' examples expect). `code`: the HTTP status equals
 * `code` (200, 202, 204, 210, 220); a 204 then has no body, as HTTP requires.
 */
export type GatewayHttpStatus = 'always_200' | 'code';

/** 002's examples spell the data field `conversation_id`, its Message Object table `conversation-id`. */
export type ConversationIdField = 'conversation_id' | 'conversation-id';

export interface GatewaySettings {
  /** Accepted Auth Keys, sent as `Authorization: Bearer …` or bare (as 002's own examples do). */
  keys: string[];
  httpStatus: GatewayHttpStatus;
  conversationIdField: ConversationIdField;
  /** A conversation without a message for this long has expired: its id gets a new handshake. */
  idleTimeoutMs: number;
}

export const DEMO_GATEWAY_KEY = 'me_demo_key';

export const DEFAULT_GATEWAY_SETTINGS: GatewaySettings = {
  keys: [DEMO_GATEWAY_KEY],
  httpStatus: 'always_200',
  conversationIdField: 'conversation_id',
  idleTimeoutMs: 30 * 60 * 1000,
};

export interface GatewayRoutesOptions {
  store: MockStore;
  settings: GatewaySettings;
  /** Called for each question answered (webhooks: conversation events). */
  onExchange?: (exchange: Exchange) => void;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** 002's header table says `Bearer {Auth Key}`; its examples send the bare key. Both are accepted. */
const AUTHORIZATION = /^(?:Bearer\s+)?(\S+)\s*$/i;

/** The Auth Key of a gateway request, Bearer or bare. */
export const gatewayKeyOf = (request: Request): string | undefined =>
  AUTHORIZATION.exec(request.headers.get('authorization') ?? '')?.[1];

/** A 4xx in 002's envelope (`description`, `code`, `data`), with a machine-readable `error`. */
const failure = (status: number, description: string, error: string, message?: string) =>
  json({ description, code: status, data: null, error, ...(message && { message }) }, status);

/** The body's `query` and `query-id`, or the 4xx that refuses it. */
async function readInput(request: Request): Promise<{ query: string | null; queryId: unknown } | Response> {
  const body = await readJson(request);
  if (!body.ok) {
    return body.reason === 'too_large'
      ? failure(413, 'Payload Too Large', 'payload_too_large')
      : failure(400, 'Bad Request', 'invalid_json', 'The body must be valid JSON');
  }
  if (!isRecord(body.value)) return failure(400, 'Bad Request', 'invalid_body', 'The body must be a JSON object');
  const input = body.value;
  const query = input.query ?? null;
  if (query !== null && typeof query !== 'string')
    return failure(400, 'Bad Request', 'invalid_query', 'query must be a string');
  const queryId = input['query-id'];
  if (queryId !== undefined && queryId !== null && typeof queryId !== 'string') {
    return failure(400, 'Bad Request', 'invalid_query_id', 'query-id must be a string');
  }
  if (input.timestamp !== undefined && input.timestamp !== null && typeof input.timestamp !== 'number') {
    return failure(400, 'Bad Request', 'invalid_timestamp', 'timestamp must be a number (UNIX epoch ms)');
  }
  if (input.custom !== undefined && input.custom !== null && !isRecord(input.custom)) {
    return failure(400, 'Bad Request', 'invalid_custom', 'custom must be a JSON object');
  }
  return { query, queryId };
}

/**
 * Mind Expression (002): `POST /api/v1/gateway/default/:developerId/:scopeId`, a stateful engine. A
 * conversation exists from the 202 that issued its id until a 220 ends it or it is idle too long; a message
 * without `X-Conversation-Id`, or with an id the engine did not issue, has ended or has expired, starts a new
 * conversation (202, a new id), as 002 warns. Ids belong to the developer and scope that issued them.
 */
export function gatewayRoutes(options: GatewayRoutesOptions) {
  const { store, settings } = options;
  const app = new Hono();

  /** The conversation `given` names, if the engine issued it to this scope and it is still open. */
  async function openConversation(given: string | undefined, developerId: string, scopeId: string, now: number) {
    const id = given?.trim().toLowerCase();
    const open = id && UUID.test(id) ? await store.conversation(id) : undefined;
    if (open && now - open.lastActiveAt > settings.idleTimeoutMs) {
      await store.endConversation(open.conversationId);
      return undefined;
    }
    return open && open.developerId === developerId && open.scopeId === scopeId ? open : undefined;
  }

  app.post('/api/v1/gateway/default/:developerId/:scopeId', async (c) => {
    const key = gatewayKeyOf(c.req.raw);
    if (!key || !settings.keys.includes(key))
      return failure(401, 'Unauthorized', 'unauthorized', 'Missing or invalid Auth Key');
    const input = await readInput(c.req.raw);
    if (input instanceof Response) return input;
    const { query, queryId } = input;
    let developerId: string;
    let scopeId: string;
    try {
      developerId = c.req.param('developerId');
      scopeId = c.req.param('scopeId');
    } catch {
      return failure(400, 'Bad Request', 'invalid_path', 'The developer or scope id is not valid URL encoding');
    }

    const started = Date.now();
    const open = await openConversation(c.req.header('x-conversation-id'), developerId, scopeId, started);
    const conversationId = open?.conversationId ?? uuid();

    const reply = async (code: number, channelResult: unknown, result: string[], ends = code === TERMINATED) => {
      if (ends) await store.endConversation(conversationId);
      else await store.putConversation({ conversationId, developerId, scopeId, lastActiveAt: Date.now() });
      const status = settings.httpStatus === 'code' ? code : 200;
      if (status === NOT_CLASSIFIED) return new Response(null, { status });
      const data = {
        'channel-result': channelResult,
        result,
        'execution-time': Date.now() - started,
        timestamp: Date.now(),
        'query-id': typeof queryId === 'string' ? queryId : uuid(),
        [settings.conversationIdField]: conversationId,
      };
      return json({ description: DESCRIPTIONS[code], code, data }, status);
    };

    // A handshake without a question (002's `query: null`) is answered with the greeting.
    if (!open && (query === null || !query.trim())) return reply(CREATED, null, [GREETING]);
    const answer = answerInScope(query ?? '', new URL(c.req.url).origin);
    if (query?.trim()) {
      const templates = answer.channelResult
        .flatMap((result) => [result['channel-instruction'], result['channel-message']])
        .filter((template) => template['template-type'] !== 'text' || Boolean(template.template));
      options.onExchange?.({
        conversationId,
        userId: null,
        organizationId: null,
        channel: 'mind-expression',
        query,
        answer: templates
          .flatMap((template) => (template['template-type'] === 'text' && template.template ? [template.template] : []))
          .join('\n\n'),
        templates,
        terminated: answer.code === TERMINATED,
      });
    }
    return reply(open ? answer.code : CREATED, answer.channelResult, [''], answer.code === TERMINATED);
  });

  return app;
}
