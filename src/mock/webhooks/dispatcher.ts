import { SIGNATURE_HEADER, TIMESTAMP_HEADER, signWebhook } from '../../webhooks/sign.js';
import { randomHex } from '../http.js';

export type WebhookEventType = 'conversation.completed' | 'conversation.handoff' | 'session.mood_changed';
export const WEBHOOK_EVENT_TYPES: WebhookEventType[] = [
  'conversation.completed',
  'conversation.handoff',
  'session.mood_changed',
];

export interface WebhookSubscriptionInput {
  url: string;
  secret: string;
  /** Event types to deliver (default: all). */
  events?: WebhookEventType[];
}

export interface WebhookSubscription extends Required<WebhookSubscriptionInput> {
  id: string;
}

export interface WebhookOptions {
  subscriptions?: WebhookSubscriptionInput[];
  /** Retries after a failed attempt (default 3). */
  retries?: number;
  /** First retry delay; doubles each time (default 1,000 ms). */
  retryBaseMs?: number;
  /** Per-attempt timeout (default 5,000 ms). */
  timeoutMs?: number;
  fetch?: typeof fetch;
}

export interface DeliveryAttempt {
  event_id: string;
  subscription_id: string;
  type: WebhookEventType;
  attempt: number;
  /** HTTP status, or 0 when the request failed. */
  status: number;
  ok: boolean;
  at: string;
}

/**
 * Signed webhook delivery as in 000: a JSON event `{ id, timestamp, type, environment, version, data }`,
 * with `x-mood-mnky-timestamp` (Unix seconds) and `x-mood-mnky-signature` (HMAC-SHA256 hex of
 * `timestamp + '.' + body`), retried with exponential backoff until a 2xx.
 */
export function createWebhookDispatcher(options: WebhookOptions = {}) {
  const retries = options.retries ?? 3;
  const base = options.retryBaseMs ?? 1000;
  const timeoutMs = options.timeoutMs ?? 5000;
  const doFetch = options.fetch ?? ((input: RequestInfo | URL, init?: RequestInit) => globalThis.fetch(input, init));
  let subscriptions: WebhookSubscription[] = [];
  let attempts: DeliveryAttempt[] = [];
  const pending = new Set<Promise<void>>();

  const subscribe = (input: WebhookSubscriptionInput): WebhookSubscription => {
    const subscription = {
      id: `wh_${randomHex(8)}`,
      url: input.url,
      secret: input.secret,
      events: input.events ?? [...WEBHOOK_EVENT_TYPES],
    };
    subscriptions.push(subscription);
    return subscription;
  };
  const initial = () => {
    subscriptions = [];
    for (const input of options.subscriptions ?? []) subscribe(input);
  };
  initial();

  async function deliver(subscription: WebhookSubscription, type: WebhookEventType, id: string, body: string) {
    for (let attempt = 1; attempt <= retries + 1; attempt++) {
      const timestamp = String(Math.floor(Date.now() / 1000));
      let status = 0;
      try {
        const response = await doFetch(subscription.url, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            [TIMESTAMP_HEADER]: timestamp,
            [SIGNATURE_HEADER]: await signWebhook(body, timestamp, subscription.secret),
          },
          body,
          signal: AbortSignal.timeout(timeoutMs),
        });
        status = response.status;
        await response.body?.cancel();
      } catch {
        status = 0;
      }
      const ok = status >= 200 && status < 300;
      attempts.push({
        event_id: id,
        subscription_id: subscription.id,
        type,
        attempt,
        status,
        ok,
        at: new Date().toISOString(),
      });
      if (attempts.length > 2000) attempts = attempts.slice(-2000);
      if (ok || !subscriptions.includes(subscription)) return;
      if (attempt <= retries) await new Promise((r) => setTimeout(r, base * 2 ** (attempt - 1)));
    }
  }

  return {
    /** Queues an event for every subscription that wants it; never throws, never blocks the caller. */
    emit(type: WebhookEventType, data: unknown) {
      const targets = subscriptions.filter((s) => s.events.includes(type));
      if (!targets.length) return;
      const id = `evt_${randomHex(8)}`;
      const body = JSON.stringify({
        id,
        timestamp: new Date().toISOString(),
        type,
        environment: 'development',
        version: '1.0',
        data,
      });
      for (const subscription of targets) {
        const delivery = deliver(subscription, type, id, body).finally(() => pending.delete(delivery));
        pending.add(delivery);
      }
    },
    subscribe,
    unsubscribe(id: string): boolean {
      const before = subscriptions.length;
      subscriptions = subscriptions.filter((s) => s.id !== id);
      return subscriptions.length < before;
    },
    list: (): WebhookSubscription[] => subscriptions.map((s) => ({ ...s, secret: '***' })),
    attempts: (): DeliveryAttempt[] => [...attempts],
    /** Resolves when every delivery under way has finished (tests). */
    async idle() {
      while (pending.size) await Promise.all([...pending]);
    },
    reset() {
      initial();
      attempts = [];
    },
  };
}

export type WebhookDispatcher = ReturnType<typeof createWebhookDispatcher>;
