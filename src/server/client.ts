import { readEvents } from '../chat/transports/sse.js';
import type { WebhookEventType } from '../webhooks/events.js';
import { baseUrlsOf, type BaseUrls, type Environment } from './environments.js';
import { MooniApiError, type ApiName } from './errors.js';
import { fetchWithRetry, type FetchLike, type RetryOptions } from './retry.js';
import type {
  ChatConfig,
  ChatEvent,
  ChatRequest,
  ChatSession,
  DeleteSessionResponse,
  GatewayResponse,
  GenerateKeyRequest,
  GenerateKeyResponse,
  GetAnalyticsResponse,
  GetMoodResponse,
  HealthResponse,
  MoodEvent,
  PostEventsResponse,
  PostFeedbackRequest,
  PostFeedbackResponse,
} from './types.js';

export interface GatewayCredentials {
  /** The Auth Key of the integration page, sent as `Authorization: Bearer …`. */
  authKey: string;
  developerId: string;
  scopeId: string;
}

export interface MooniServerOptions {
  /** Picks the base URLs (default `production`). */
  environment?: Environment;
  /** Base URLs per environment, over the defaults (production from the documents, development the mock). */
  baseUrls?: Partial<Record<Environment, BaseUrls>>;
  /** `mooni-api-key` of Mooni Chat (001). */
  chatKey?: string;
  /** SessionMood key (003); also authenticates webhook subscriptions. */
  moodKey?: string;
  /** 003 accepts the key as `X-Api-Key` (`header`, default) or `Authorization: Bearer` (`bearer`). */
  moodAuth?: 'header' | 'bearer';
  gateway?: GatewayCredentials;
  retry?: RetryOptions;
  /** Used instead of the global `fetch`. */
  fetch?: FetchLike;
}

export interface RequestOptions {
  signal?: AbortSignal;
}

export interface WebhookFilters {
  /** User ids, or `['*']` for all. */
  users?: string[];
  /** Environments, or `['*']`. */
  environments?: string[];
}

export interface WebhookInput {
  url: string;
  secret: string;
  description?: string;
  /** Default: every event type. */
  events?: WebhookEventType[];
  isActive?: boolean;
  filters?: WebhookFilters;
}

export interface Webhook {
  id: string;
  url: string;
  /** Never given back. */
  secret: '***';
  description: string;
  events: WebhookEventType[];
  isActive: boolean;
  filters: WebhookFilters;
  createdAt: string;
  updatedAt: string;
}

export interface GatewayConversation {
  /** The id the handshake gave; undefined once the engine ended the conversation (code 220). */
  readonly conversationId: string | undefined;
  /** The engine's greeting when this call opened the conversation. */
  handshake(options?: RequestOptions): Promise<string | undefined>;
  /** Sends `query`, opening the conversation first when needed. */
  send(query: string, options?: RequestOptions & { custom?: Record<string, unknown> }): Promise<GatewayResponse>;
}

const JSON_HEADERS = { 'content-type': 'application/json' };

function toChatEvent(data: string): ChatEvent | undefined {
  try {
    const event: unknown = JSON.parse(data);
    const type = typeof event === 'object' && event !== null ? (event as { type?: unknown }).type : undefined;
    return typeof type === 'string' ? (event as ChatEvent) : undefined;
  } catch {
    return;
  }
}

/**
 * One typed client for the three APIs, per 000's `MoodMnkyServer`: Mooni Chat (`chat`, `config`, `history`),
 * SessionMood (`mood`), the Mind Expression gateway (`gateway`) and webhook subscriptions (`webhooks`), each
 * with retries per `RetryOptions` and every refusal as a `MooniApiError`.
 */
export class MooniServer {
  readonly environment: Environment;
  readonly baseUrls: BaseUrls;
  #options: MooniServerOptions;

  constructor(options: MooniServerOptions = {}) {
    this.#options = options;
    this.environment = options.environment ?? 'production';
    this.baseUrls = baseUrlsOf(this.environment, options.baseUrls);
  }

  async #send(api: ApiName, path: string, init: RequestInit): Promise<Response> {
    const base = api === 'chat' ? this.baseUrls.chat : api === 'gateway' ? this.baseUrls.gateway : this.baseUrls.mood;
    if (!base) throw new TypeError(`mooni-embed/server: no ${api} base URL for the ${this.environment} environment`);
    const fetcher = this.#options.fetch ?? ((input: string, requestInit?: RequestInit) => fetch(input, requestInit));
    return fetchWithRetry(fetcher, api, withoutTrailingSlashes(base) + path, init, this.#options.retry);
  }

  async #json<T>(api: ApiName, path: string, init: RequestInit): Promise<T> {
    return (await (await this.#send(api, path, init)).json()) as T;
  }

  #chatHeaders(): Record<string, string> {
    return { 'mooni-api-key': this.#options.chatKey ?? '' };
  }

  #moodHeaders(): Record<string, string> {
    const key = this.#options.moodKey ?? '';
    return this.#options.moodAuth === 'bearer' ? { authorization: `Bearer ${key}` } : { 'x-api-key': key };
  }

