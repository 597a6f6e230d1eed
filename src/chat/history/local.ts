import { createStore, del, entries, get, set } from 'idb-keyval';
import type { ChatMessage } from '../model.js';
import { restoredMessage, storedMessage } from './sanitize.js';

/** The chat's own IndexedDB database, apart from idb-keyval's default one that host pages may use. */
const store = createStore('mooni-chat', 'conversations');

/** One stored conversation: a single value per session, so a restore is one read. */
interface StoredConversation {
  v: 1;
  updatedAt: number;
  messages: ChatMessage[];
}

/** A conversation kept in this browser. */
export interface LocalConversation {
  sessionId: string;
  /** Epoch ms of the last save. */
  updatedAt: number;
  messageCount: number;
  /** The first question asked, for a list of past conversations. */
  title: string;
}

function messagesOf(value: unknown): unknown[] {
  const messages = (value as StoredConversation | undefined)?.messages;
  return Array.isArray(messages) ? messages : [];
}

/** The stored messages of a session, oldest first; `[]` when there are none. Invalid entries are skipped. */
export async function loadConversation(sessionId: string): Promise<ChatMessage[]> {
  const out: ChatMessage[] = [];
  for (const raw of messagesOf(await get(sessionId, store))) {
    const m = restoredMessage(raw);
    if (m) out.push(m);
  }
  return out;
}

/** Replaces the stored conversation of a session; a message still streaming is stored as `stopped`. */
export function saveConversation(sessionId: string, messages: readonly ChatMessage[]): Promise<void> {
  const value: StoredConversation = { v: 1, updatedAt: Date.now(), messages: messages.map(storedMessage) };
  return set(sessionId, value, store);
}

export function deleteConversation(sessionId: string): Promise<void> {
  return del(sessionId, store);
}

/** Every conversation stored in this browser, most recently saved first. */
export async function listLocalConversations(): Promise<LocalConversation[]> {
  const all = await entries<IDBValidKey, StoredConversation>(store);
  return all
    .filter((entry): entry is [string, StoredConversation] => typeof entry[0] === 'string')
    .map(([sessionId, value]) => {
      const messages = messagesOf(value);
      const first = messages.map(restoredMessage).find((m) => m?.role === 'user');
      return {
        sessionId,
        updatedAt: typeof value?.updatedAt === 'number' ? value.updatedAt : 0,
        messageCount: messages.length,
        title: first?.text.slice(0, 120) ?? '',
      };
    })
    .sort((a, b) => b.updatedAt - a.updatedAt);
}
