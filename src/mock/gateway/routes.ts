import { Hono } from 'hono';
import { isRecord, json, readJson, uuid } from '../http.js';
import type { Exchange } from '../webhooks/conversations.js';
import { answerInScope, CREATED, DESCRIPTIONS, GREETING, TERMINATED } from './scope.js';

export interface GatewayRoutesOptions {
  /** Accepted `Authorization: Bearer …` keys. */
  apiKeys: string[];
  /** Called for each question answered (webhooks: conversation events). */
  onExchange?: (exchange: Exchange) => void;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A 4xx in 002's envelope (`description`, `code`, `data`), with a machine-readable `error`. */
const failure = (status: number, description: string, error: string, message?: string) =>
  json({ description, code: status, data: null, error, ...(message && { message }) }, status);

/**
 * Mind Expression (002): `POST /api/v1/gateway/default/:developerId/:scopeId`. The HTTP status is 200 for
 * every answer; the 002 code (200, 202, 204, 210, 220) is the JSON's `code` (HTTP 204 could not carry it).
 */
export function gatewayRoutes(options: GatewayRoutesOptions) {
  const app = new Hono();

  app.post('/api/v1/gateway/default/:developerId/:scopeId', async (c) => {
    const match = /^Bearer\s+(\S+)\s*$/i.exec(c.req.header('authorization') ?? '');
    if (!match || !options.apiKeys.includes(match[1]))
      return failure(401, 'Unauthorized', 'unauthorized', 'Missing or invalid Auth Key');
    const body = await readJson(c.req.raw);
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
    const started = Date.now();
    const given = c.req.header('x-conversation-id')?.trim();
    const handshake = !given || !UUID.test(given);
    const conversationId = handshake ? uuid() : given;
    const data = (channelResult: unknown, result: string[]) => ({
      'channel-result': channelResult,
      result,
      'execution-time': Date.now() - started,
      timestamp: Date.now(),
      'query-id': typeof queryId === 'string' ? queryId : uuid(),
      conversation_id: conversationId,
    });

    if (handshake && query === null) {
      return json({ description: DESCRIPTIONS[CREATED], code: CREATED, data: data(null, [GREETING]) });
    }
    const answer = answerInScope(query ?? '', new URL(c.req.url).origin);
    const code = handshake ? CREATED : answer.code;
    const templates = answer.channelResult.map((result) => result['channel-message']);
    if (query?.trim()) {
      options.onExchange?.({
        conversationId,
        userId: null,
        organizationId: null,
        channel: 'mind-expression',
        query: query ?? '',
        answer: templates
          .flatMap((template) => (template['template-type'] === 'text' && template.template ? [template.template] : []))
          .join('\n\n'),
        templates,
        terminated: answer.code === TERMINATED,
      });
    }
    return json({ description: DESCRIPTIONS[code], code, data: data(answer.channelResult, ['']) });
  });

  return app;
}
