import type { ChatMessage, MessageRole, MessageState } from '../model.js';

const ROLES: ReadonlySet<unknown> = new Set<MessageRole>(['user', 'bot', 'host']);
const STATES: ReadonlySet<unknown> = new Set<MessageState>(['done', 'stopped', 'failed', 'streaming']);

/**
 * A stored message as the model expects it, or `undefined` when it is not one. A message saved while still
 * streaming comes back `stopped`: its stream is gone.
 */
export function restoredMessage(raw: unknown): ChatMessage | undefined {
  if (raw === null || typeof raw !== 'object') return undefined;
  const m = raw as ChatMessage;
  if (typeof m.id !== 'string' || !ROLES.has(m.role) || typeof m.text !== 'string' || !STATES.has(m.state)) return undefined;
  return {
    ...m,
    templates: Array.isArray(m.templates) ? m.templates : [],
    faqs: Array.isArray(m.faqs) ? m.faqs : [],
    state: m.state === 'streaming' ? 'stopped' : m.state,
    createdAt: typeof m.createdAt === 'number' ? m.createdAt : 0,
  };
}

/** A message as it is stored: never `streaming`. */
export function storedMessage(m: ChatMessage): ChatMessage {
  return m.state === 'streaming' ? { ...m, state: 'stopped' } : m;
}
