import { createStore, get, set } from 'idb-keyval';
import type { ChatMessage } from '../model.js';
import { field } from '../templates/read.js';
import { CHAT_DATABASE, CHAT_STORE } from './storage-names.js';

const store = createStore(CHAT_DATABASE, CHAT_STORE);

const array = (raw: unknown): unknown[] => (Array.isArray(raw) ? raw : []);

/**
 * The stored messages of a session, oldest first; `[]` when there are none. Entries that are not messages
 * are skipped; a message saved while still streaming comes back `stopped`: its stream is gone.
 */
export async function loadConversation(sessionId: string): Promise<ChatMessage[]> {
  return array(field(await get(sessionId, store), 'messages')).flatMap((raw) => {
    const m = Object(raw) as ChatMessage;
    return typeof m.id === 'string' &&
      typeof m.text === 'string' &&
      ['user', 'bot', 'host'].includes(m.role) &&
      ['done', 'stopped', 'failed', 'streaming'].includes(m.state)
      ? [
          {
            ...m,
            templates: array(m.templates) as ChatMessage['templates'],
            faqs: array(m.faqs) as ChatMessage['faqs'],
            state: m.state === 'streaming' ? 'stopped' : m.state,
            createdAt: typeof m.createdAt === 'number' ? m.createdAt : 0,
          },
        ]
      : [];
  });
}

/** Replaces the stored conversation of a session: one value per session, so a restore is one read. */
export const saveConversation = (sessionId: string, messages: readonly ChatMessage[]): Promise<void> =>
  set(sessionId, { v: 1, messages }, store);
