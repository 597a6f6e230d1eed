import { SIGNATURE_HEADER, TIMESTAMP_HEADER, signWebhook } from '../../webhooks/sign.js';
import { randomHex } from '../http.js';
import {
  WEBHOOK_EVENT_TYPES,
  type Environment,
  type WebhookEnvelope,
  type WebhookEventType,
} from '../../webhooks/events.js';

export { WEBHOOK_EVENT_TYPES, type WebhookEventType } from '../../webhooks/events.js';

/** Which events a subscription wants beyond their type (000 `filters`); `'*'` or absent means all. */
export interface WebhookFilters {
  users?: string[];
  environments?: string[];
}

export interface WebhookSubscriptionInput {
  url: string;
  secret: string;
  /** Event types to deliver (default: all). */
  events?: WebhookEventType[];
  description?: string;
  /** An inactive subscription keeps its settings and receives nothing (default true). */
  isActive?: boolean;
  filters?: WebhookFilters;
  /** The key that created it through `/v1/webhooks` (absent for configured and `/__mock` ones). */
  owner?: string;
}

export interface WebhookSubscription {
  id: string;
  url: string;
  secret: string;
  events: WebhookEventType[];
  description: string;
  isActive: boolean;
  filters: WebhookFilters;
  owner: string | null;
  createdAt: string;
  updatedAt: string;
}

/** A subscription as the API shows it: the secret is never given back. */
export type PublicSubscription = Omit<WebhookSubscription, 'secret' | 'owner'> & { secret: '***' };

export type WebhookUpdate = Partial<Omit<WebhookSubscriptionInput, 'owner'>>;

export interface WebhookOptions {
  subscriptions?: WebhookSubscriptionInput[];
  /** Retries after a failed attempt (default 3). */
  retries?: number;
  /** First retry delay; doubles each time (default 1,000 ms). */
  retryBaseMs?: number;
  /** Per-attempt timeout (default 5,000 ms). */
  timeoutMs?: number;
  /** Deliveries per second to one endpoint, retries included (000's default: 5). */
  perSecond?: number;
  fetch?: typeof fetch;
}

export interface DeliveryAttempt {
  event_id: string;
  subscription_id: string;
  url: string;
  type: WebhookEventType;
  attempt: number;
  /** HTTP status, or 0 when the request failed. */
  status: number;
  ok: boolean;
  at: string;
  /** What was sent, so a QA view can check the signature itself. */
  body: string;
  timestamp: string;
  signature: string;
}

const MAX_ATTEMPTS_KEPT = 2000;

const wants = (subscription: WebhookSubscription, envelope: WebhookEnvelope) => {
  if (!subscription.isActive || !subscription.events.includes(envelope.type)) return false;
  const { users, environments } = subscription.filters;
  const userId = envelope.data.userId;
  const userMatches = !users || users.includes('*') || (typeof userId === 'string' && users.includes(userId));
  const environmentMatches = !environments || environments.includes('*') || environments.includes(envelope.environment);
  return userMatches && environmentMatches;
};

const hide = ({ secret: _secret, owner: _owner, ...rest }: WebhookSubscription): PublicSubscription => ({
  ...rest,
  secret: '***',
});

/**
 * Signed webhook delivery as in 000: a JSON event `{ id, timestamp, type, environment, version, data }`,
 * with `x-mood-mnky-timestamp` (Unix seconds) and `x-mood-mnky-signature` (HMAC-SHA256 hex of
 * `timestamp + '.' + body`), retried with exponential backoff until a 2xx, at most `perSecond` requests a
 * second to one endpoint.
 */