  /** `POST /chat`: the answer's Server-Sent Events as they arrive, until `[DONE]`. */
  async *chat(request: ChatRequest, options: RequestOptions = {}): AsyncGenerator<ChatEvent> {
    const response = await this.#send('chat', '/chat', {
      method: 'POST',
      headers: { ...this.#chatHeaders(), ...JSON_HEADERS },
      body: JSON.stringify(request),
      signal: options.signal,
    });
    for await (const { data } of readEvents(response, options.signal)) {
      options.signal?.throwIfAborted();
      if (data.trim() === '[DONE]') return;
      const event = toChatEvent(data);
      if (event) yield event;
    }
    options.signal?.throwIfAborted();
  }

  /** `GET /config`: the tenant's public configuration. */
  config(options: RequestOptions = {}): Promise<ChatConfig> {
    return this.#json('chat', '/config', { headers: this.#chatHeaders(), signal: options.signal });
  }

  /** `GET /history/sessions?userId=`: the user's past sessions. */
  async history(userId: string, options: RequestOptions = {}): Promise<ChatSession[]> {
    const path = `/history/sessions?userId=${encodeURIComponent(userId)}`;
    const body = await this.#json<{ items: ChatSession[] }>('chat', path, {
      headers: this.#chatHeaders(),
      signal: options.signal,
    });
    return body.items;
  }

  /**
   * Reports that the conversation `sessionId` ended (`closed` or `reset`), so the `conversation.completed`
   * webhook fires (an extension of the mock; 001 has no such endpoint).
   */
  endConversation(sessionId: string, reason: 'closed' | 'reset', options: RequestOptions = {}) {
    return this.#json<{ sessionId: string; ended: true; reason: string }>(
      'chat',
      `/chat/sessions/${encodeURIComponent(sessionId)}/end`,
      {
        method: 'POST',
        headers: { ...this.#chatHeaders(), ...JSON_HEADERS },
        body: JSON.stringify({ reason }),
        signal: options.signal,
      },
    );
  }

  /** SessionMood (003). */
  readonly mood = {
    sendEvents: (sessionId: string, moodEvents: MoodEvent[], options: RequestOptions = {}) =>
      this.#json<PostEventsResponse>('mood', `/v1/sessions/${encodeURIComponent(sessionId)}/events`, {
        method: 'POST',
        headers: { ...this.#moodHeaders(), ...JSON_HEADERS },
        body: JSON.stringify({ events: moodEvents }),
        signal: options.signal,
      }),
    getMood: (sessionId: string, options: RequestOptions = {}) =>
      this.#json<GetMoodResponse>('mood', `/v1/sessions/${encodeURIComponent(sessionId)}/mood`, {
        headers: this.#moodHeaders(),
        signal: options.signal,
      }),
    sendFeedback: (sessionId: string, feedback: PostFeedbackRequest, options: RequestOptions = {}) =>
      this.#json<PostFeedbackResponse>('mood', `/v1/sessions/${encodeURIComponent(sessionId)}/feedback`, {
        method: 'POST',
        headers: { ...this.#moodHeaders(), ...JSON_HEADERS },
        body: JSON.stringify(feedback),
        signal: options.signal,
      }),
    deleteSession: (sessionId: string, options: RequestOptions = {}) =>
      this.#json<DeleteSessionResponse>('mood', `/v1/sessions/${encodeURIComponent(sessionId)}`, {
        method: 'DELETE',
        headers: this.#moodHeaders(),
        signal: options.signal,
      }),
    analytics: (options: RequestOptions = {}) =>
      this.#json<GetAnalyticsResponse>('mood', '/v1/analytics/moods', {
        headers: this.#moodHeaders(),
        signal: options.signal,
      }),
    health: (options: RequestOptions = {}) => this.#json<HealthResponse>('mood', '/health', { signal: options.signal }),
    generateKey: (request: GenerateKeyRequest, options: RequestOptions = {}) =>
      this.#json<GenerateKeyResponse>('mood', '/v1/keys/generate', {
        method: 'POST',
        headers: JSON_HEADERS,
        body: JSON.stringify(request),
        signal: options.signal,
      }),
  };

  /** Webhook subscriptions of the SessionMood key (000's `webhooks.create/update/delete`). */
  readonly webhooks = {
    create: (input: WebhookInput, options: RequestOptions = {}) =>
      this.#json<Webhook>('webhooks', '/v1/webhooks', {
        method: 'POST',
        headers: { ...this.#moodHeaders(), ...JSON_HEADERS },
        body: JSON.stringify(input),
        signal: options.signal,
      }),
    list: async (options: RequestOptions = {}) =>
      (
        await this.#json<{ items: Webhook[] }>('webhooks', '/v1/webhooks', {
          headers: this.#moodHeaders(),
          signal: options.signal,
        })
      ).items,
    get: (id: string, options: RequestOptions = {}) =>
      this.#json<Webhook>('webhooks', `/v1/webhooks/${encodeURIComponent(id)}`, {
        headers: this.#moodHeaders(),
        signal: options.signal,
      }),
    update: (id: string, changes: Partial<WebhookInput>, options: RequestOptions = {}) =>
      this.#json<Webhook>('webhooks', `/v1/webhooks/${encodeURIComponent(id)}`, {
        method: 'PATCH',
        headers: { ...this.#moodHeaders(), ...JSON_HEADERS },
        body: JSON.stringify(changes),
        signal: options.signal,
      }),
    delete: (id: string, options: RequestOptions = {}) =>
      this.#json<{ id: string; deleted: true }>('webhooks', `/v1/webhooks/${encodeURIComponent(id)}`, {
        method: 'DELETE',
        headers: this.#moodHeaders(),
        signal: options.signal,
      }),
  };

  /** A Mind Expression (002) conversation: the handshake and the conversation id are handled. */
  gateway(options: { custom?: Record<string, unknown> } = {}): GatewayConversation {
    const credentials = this.#options.gateway;
    if (!credentials) throw new TypeError('mooni-embed/server: gateway credentials are not configured');
    const developer = encodeURIComponent(credentials.developerId);
    const path = `/api/v1/gateway/default/${developer}/${encodeURIComponent(credentials.scopeId)}`;
    let conversationId: string | undefined;
    const post = async (query: string | null, signal?: AbortSignal, custom = options.custom) => {
      const body = await this.#json<GatewayResponse>('gateway', path, {
        method: 'POST',
        headers: {
          ...JSON_HEADERS,
          authorization: `Bearer ${credentials.authKey}`,
          ...(query !== null && conversationId && { 'x-conversation-id': conversationId }),
        },
        body: JSON.stringify({ query, 'query-id': crypto.randomUUID(), timestamp: Date.now(), custom }),
        signal,
      });
      if (typeof body.code !== 'number') throw new MooniApiError('gateway', 502, {}, body);
      return body;
    };
    const handshake = async ({ signal }: RequestOptions = {}) => {
      if (conversationId) return;
      const opened = await post(null, signal);
      conversationId = opened.data?.conversation_id;
      return opened.data?.result[0];
    };
    return {
      get conversationId() {
        return conversationId;
      },
      handshake,
      async send(query, { signal, custom } = {}) {
        await handshake({ signal });
        const answer = await post(query, signal, custom ?? options.custom);
        conversationId = answer.code === 220 ? undefined : (answer.data?.conversation_id ?? conversationId);
        return answer;
      },
    };
  }

  /** A client bound to one user and session (000's `withUserContext`), e.g. per request in a middleware. */
  withUserContext(context: UserContext): UserClient {
    return new UserClient(this, context);
  }
}

