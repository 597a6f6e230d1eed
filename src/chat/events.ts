import type { Card, CardButton, ChatMessage, QuickReply } from './model.js';

/** Who opened the panel: the user (the launcher), the page (`show()`, `open = true`, `send()`) or an intervention. */
export type MooniOpenSource = 'user' | 'api' | 'intervention';

/**
 * Who closed the panel: the user (the launcher or the close button), the user with Escape, the page
 * (`hide()`, `open = false`), or an intervention of the embed (`hide('intervention')`).
 */
export type MooniCloseSource = 'user' | 'escape' | 'api' | 'intervention';

/** Who started a new conversation: the user (the panel's "New conversation" button) or the page (`reset()`). */
export type MooniResetSource = 'user' | 'api';

/** Where a question came from: typed by the user, a chip or button the user pressed, or the page (`send()`). */
export type MooniSendSource = 'user' | 'suggestion' | 'api';

export interface MooniOpenDetail {
  source: MooniOpenSource;
}

export interface MooniCloseDetail {
  source: MooniCloseSource;
}

export interface MooniResetDetail {
  source: MooniResetSource;
}

export interface MooniSendDetail {
  /** The question as sent: trimmed, at most 500 characters. */
  text: string;
  source: MooniSendSource;
}

export interface MooniAnswerDetail {
  /** The complete answer. */
  message: ChatMessage;
}

export interface MooniQuickReplyDetail {
  reply: QuickReply;
}

export interface MooniCardActionDetail {
  card: Card;
  button: CardButton;
}

export interface MooniRateDetail {
  messageId: string;
  /** `undefined`: the user took the rating back. */
  rating?: 'helpful' | 'not_helpful';
}

export type MooniFailReason =
  'http_400' | 'unauthorized' | 'rate_limited' | 'offline' | 'stream_cut' | 'server_error' | 'http_error';

export interface MooniFailDetail {
  reason: MooniFailReason;
  /** HTTP status, when the failure was an HTTP response. */
  status?: number;
  /** The body's error code (`query_too_long`…) or the stream's error message (`search_failed`…). */
  code?: string;
}

export interface MooniEventMap {
  'mooni-open': MooniOpenDetail;
  'mooni-close': MooniCloseDetail;
  'mooni-reset': MooniResetDetail;
  'mooni-send': MooniSendDetail;
  'mooni-answer': MooniAnswerDetail;
  'mooni-quick-reply': MooniQuickReplyDetail;
  'mooni-card-action': MooniCardActionDetail;
  'mooni-rate': MooniRateDetail;
  'mooni-fail': MooniFailDetail;
}

/** Dispatches a typed, bubbling, composed `mooni-…` event from `target`. */
export function emit<K extends keyof MooniEventMap>(target: EventTarget, type: K, detail: MooniEventMap[K]): void {
  target.dispatchEvent(new CustomEvent(type, { detail, bubbles: true, composed: true }));
}

declare global {
  interface GlobalEventHandlersEventMap {
    'mooni-open': CustomEvent<MooniOpenDetail>;
    'mooni-close': CustomEvent<MooniCloseDetail>;
    'mooni-reset': CustomEvent<MooniResetDetail>;
    'mooni-send': CustomEvent<MooniSendDetail>;
    'mooni-answer': CustomEvent<MooniAnswerDetail>;
    'mooni-quick-reply': CustomEvent<MooniQuickReplyDetail>;
    'mooni-card-action': CustomEvent<MooniCardActionDetail>;
    'mooni-rate': CustomEvent<MooniRateDetail>;
    'mooni-fail': CustomEvent<MooniFailDetail>;
  }
}
