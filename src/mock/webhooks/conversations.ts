import type { TemplateObject } from '../faq/template.js';
import type { CompletionReason, WebhookEventType } from '../../webhooks/events.js';

export type Channel = 'mooni' | 'mind-expression';

/** One question and its answer, as either chat API saw it. */
export interface Exchange {
  /** `sessionId` of `/chat`, or the gateway's conversation id; null when the client sent none. */
  conversationId: string | null;
  userId: string | null;
  organizationId: string | null;
  channel: Channel;
  query: string;
  answer: string;
  /** The 002 Template Objects the answer carried. */
  templates: TemplateObject[];
  /** The engine ended the conversation with this answer (002 code 220). */
  terminated?: boolean;
}

interface Conversation {
  userId: string | null;
  organizationId: string | null;
  channel: Channel;
  startedAt: number;
  messages: number;
  /** Messages the last answer offered as quick replies or card buttons: asking one is engaging with it. */
  offered: Map<string, { kind: 'quick_reply' | 'card_button'; label: string }>;
  timer?: ReturnType<typeof setTimeout>;
}

export interface ConversationOptions {
  /** A conversation with no message for this long has ended (`timed_out`; default 30 minutes). */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 30 * 60_000;

function offersOf(templates: TemplateObject[]): Conversation['offered'] {
  const offered: Conversation['offered'] = new Map();
  for (const template of templates) {
    for (const reply of template['quick-replies'] ?? [])
      if (reply.type === 'message' && reply.message)
        offered.set(reply.message, { kind: 'quick_reply', label: reply.label });
    for (const card of template['card-list'] ?? [])
      for (const button of card.buttons ?? [])
        if (button['button-type'] === 'message' && button.message)
          offered.set(button.message, { kind: 'card_button', label: button.label });
  }
  return offered;
}

const productsOf = (templates: TemplateObject[]) =>
  templates.flatMap((template) =>
    (template['card-list'] ?? []).map((card) => ({ title: card.title, subtitle: card['sub-title'] ?? null })),
  );

/**
 * Turns the chat APIs' traffic into 000's conversation events: `conversation.started` on a conversation's
 * first message, `conversation.message_sent` for each question and answer, `product.recommended` when an
 * answer shows cards, `content.engaged` when a question is a quick reply or card button just offered, and
 * `conversation.completed` only when the conversation really ends — terminated by the engine, timed out, or
 * reported closed or reset (`end()`).
 */
export function createConversationEvents(
  emit: (type: WebhookEventType, data: Record<string, unknown>) => void,
  options: ConversationOptions = {},
) {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let conversations = new Map<string, Conversation>();

  function complete(conversationId: string, reason: CompletionReason): boolean {
    const conversation = conversations.get(conversationId);
    if (!conversation) return false;
    clearTimeout(conversation.timer);
    conversations.delete(conversationId);
    emit('conversation.completed', {
      conversationId,
      userId: conversation.userId,
      organizationId: conversation.organizationId,
      channel: conversation.channel,
      reason,
      messages: conversation.messages,
      durationMs: Date.now() - conversation.startedAt,
    });
    return true;
  }

  function exchange(input: Exchange) {
    const { conversationId, userId, channel } = input;
    const base = { conversationId, userId, organizationId: input.organizationId, channel };
    let conversation = conversationId === null ? undefined : conversations.get(conversationId);
    if (conversationId !== null && !conversation) {
      conversation = {
        userId,
        organizationId: input.organizationId,
        channel,
        startedAt: Date.now(),
        messages: 0,
        offered: new Map(),
      };
      conversations.set(conversationId, conversation);
      emit('conversation.started', base);
    }
    const engaged = conversation?.offered.get(input.query);
    if (engaged) emit('content.engaged', { ...base, kind: engaged.kind, label: engaged.label, message: input.query });
    emit('conversation.message_sent', { ...base, role: 'user', content: input.query });
    if (input.answer) emit('conversation.message_sent', { ...base, role: 'assistant', content: input.answer });
    const products = productsOf(input.templates);
    if (products.length) emit('product.recommended', { ...base, products });
    if (!conversation || conversationId === null) return;
    conversation.messages++;
    conversation.offered = offersOf(input.templates);
    if (input.terminated) {
      complete(conversationId, 'terminated');
      return;
    }
    clearTimeout(conversation.timer);
    conversation.timer = setTimeout(() => complete(conversationId, 'timed_out'), timeoutMs);
    // A quiet conversation must not keep a Node host (or a test) running.
    (conversation.timer as { unref?: () => void }).unref?.();
  }

  return {
    exchange,
    /** The page reported the conversation closed or reset; false when no such conversation is open. */
    end: (conversationId: string, reason: 'closed' | 'reset') => complete(conversationId, reason),
    reset() {
      for (const conversation of conversations.values()) clearTimeout(conversation.timer);
      conversations = new Map();
    },
  };
}

export type ConversationEvents = ReturnType<typeof createConversationEvents>;
