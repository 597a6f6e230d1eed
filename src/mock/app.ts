import { Hono } from 'hono';
import { cors } from 'hono/cors';
import { adminRoutes } from './admin/routes.js';
import { assetRoutes } from './assets/routes.js';
import { DROP_HEADER, dropResponse, faultResponse } from './admin/fault-response.js';
import { createRequestLog } from './admin/request-log.js';
import { chatRoutes, DEMO_CHAT_KEY } from './chat/routes.js';
import { createFaultBoard, scopeOf, type ChatFault, type FaultScope } from './faults.js';
import { answerFromFaq, type FaqAnswer } from './faq/search.js';
import { DEFAULT_GATEWAY_SETTINGS, gatewayKeyOf, gatewayRoutes, type GatewaySettings } from './gateway/routes.js';
import { discard, json, sleep } from './http.js';
import { apiKeyOf, DEFAULT_QUOTAS, moodRoutes, planOfRequest } from './mood/routes.js';
import { createMemoryStore, type MockStore, type Plan } from './store.js';
import { createRateLimiter, type RateLimitOptions } from './limits/rate-limit.js';
import { createConversationEvents, type ConversationOptions } from './webhooks/conversations.js';
import { createWebhookDispatcher, type WebhookOptions } from './webhooks/dispatcher.js';
import { createRealtimeHub, type RealtimeHub, type RealtimeOptions } from './realtime/hub.js';
import { realtimeAdminRoutes } from './realtime/routes.js';
import type { Environment } from '../webhooks/events.js';
import { webhookAdminRoutes, webhookRoutes } from './webhooks/routes.js';

export interface MockOptions {
  /** Delay between streamed text chunks, in ms (0 in tests). */
  chunkDelayMs?: number;
  /** Monthly session quota per SessionMood plan (defaults: starter 5,000, growth 50,000, pro 200,000). */
  quotas?: Partial<Record<Plan, number>>;
  /** Where state lives (default: in memory, per app). */
  store?: MockStore;
  /** Webhook subscriptions and delivery settings (MOOD MNKY pattern, 000). */
  webhooks?: WebhookOptions;
  /** The `environment` of every webhook envelope (default `development`). */
  environment?: Environment;
  /**
   * Per-key request limit of every API (000: REST 60 req/min by default); `false` turns it off (the test
   * servers, whose ~300 tests share the demo keys).
   */
  rateLimit?: RateLimitOptions | false;
  /** When a quiet conversation counts as ended (`conversation.completed` with `timed_out`). */
  conversations?: ConversationOptions;
  /** Accepted `mooni-api-key` values (default: the demo key). */
  chatKeys?: string[];
  /**
   * Per chat key, the user-token secret (README: user tokens): that key's history needs the user's token.
   * Default: none, history is listed with the key alone.
   */
  userTokenSecrets?: Record<string, string>;
  /** The Mind Expression gateway: keys, HTTP status mode, conversation id spelling, idle expiry (see README). */
  gateway?: Partial<GatewaySettings>;
  /** FAQ retrieval used by `/chat` (default: BM25 over the bundled FAQ); tests replace it to make it fail. */
  search?: (query: string, organizationId?: string | null) => FaqAnswer | undefined;
  /** The realtime channel's settings, or a hub to reuse (a host restarted on the same state: tests). */
  realtime?: RealtimeOptions & { hub?: RealtimeHub };
}

type Env = { Variables: { chatFault?: ChatFault } };

