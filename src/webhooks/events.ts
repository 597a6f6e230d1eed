/**
 * The webhook event types the product can know, named as 000 names them, plus two documented extensions:
 * `conversation.handoff` (the realtime channel passed the conversation to a person) and `session.mood_changed`
 * (000's catalogue has no mood event). The user, order and scent-profile events of
 * 000 belong to its own domain: nothing here could emit them.
 */
export const WEBHOOK_EVENT_TYPES = [
  'conversation.started',
  'conversation.message_sent',
  'conversation.completed',
  'product.recommended',
  'content.engaged',
  'conversation.handoff',
  'session.mood_changed',
] as const;

export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export const isWebhookEventType = (value: unknown): value is WebhookEventType =>
  WEBHOOK_EVENT_TYPES.includes(value as WebhookEventType);

export type Environment = 'production' | 'staging' | 'development';
export const ENVIRONMENTS: Environment[] = ['production', 'staging', 'development'];

/** Why a conversation ended: the user closed it, it was reset, the engine terminated it, or it went quiet. */
export type CompletionReason = 'closed' | 'reset' | 'terminated' | 'timed_out';
export const COMPLETION_REASONS: CompletionReason[] = ['closed', 'reset', 'terminated', 'timed_out'];

/** The signed body of every delivery (000 "Example webhook payload"). */
export interface WebhookEnvelope {
  id: string;
  timestamp: string;
  type: WebhookEventType;
  environment: Environment;
  version: '1.0';
  data: Record<string, unknown>;
}
