/**
 * The realtime channel's JSON frames (000's WebSocket API, extended; see PROTOCOL.md). One text frame is one
 * JSON object with a `type`. Pure: no sockets, no timers, so it runs in Node tests and in the page alike.
 */
import type { TemplateObject } from '../faq/template.js';
import { isRecord } from '../http.js';

/** Who wrote a message. */
export type Author = 'user' | 'bot' | 'agent';

/** Who answers the visitor: the bot, until a person has accepted the handoff. */
export type HandoffState = 'bot' | 'waiting' | 'agent';

export interface WireMessage {
  /** Server id, increasing within a conversation: `m_1`, `m_2`… A client resumes after the last it saw. */
  id: string;
  from: Author;
  /** The agent's display name (`from: 'agent'`). */
  name?: string;
  text: string;
  templates: TemplateObject[];
  /** ISO 8601. */
  at: string;
  /** The client frame id this message came from (`from: 'user'`) or answers (`from: 'bot'`). */
  replyTo?: string;
  /** The bot found no answer. */
  outOfScope?: boolean;
}

/**
 * Frames a visitor's client sends. `id` (any string ≤ 64 characters) asks for an `ack` and makes a resend
 * harmless.
 */
export type VisitorFrame =
  | { type: 'user_message'; id?: string; content: string }
  | {
      type: 'action_request';
      id?: string;
      action: 'recommend_products' | 'handoff';
      parameters: Record<string, unknown>;
    }
  | { type: 'typing'; id?: string; typing: boolean }
  | { type: 'read'; id?: string; until: string };

/** Frames the agent console sends; each names the conversation it acts on. */
export type AgentFrame =
  | { type: 'agent_message'; id?: string; conversationId: string; content: string }
  | { type: 'typing'; id?: string; conversationId: string; typing: boolean }
  | { type: 'accept'; id?: string; conversationId: string }
  | { type: 'release'; id?: string; conversationId: string };

export type ErrorCode =
  | 'unauthorized'
  | 'rate_limited'
  | 'invalid_json'
  | 'invalid_frame'
  | 'unknown_type'
  | 'too_large'
  | 'unknown_conversation';

/** Frames the server sends to a visitor. */
export type ServerFrame =
  | {
      type: 'ready';
      conversationId: string;
      heartbeatMs: number;
      /** How many backlog messages follow (those after the client's `after`). */
      resumed: number;
      /** The client's `after` was older than the backlog: messages before the first one sent are gone. */
      gap: boolean;
      handoff: HandoffState;
      agent?: string;
    }
  | ({ type: 'message' } & WireMessage)
  | { type: 'ack'; ref: string; messageId?: string }
  | { type: 'typing'; from: 'bot' | 'agent'; name?: string; typing: boolean }
  | { type: 'presence'; agent: string; online: boolean }
  | { type: 'handoff'; state: HandoffState; agent?: string }
  | { type: 'heartbeat'; at: string }
  | { type: 'error'; code: ErrorCode; message: string; ref?: string; retryAfterMs?: number };

/** The most a client frame may be, in characters. */
export const MAX_FRAME_CHARS = 16_000;
/** A message's text, as for `POST /chat`. */
export const MAX_CONTENT_CHARS = 500;
const MAX_ID_CHARS = 64;

export type ReadResult<T> = { ok: true; frame: T } | { ok: false; code: ErrorCode; message: string; ref?: string };

const refused = (code: ErrorCode, message: string, ref?: string) => ({ ok: false as const, code, message, ref });

/** Parses a frame and checks the fields common to every type; the caller checks its own types. */
function readCommon(text: string): ReadResult<Record<string, unknown>> {
  if (text.length > MAX_FRAME_CHARS) return refused('too_large', `A frame is at most ${MAX_FRAME_CHARS} characters.`);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return refused('invalid_json', 'A frame is one JSON object.');
  }
  if (!isRecord(value) || typeof value.type !== 'string') return refused('invalid_frame', 'A frame needs a type.');
  if (value.id !== undefined && (typeof value.id !== 'string' || !value.id || value.id.length > MAX_ID_CHARS))
    return refused('invalid_frame', `id is a string of 1 to ${MAX_ID_CHARS} characters.`);
  return { ok: true, frame: value };
}

const content = (value: unknown) =>
  typeof value === 'string' && value.trim() && value.length <= MAX_CONTENT_CHARS ? value.trim() : undefined;

const CONTENT_RULE = `content is text of 1 to ${MAX_CONTENT_CHARS} characters.`;

/** A visitor's frame, checked; never throws. */
export function readVisitorFrame(text: string): ReadResult<VisitorFrame> {
  const common = readCommon(text);
  if (!common.ok) return common;
  const raw = common.frame;
  const id = raw.id as string | undefined;
  switch (raw.type) {
    case 'user_message': {
      const value = content(raw.content);
      return value
        ? { ok: true, frame: { type: 'user_message', id, content: value } }
        : refused('invalid_frame', CONTENT_RULE, id);
    }
    case 'action_request': {
      const parameters = isRecord(raw.parameters) ? raw.parameters : {};
      return raw.action === 'recommend_products' || raw.action === 'handoff'
        ? { ok: true, frame: { type: 'action_request', id, action: raw.action, parameters } }
        : refused('invalid_frame', 'action is recommend_products or handoff.', id);
    }
    case 'typing':
      return typeof raw.typing === 'boolean'
        ? { ok: true, frame: { type: 'typing', id, typing: raw.typing } }
        : refused('invalid_frame', 'typing is true or false.', id);
    case 'read':
      return typeof raw.until === 'string'
        ? { ok: true, frame: { type: 'read', id, until: raw.until } }
        : refused('invalid_frame', 'until is a message id.', id);
  }
  return refused('unknown_type', `Unknown frame type: ${String(raw.type).slice(0, 40)}.`, id);
}

/** An agent console's frame, checked; never throws. */
export function readAgentFrame(text: string): ReadResult<AgentFrame> {
  const common = readCommon(text);
  if (!common.ok) return common;
  const raw = common.frame;
  const id = raw.id as string | undefined;
  const conversationId = typeof raw.conversationId === 'string' ? raw.conversationId : '';
  if (!conversationId) return refused('invalid_frame', 'conversationId is required.', id);
  switch (raw.type) {
    case 'agent_message': {
      const value = content(raw.content);
      return value
        ? { ok: true, frame: { type: 'agent_message', id, conversationId, content: value } }
        : refused('invalid_frame', CONTENT_RULE, id);
    }
    case 'typing':
      return typeof raw.typing === 'boolean'
        ? { ok: true, frame: { type: 'typing', id, conversationId, typing: raw.typing } }
        : refused('invalid_frame', 'typing is true or false.', id);
    case 'accept':
    case 'release':
      return { ok: true, frame: { type: raw.type, id, conversationId } };
  }
  return refused('unknown_type', `Unknown frame type: ${String(raw.type).slice(0, 40)}.`, id);
}

/** The number in a message id (`m_12` → 12), 0 for anything else: ids compare by it. */
export const messageNumber = (id: string | null | undefined): number => {
  const match = /^m_(\d{1,15})$/.exec(id ?? '');
  return match ? Number(match[1]) : 0;
};