export interface UserContext {
  /** Sent as `userId` with chat questions, and used for history. */
  userId: string;
  /** The chat conversation and the SessionMood session (optional: a chat without one is not persisted). */
  sessionId?: string;
  organizationId?: string;
}

/** `MooniServer` with the user and session filled in. */
export class UserClient {
  constructor(
    readonly server: MooniServer,
    readonly context: UserContext,
  ) {}

  chat(query: string, options: RequestOptions = {}): AsyncGenerator<ChatEvent> {
    const { userId, sessionId, organizationId } = this.context;
    return this.server.chat({ query, userId, sessionId, organizationId }, options);
  }

  history(options: RequestOptions = {}): Promise<ChatSession[]> {
    return this.server.history(this.context.userId, options);
  }

  mood(options: RequestOptions = {}): Promise<GetMoodResponse> {
    return this.server.mood.getMood(this.#session(), options);
  }

  sendEvents(moodEvents: MoodEvent[], options: RequestOptions = {}): Promise<PostEventsResponse> {
    return this.server.mood.sendEvents(this.#session(), moodEvents, options);
  }

  sendFeedback(feedback: PostFeedbackRequest, options: RequestOptions = {}): Promise<PostFeedbackResponse> {
    return this.server.mood.sendFeedback(this.#session(), feedback, options);
  }

  endConversation(reason: 'closed' | 'reset', options: RequestOptions = {}) {
    return this.server.endConversation(this.#session(), reason, options);
  }

  #session(): string {
    if (!this.context.sessionId) throw new TypeError('mooni-embed/server: this user context has no sessionId');
    return this.context.sessionId;
  }
}

/** The base URL without its trailing slashes (a loop: `/\/+$/` is quadratic on a long run of slashes). */
function withoutTrailingSlashes(base: string): string {
  let end = base.length;
  while (end > 0 && base[end - 1] === '/') end--;
  return base.slice(0, end);
}
