import { messageNumber, type WireMessage } from './protocol.js';

/**
 * A conversation's messages with increasing ids, of which the last `size` can be resent: a client that comes
 * back says the last id it saw and gets what followed, each message once.
 */
export interface Backlog {
  add(message: Omit<WireMessage, 'id'>): WireMessage;
  /** Messages after `id` (all kept ones for none); `gap` when some after `id` are no longer kept. */
  after(id: string | null | undefined): { messages: WireMessage[]; gap: boolean };
  all(): WireMessage[];
}

export function createBacklog(size = 200): Backlog {
  let kept: WireMessage[] = [];
  let last = 0;
  return {
    add(message) {
      const stored = { ...message, id: `m_${++last}` };
      kept.push(stored);
      if (kept.length > size) kept = kept.slice(-size);
      return stored;
    },
    after(id) {
      const seen = messageNumber(id);
      const messages = kept.filter((message) => messageNumber(message.id) > seen);
      const first = kept[0] ? messageNumber(kept[0].id) : last + 1;
      return { messages, gap: seen > 0 ? seen < first - 1 : first > 1 };
    },
    all: () => [...kept],
  };
}