/** The mock backend as one Web-standard `Request → Response` handler (`app.fetch`). */
export function createMockApp(options: MockOptions = {}) {
  const store = options.store ?? createMemoryStore();
  const faults = createFaultBoard();
  const log = createRequestLog();
  const quotas = { ...DEFAULT_QUOTAS, ...options.quotas };
  const initialQuotas = { ...quotas };
  const webhooks = createWebhookDispatcher(options.webhooks, options.environment ?? 'development');
  const conversations = createConversationEvents(webhooks.emit, options.conversations);
  const realtime = options.realtime?.hub ?? createRealtimeHub(options.realtime);
  realtime.use({
    chatKeys: options.chatKeys ?? [DEMO_CHAT_KEY],
    search: options.search ?? answerFromFaq,
    onHandoff: (event) => webhooks.emit('conversation.handoff', { ...event }),
  });
  const limiter = options.rateLimit === false ? undefined : createRateLimiter(options.rateLimit);
  const chatKeys = options.chatKeys ?? [DEMO_CHAT_KEY];
  const gatewaySettings: GatewaySettings = { ...DEFAULT_GATEWAY_SETTINGS, ...options.gateway };

  const app = new Hono<Env>();

  app.use(
    '*',
    cors({
      origin: '*',
      allowMethods: ['GET', 'POST', 'PATCH', 'DELETE', 'OPTIONS'],
      allowHeaders: [
        'Content-Type',
        'Accept',
        'mooni-api-key',
        'mooni-user-token',
        'X-Api-Key',
        'Authorization',
        'X-Conversation-Id',
        'UUID',
        'platform',
      ],
      exposeHeaders: ['retry-after', 'content-type', 'x-ratelimit-limit', 'x-ratelimit-remaining'],
      maxAge: 86400,
    }),
  );

  app.use('*', async (c, next) => {
    await next();
    // An unread upload (a request refused before its body was needed) is drained, so the answer is not
    // held up by the host waiting for the rest of the body.
    if (c.req.raw.body && !c.req.raw.bodyUsed) await discard(c.req.raw);
    log.add({
      method: c.req.method,
      path: c.req.path,
      status: c.res.headers.has(DROP_HEADER) ? 0 : c.res.status,
      at: new Date().toISOString(),
    });
  });

  // Fault injection comes before normal handling.
  app.use('*', async (c, next) => {
    const scope = scopeOf(c.req.method, c.req.path);
    const fault = scope && faults.take(scope);
    if (!scope || !fault) return next();
    if (fault.latencyMs) await sleep(fault.latencyMs);
    if (fault.drop) return dropResponse();
    const { status } = fault;
    if (status) {
      const quota =
        scope === 'mood' ? await planOfRequest(store, c.req.raw, quotas) : { plan: 'starter', limit: quotas.starter };
      return faultResponse(scope, { ...fault, status }, quota);
    }
    if (scope === 'chat') c.set('chatFault', fault);
    return next();
  });

  // 000's per-key limit, after the faults (an injected answer is not a request the key made).
  app.use('*', async (c, next) => {
    const limited = limiter && rateLimitedKey(c.req.raw, c.req.path);
    if (!limiter || !limited) return next();
    const decision = limiter.take(`${limited.scope}\u0000${limited.key}`);
    if (decision.allowed) return next();
    const quota =
      limited.scope === 'mood'
        ? { plan: (await planOfRequest(store, c.req.raw, quotas)).plan, limit: limiter.perWindow }
        : { plan: 'starter', limit: limiter.perWindow };
    return faultResponse(limited.scope, { status: 429, retryAfterSec: decision.retryAfterSec }, quota);
  });
  app.route(
    '/',
    chatRoutes({
      store,
      chunkDelayMs: options.chunkDelayMs ?? 0,
      apiKeys: chatKeys,
      userTokenSecrets: options.userTokenSecrets,
      search: options.search ?? answerFromFaq,
      onExchange: conversations.exchange,
      onEnd: conversations.end,
    }),
  );
  app.route(
    '/',
    webhookRoutes(webhooks, async (request) => {
      const key = apiKeyOf(request);
      return key && (await store.apiKey(key)) ? key : undefined;
    }),
  );
  app.route(
    '/',
    moodRoutes({ store, quotas, onMoodChanged: (event) => webhooks.emit('session.mood_changed', { ...event }) }),
  );
  app.route('/', gatewayRoutes({ store, settings: gatewaySettings, onExchange: conversations.exchange }));
  app.route('/', webhookAdminRoutes(webhooks));
  app.route('/', assetRoutes());
  app.route('/', realtimeAdminRoutes(realtime));
  app.route(
    '/',
    adminRoutes({
      store,
      faults,
      log,
      quotas,
      onReset: () => {
        Object.assign(quotas, initialQuotas);
        webhooks.reset();
        realtime.reset();
        conversations.reset();
        limiter?.reset();
      },
    }),
  );

  app.notFound(() => json({ error: 'Not found' }, 404));
  app.onError((error) => {
    console.error('mock backend: unexpected error', error);
    return json({ error: 'Internal Server Error', request_id: `req_${Math.random().toString(16).slice(2, 8)}` }, 500);
  });

  const handle = app.fetch;
  // A dropped request must make the client's fetch reject. When the host is Node's HTTP server (Vite, WTR,
  // npm run mock), the listener passes `{ incoming }`: answer with a reply no HTTP client accepts and close.
  // The in-page host turns the header into a rejected promise itself.
  app.fetch = async (request: Request, env?: unknown, ctx?: Parameters<typeof handle>[2]) => {
    const response = await handle(request, env as object, ctx);
    if (response.headers.has(DROP_HEADER)) breakConnection(env);
    return response;
  };
  /** The realtime channel: hosts hand it their WebSocket upgrades (see realtime/node-upgrade.ts). */
  return Object.assign(app, { realtime });
}

/** The API and key a request counts against; none for `/__mock`, `/health`, key generation and preflights. */
function rateLimitedKey(request: Request, path: string): { scope: FaultScope; key: string } | undefined {
  if (request.method === 'OPTIONS') return;
  if (/^\/(?:chat|config|history)(?:[/?]|$)/.test(path)) {
    const key = request.headers.get('mooni-api-key');
    return key ? { scope: 'chat', key } : undefined;
  }
  if (path.startsWith('/api/v1/gateway/')) {
    const key = gatewayKeyOf(request);
    return key ? { scope: 'gateway', key } : undefined;
  }
  if (path.startsWith('/v1/') && path !== '/v1/keys/generate') {
    const key = apiKeyOf(request);
    return key ? { scope: 'mood', key } : undefined;
  }
}

interface SocketLike {
  end(data: string): void;
  destroy(): void;
}

function breakConnection(env: unknown) {
  const socket = (env as { incoming?: { socket?: SocketLike } } | undefined)?.incoming?.socket;
  if (!socket) return;
  // Headers every engine refuses, so fetch rejects before any response: two different Content-Length values
  // (Chromium: ERR_RESPONSE_HEADERS_MULTIPLE_CONTENT_LENGTH; Firefox: corrupted content) and a NUL byte, which
  // WebKit's HTTP stack (libsoup) rejects — it takes the two lengths, resolves fetch with a 200 and only fails
  // the body. Unlike a bare close, the engines do not silently resend the request.
  socket.end('HTTP/1.1 200 OK\r\nContent-Length: 1\r\nContent-Length: 2\r\nX-Mooni-Drop: \0\r\n\r\n');
  socket.destroy();
}
