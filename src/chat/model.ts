/**
 * The chat's own message model. Both transports (Mooni Chat SSE, Mind Expression gateway) are
 * normalised into it, the element renders only it, and history stores it.
 */

/** A quick-reply button (002 Quick Reply Object), normalised. */
export interface QuickReply {
  label: string;
  type: 'message' | 'link';
  /** For `message`: what is sent when pressed. */
  message?: string;
  /** For `link`: a URL already checked to be http(s); links that fail the check are dropped. */
  url?: string;
  /** The picture 002's `image-url` adds to the button: http(s) only, else dropped. */
  imageUrl?: string;
}

/** A card button (002 Button Object), normalised. */
export interface CardButton {
  type: 'message' | 'link';
  label: string;
  message?: string;
  url?: string;
}

/** A card (002 Card Object), normalised. */
export interface Card {
  title: string;
  subtitle?: string;
  /** http(s) only; anything else is dropped. */
  imageUrl?: string;
  buttons: CardButton[];
}

/** A renderable template (002 Template Object), normalised; `free` and unknown types become `text`. */
export type Template =
  | { type: 'text'; text: string }
  | { type: 'quick_reply'; prompt: string; replies: QuickReply[] }
  | { type: 'card'; cards: Card[] }
  /**
   * `uploadType` is 002's `upload-type`, lower case, when given: `video`, `audio` or `document` name media that
   * are not pictures (shown as a link to them); any other value (`url`, `file`, `image`…) says how a picture
   * was uploaded.
   */
  | { type: 'image'; url: string; alt: string; uploadType?: string }
  | { type: 'code'; code: string };

/** A related FAQ entry offered as a chip that asks its title. */
export interface FaqSuggestion {
  id: string;
  title: string;
}

export type MessageRole = 'user' | 'bot' | 'host';

export type MessageState = 'streaming' | 'done' | 'stopped' | 'failed';

export interface ChatMessage {
  id: string;
  role: MessageRole;
  /** Markdown-subset text, grown chunk by chunk while streaming. */
  text: string;
  templates: Template[];
  faqs: FaqSuggestion[];
  state: MessageState;
  /** `warning` when the server said `out_of_scope`. */
  tone?: 'warning';
  /** Plain-words reason shown under a failed answer. */
  failure?: string;
  /** For a bot answer: the question it answers, so Retry can ask it again. */
  question?: string;
  rating?: 'helpful' | 'not_helpful';
  /** A person's name when a named agent wrote it (realtime transport). */
  author?: string;
  /** Epoch milliseconds. */
  createdAt: number;
}

/** What a transport yields while an answer streams in. */
export type StreamEvent =
  | { kind: 'status'; status: string; level: string }
  | { kind: 'text'; content: string }
  | { kind: 'faq'; results: FaqSuggestion[] }
  | { kind: 'template'; template: Template }
  | { kind: 'error'; message: string }
  /** The conversation ended on the server's side (Mind Expression code 220). */
  | { kind: 'terminated' };

/** An HTTP failure before the stream started, with what the UI needs to explain it. */
export class ChatHttpError extends Error {
  constructor(
    readonly status: number,
    /** The body's `error` code, e.g. `query_too_long`, when the server gave one. */
    readonly code: string | undefined,
    /** From `retry-after`, for 429. */
    readonly retryAfterMs: number | undefined,
  ) {
    super('HTTP ' + status);
    this.name = 'ChatHttpError';
  }
}

/**
 * The answer stream ended before the server's end marker (`data: [DONE]`): the connection dropped or the
 * server gave up mid-answer. Thrown after every event that did arrive has been yielded, so the partial
 * answer is kept.
 */
export class StreamCutError extends Error {
  constructor(
    /** How many events arrived before the cut. */
    readonly eventsReceived: number,
  ) {
    super('stream cut');
    this.name = 'StreamCutError';
  }
}

export interface SendContext {
  signal: AbortSignal;
  /** Absent when the host does not persist: 001 then records nothing. */
  sessionId?: string;
  userId?: string;
  organizationId?: string;
}

/** A way to ask a question and receive the answer as a stream of events. */
export interface ChatTransport {
  /** Tenant display name for the header, when the backend has one. */
  config?(signal: AbortSignal): Promise<{ name: string } | undefined>;
  /**
   * Throws `ChatHttpError` for HTTP failures, `StreamCutError` when the stream ends early (after yielding what
   * arrived), a `TypeError` when offline, an `AbortError` `DOMException` when `context.signal` aborts.
   */
  send(query: string, context: SendContext): AsyncIterable<StreamEvent>;
}

export type FetchLike = (input: RequestInfo | URL, init?: RequestInit) => Promise<Response>;
