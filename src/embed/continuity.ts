import type { ChatMessage } from '../chat/model.js';
import type { MooniFrame } from '../chat/mooni-frame.js';

/** sessionStorage: present while the panel is open, so a reload or a same-site page opens it again. */
export const OPEN_KEY = 'mooni_open';

/** The channel the tabs of one origin show each other's conversation on. */
const CHANNEL = 'mooni-chat';

interface Shared {
  sessionId: string;
  messages: ChatMessage[];
}

/**
 * Keeps the chat continuous across page loads and tabs: a panel that was open opens again (before the element's
 * first update, so focus stays where the page has it), and every settled change of the conversation is shown by
 * the other tabs of the same conversation (the realtime transport does this through its server). Nothing is
 * written while the element keeps nothing (`persist` off, or consent pending). Returns what undoes it.
 */
export function keepContinuity(frame: MooniFrame): () => void {
  const listening = new AbortController();
  const { signal } = listening;
  const channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL) : undefined;
  try {
    if (sessionStorage[OPEN_KEY]) frame.open = true;
  } catch {
    // storage blocked: every page starts closed
  }
  const remember = (open: boolean) => {
    try {
      if (!open) sessionStorage.removeItem(OPEN_KEY);
      else if (frame.persist) sessionStorage[OPEN_KEY] = 1;
    } catch {
      // storage blocked: the next page starts closed
    }
  };
  frame.addEventListener('mooni-open', () => remember(true), { signal });
  frame.addEventListener('mooni-close', () => remember(false), { signal });
  // After the element has taken the change in (a question is added right after its event).
  const share = () =>
    queueMicrotask(() => {
      const { sessionId, messages, transport } = frame;
      if (transport !== 'realtime') channel?.postMessage({ sessionId, messages } satisfies Shared);
    });
  for (const type of ['mooni-send', 'mooni-answer', 'mooni-fail', 'mooni-rate'])
    frame.addEventListener(type, share, { signal });
  channel?.addEventListener(
    'message',
    ({ data }: MessageEvent<Shared>) => {
      if (data.sessionId === frame.sessionId) frame.messages = data.messages;
    },
    { signal },
  );
  return () => {
    listening.abort();
    channel?.close();
  };
}