export function createWebhookDispatcher(options: WebhookOptions = {}, environment: Environment = 'development') {
  const retries = options.retries ?? 3;
  const base = options.retryBaseMs ?? 1000;
  const timeoutMs = options.timeoutMs ?? 5000;
  const spacingMs = 1000 / (options.perSecond ?? 5);
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  let subscriptions: WebhookSubscription[] = [];
  let attempts: DeliveryAttempt[] = [];
  /** When each endpoint may next be called: deliveries to one URL queue behind each other. */
  const nextSlot = new Map<string, number>();
  const pending = new Set<Promise<void>>();

  const subscribe = (input: WebhookSubscriptionInput): WebhookSubscription => {
    const now = new Date().toISOString();
    const subscription: WebhookSubscription = {
      id: `wh_${randomHex(8)}`,
      url: input.url,
      secret: input.secret,
      events: input.events ?? [...WEBHOOK_EVENT_TYPES],
      description: input.description ?? '',
      isActive: input.isActive ?? true,
      filters: input.filters ?? {},
      owner: input.owner ?? null,
      createdAt: now,
      updatedAt: now,
    };
    subscriptions.push(subscription);
    return subscription;
  };
  const initial = () => {
    subscriptions = [];
    for (const input of options.subscriptions ?? []) subscribe(input);
  };
  initial();

  async function waitForSlot(url: string) {
    const now = Date.now();
    const slot = Math.max(now, nextSlot.get(url) ?? 0);
    nextSlot.set(url, slot + spacingMs);
    if (slot > now) await new Promise((resolve) => setTimeout(resolve, slot - now));
  }

  async function deliver(subscription: WebhookSubscription, envelope: WebhookEnvelope, body: string) {
    for (let attempt = 1; attempt <= retries + 1; attempt++) {
      await waitForSlot(subscription.url);
      const timestamp = String(Math.floor(Date.now() / 1000));
      const signature = await signWebhook(body, timestamp, subscription.secret);
      let status = 0;
      try {
        const response = await doFetch(subscription.url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', [TIMESTAMP_HEADER]: timestamp, [SIGNATURE_HEADER]: signature },
          body,
          signal: AbortSignal.timeout(timeoutMs),
        });
        status = response.status;
        await response.body?.cancel();
      } catch {
        // Unreachable, refused or timed out: recorded as status 0 and retried.
      }
      const ok = status >= 200 && status < 300;
      attempts.push({
        event_id: envelope.id,
        subscription_id: subscription.id,
        url: subscription.url,
        type: envelope.type,
        attempt,
        status,
        ok,
        at: new Date().toISOString(),
        body,
        timestamp,
        signature,
      });
      if (attempts.length > MAX_ATTEMPTS_KEPT) attempts = attempts.slice(-MAX_ATTEMPTS_KEPT);
      if (ok || !subscriptions.includes(subscription)) return;
      if (attempt <= retries) await new Promise((resolve) => setTimeout(resolve, base * 2 ** (attempt - 1)));
    }
  }

  const find = (id: string, owner?: string) =>
    subscriptions.find((s) => s.id === id && (owner === undefined || s.owner === owner));

  return {
    environment,
    /** Queues an event for every subscription that wants it; never throws, never blocks the caller. */
    emit(type: WebhookEventType, data: Record<string, unknown>) {
      const envelope: WebhookEnvelope = {
        id: `evt_${randomHex(8)}`,
        timestamp: new Date().toISOString(),
        type,
        environment,
        version: '1.0',
        data,
      };
      const targets = subscriptions.filter((s) => wants(s, envelope));
      if (!targets.length) return;
      const body = JSON.stringify(envelope);
      for (const subscription of targets) {
        const delivery = deliver(subscription, envelope, body).finally(() => pending.delete(delivery));
        pending.add(delivery);
      }
    },
    subscribe: (input: WebhookSubscriptionInput): PublicSubscription => hide(subscribe(input)),
    /** `owner` limits the lookup to that key's subscriptions (the authenticated API); absent: any. */
    get: (id: string, owner?: string): PublicSubscription | undefined => {
      const found = find(id, owner);
      return found && hide(found);
    },
    update(id: string, changes: WebhookUpdate, owner?: string): PublicSubscription | undefined {
      const found = find(id, owner);
      if (!found) return;
      Object.assign(found, Object.fromEntries(Object.entries(changes).filter(([, value]) => value !== undefined)), {
        updatedAt: new Date().toISOString(),
      });
      return hide(found);
    },
    unsubscribe(id: string, owner?: string): boolean {
      const found = find(id, owner);
      subscriptions = subscriptions.filter((s) => s !== found);
      return found !== undefined;
    },
    list: (owner?: string): PublicSubscription[] =>
      subscriptions.filter((s) => owner === undefined || s.owner === owner).map(hide),
    attempts: (): DeliveryAttempt[] => [...attempts],
    /** Resolves when every delivery under way has finished (tests). */
    async idle() {
      while (pending.size) await Promise.all([...pending]);
    },
    reset() {
      initial();
      attempts = [];
      nextSlot.clear();
    },
  };
}

export type WebhookDispatcher = ReturnType<typeof createWebhookDispatcher>;
