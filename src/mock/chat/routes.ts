import { Hono } from 'hono';
import { onOrigin } from '../assets/urls.js';
import type { ChatFault } from '../faults.js';
import { belongsTo, type FaqAnswer } from '../faq/search.js';
import { OUT_OF_SCOPE_TOPICS, TENANT } from '../faq/data.js';
import { isRecord, json, readJson } from '../http.js';
import type { MockStore } from '../store.js';
import type { Exchange } from '../webhooks/conversations.js';
import { chunkText, planLines, sseBody, type StreamPlan } from './stream.js';
import { USER_TOKEN_HEADER, verifyUserToken } from './user-token.js';

export const DEMO_CHAT_KEY = 'mooni_demo_key';
export const MAX_QUERY_LENGTH = 500;

export interface ChatRoutesOptions {
  store: MockStore;
  chunkDelayMs: number;
  apiKeys: string[];
  search: (query: string, organizationId?: string | null) => FaqAnswer | undefined;
  /** Called for each question answered to the end (webhooks: conversation events). */
  onExchange?: (exchange: Exchange) => void;
  /**
   * Per chat key, the secret its tenant's server signs user tokens with: history of a key listed here is shown
   * only with the user's token (`mooni-user-token`).
   */
  userTokenSecrets?: Record<string, string>;
  /** The page reported a conversation closed or reset; false when none is open under that id. */
  onEnd?: (sessionId: string, reason: 'closed' | 'reset') => boolean;
}

type Env = { Variables: { chatFault?: ChatFault } };

/** The answer when no entry matches: it names only the topics of the organization that was asked. */
export function outOfScopeText(organizationId: string | null): string {
  const topics = Object.entries(OUT_OF_SCOPE_TOPICS)
    .filter(([organization]) => belongsTo(organization, organizationId))
    .map(([, text]) => text);
  const sorry = "Sorry, I couldn't find an answer to that in our help center. Try asking in other words";
  return topics.length > 0 ? `${sorry}, or ask about ${topics.join(', or ')}.` : `${sorry}.`;
}

/** Mooni Chat (001): `POST /chat` (SSE), `GET /config`, `GET /history/sessions`. */
export function chatRoutes(options: ChatRoutesOptions) {
  const app = new Hono<Env>();
  const unauthorized = () => new Response(null, { status: 401 });
  const authorized = (request: Request) => options.apiKeys.includes(request.headers.get('mooni-api-key') ?? '');

  app.post('/chat', async (c) => {
    if (!authorized(c.req.raw)) return unauthorized();
    const body = await readJson(c.req.raw);
    if (!body.ok)
      return json(
        {
          error: body.reason === 'too_large' ? 'query_too_long' : 'invalid_json',
          ...(body.reason === 'too_large' && { maxLength: MAX_QUERY_LENGTH }),
        },
        400,
      );
    const input = isRecord(body.value) ? body.value : {};
    if (typeof input.query !== 'string' || !input.query.trim()) return json({ error: 'missing_query' }, 400);
    const query = input.query.trim();
    if (query.length > MAX_QUERY_LENGTH) return json({ error: 'query_too_long', maxLength: MAX_QUERY_LENGTH }, 400);
    const text = (name: string) =>
      typeof input[name] === 'string' && (input[name] as string) ? (input[name] as string) : null;
    const sessionId = text('sessionId');
    const userId = text('userId');
    const organizationId = text('organizationId');

    let found: FaqAnswer | undefined;
    let failed = false;
    try {
      found = options.search(query, organizationId);
    } catch {
      failed = true;
    }
    const answer = found ? found.entry.body : outOfScopeText(organizationId);
    const plan: StreamPlan = {
      text: chunkText(answer),
      templates: (found?.entry.templates ?? []).map((template) => onOrigin(template, new URL(c.req.url).origin)),
      related: found?.related ?? [],
      outOfScope: !found,
      failed,
    };
    await record(options.store, { sessionId, userId, organizationId, query, answer: failed ? null : answer });
    const fault = c.get('chatFault');
    const lines = planLines(plan, { cutAt: fault?.cutAt, errorEvent: fault?.errorEvent });
    if (!failed && !fault?.cutAt && !fault?.errorEvent) {
      const templates = plan.templates;
      options.onExchange?.({
        conversationId: sessionId,
        userId,
        organizationId,
        channel: 'mooni',
        query,
        answer,
        templates,
      });
    }
    return new Response(sseBody(lines, options.chunkDelayMs), {
      headers: { 'content-type': 'text/event-stream; charset=utf-8', 'cache-control': 'no-cache' },
    });
  });

  // Extension (README): 001 has no way to say a conversation ended; the page's `conversation.completed` hook
  // reports it here so the `conversation.completed` webhook fires when the conversation really ends.
  app.post('/chat/sessions/:sessionId/end', async (c) => {
    if (!authorized(c.req.raw)) return unauthorized();
    const body = await readJson(c.req.raw);
    const reason = body.ok && isRecord(body.value) ? body.value.reason : undefined;
    if (reason !== 'closed' && reason !== 'reset')
      return json({ error: 'invalid_reason', valid: ['closed', 'reset'] }, 400);
    const sessionId = c.req.param('sessionId');
    const ended = options.onEnd?.(sessionId, reason) ?? false;
    return ended ? json({ sessionId, ended: true, reason }) : json({ error: 'session_not_found', sessionId }, 404);
  });

  app.get('/config', (c) => (authorized(c.req.raw) ? json(TENANT) : unauthorized()));

  app.get('/history/sessions', async (c) => {
    if (!authorized(c.req.raw)) return unauthorized();
    const userId = c.req.query('userId');
    if (!userId) return json({ error: 'missing_user_id' }, 400);
    const secret = options.userTokenSecrets?.[c.req.header('mooni-api-key') ?? ''];
    const token = c.req.header(USER_TOKEN_HEADER);
    if (secret && !token) return json({ error: 'user_token_required' }, 403);
    if (secret && token && !(await verifyUserToken(token, userId, secret)))
      return json({ error: 'invalid_user_token' }, 403);
    const sessions = await options.store.chatSessionsOf(userId);
    const items = [...sessions]
      .sort((a, b) => b.updatedAt.localeCompare(a.updatedAt))
      .map((s) => ({
        sessionId: s.sessionId,
        userId: s.userId,
        organizationId: s.organizationId,
        title: s.messages.find((m) => m.role === 'user')?.content ?? '',
        createdAt: s.createdAt,
        updatedAt: s.updatedAt,
        messageCount: s.messages.length,
        messages: s.messages,
      }));
    return json({ items });
  });

  return app;
}

/**
 * 001 "Persistence Behavior": a session and its messages only with a sessionId, a user only with a
 * userId; a recording failure never affects the chat response.
 */
async function record(
  store: MockStore,
  r: {
    sessionId: string | null;
    userId: string | null;
    organizationId: string | null;
    query: string;
    answer: string | null;
  },
) {
  try {
    if (r.userId) await store.recordUser(r.userId);
  } catch {
    // Recording is best effort by contract.
  }
  try {
    if (!r.sessionId) return;
    const base = { sessionId: r.sessionId, userId: r.userId, organizationId: r.organizationId };
    await store.recordChatMessage({ ...base, role: 'user', content: r.query });
    if (r.answer !== null) await store.recordChatMessage({ ...base, role: 'assistant', content: r.answer });
  } catch {
    // Recording is best effort by contract.
  }
}
