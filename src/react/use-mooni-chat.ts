import type { ChatTransport, FaqSuggestion, Template } from '../chat/model.js';
import { createMindExpressionTransport } from '../chat/transports/mind-expression.js';
import { createMooniTransport } from '../chat/transports/mooni.js';
import { uuid } from '../chat/controllers/uuid.js';
import { useMooniOptions } from './context.js';
// React ships CommonJS whose named exports not every loader detects: the default export always works.
import React from 'react';

const { useCallback, useEffect, useMemo, useRef, useState } = React;

export type { Card, CardButton, FaqSuggestion, QuickReply, Template } from '../chat/model.js';

/** One message of the conversation; templates are typed data (002's, normalised) for the app to render. */
export interface MooniChatMessage {
  id: string;
  role: 'user' | 'bot';
  /** Markdown-subset text; grows while the answer streams. */
  text: string;
  templates: Template[];
  faqs: FaqSuggestion[];
  state: 'streaming' | 'done' | 'stopped' | 'failed';
  /** `out_of_scope`: the help center had no answer. */
  outOfScope: boolean;
  /** Why the answer failed: `http_<status>`, `rate_limited`, `offline`, `stream_error`. */
  failure?: string;
}

/** `idle` before `startChat` (or the first message), `active` during, `ended` after `endChat` or the engine's 220. */
export type ChatState = 'idle' | 'active' | 'ended';

/** 000's `sendMessage({ type: 'text', content })`, or the text alone. */
export type OutgoingMessage = string | { type: 'text'; content: string };

export interface UseMooniChatOptions {
  /** The conversation id (default: a new UUID per chat). */
  sessionId?: string;
  /** Used instead of the provider's transport (tests, custom backends). */
  transport?: ChatTransport;
  /** Called when the conversation ends: `endChat()` (`closed`), or the engine terminated it. */
  onEnd?: (details: { sessionId: string; reason: 'closed' | 'terminated'; messages: number }) => void;
}

export interface UseMooniChat {
  messages: MooniChatMessage[];
  /** An answer is streaming. */
  isTyping: boolean;
  chatState: ChatState;
  sessionId: string;
  sendMessage(message: OutgoingMessage): Promise<void>;
  startChat(): void;
  endChat(): void;
  /** Stops the answer that is streaming; what arrived is kept. */
  stop(): void;
  /** Asks the last failed or stopped question again. */
  retry(): Promise<void>;
}

const failureOf = (error: unknown): string => {
  if (error instanceof TypeError) return 'offline';
  const status = (error as { status?: unknown }).status;
  if (status === 429) return 'rate_limited';
  return typeof status === 'number' ? `http_${status}` : 'stream_error';
};

/**
 * A headless chat over the same transports as `<mooni-frame>` (Mooni Chat SSE, or the Mind Expression gateway
 * per the provider), for an app that renders its own UI (000's `useMoodMnkyChat`).
 */
export function useMooniChat(options: UseMooniChatOptions = {}): UseMooniChat {
  const provider = useMooniOptions();
  const [messages, setMessages] = useState<MooniChatMessage[]>([]);
  const [isTyping, setTyping] = useState(false);
  const [chatState, setChatState] = useState<ChatState>('idle');
  const [sessionId, setSessionId] = useState(() => options.sessionId ?? '');
  const controller = useRef<AbortController | undefined>(undefined);
  const sent = useRef(0);
  const onEnd = useRef(options.onEnd);
  onEnd.current = options.onEnd;

  const transport = useMemo<ChatTransport>(() => {
    if (options.transport) return options.transport;
    if (provider.transport === 'mind-expression' && provider.mindExpression)
      return createMindExpressionTransport({ ...provider.mindExpression, fetch: provider.fetch });
    return createMooniTransport({
      apiBase: provider.apiBase ?? '',
      apiKey: provider.apiKey ?? '',
      fetch: provider.fetch,
    });
  }, [
    options.transport,
    provider.transport,
    provider.mindExpression,
    provider.apiBase,
    provider.apiKey,
    provider.fetch,
  ]);

  useEffect(() => () => controller.current?.abort(), []);

  const currentSession = useRef(sessionId);
  const ensureSession = useCallback(() => {
    if (!currentSession.current) {
      currentSession.current = uuid();
      setSessionId(currentSession.current);
    }
    return currentSession.current;
  }, []);

  const update = (id: string, change: (message: MooniChatMessage) => MooniChatMessage) =>
    setMessages((list) => list.map((message) => (message.id === id ? change(message) : message)));

  const ask = useCallback(
    async (query: string) => {
      controller.current?.abort();
      const abort = new AbortController();
      controller.current = abort;
      const session = ensureSession();
      const botId = uuid();
      sent.current++;
      setChatState('active');
      setTyping(true);
      setMessages((list) => [
        ...list,
        { id: uuid(), role: 'user', text: query, templates: [], faqs: [], state: 'done', outOfScope: false },
        { id: botId, role: 'bot', text: '', templates: [], faqs: [], state: 'streaming', outOfScope: false },
      ]);
      let terminated = false;
      try {
        const context = {
          signal: abort.signal,
          sessionId: session,
          userId: provider.userId,
          organizationId: provider.organizationId,
        };
        for await (const event of transport.send(query, context)) {
          if (event.kind === 'text') update(botId, (m) => ({ ...m, text: m.text + event.content }));
          else if (event.kind === 'template')
            update(botId, (m) => ({ ...m, templates: [...m.templates, event.template] }));
          else if (event.kind === 'faq') update(botId, (m) => ({ ...m, faqs: event.results }));
          else if (event.kind === 'status' && event.status === 'out_of_scope')
            update(botId, (m) => ({ ...m, outOfScope: true }));
          else if (event.kind === 'error') update(botId, (m) => ({ ...m, failure: 'stream_error' }));
          else if (event.kind === 'terminated') terminated = true;
        }
        update(botId, (m) => ({ ...m, state: m.failure ? 'failed' : 'done' }));
      } catch (error) {
        const stopped = abort.signal.aborted;
        update(botId, (m) => ({
          ...m,
          state: stopped ? 'stopped' : 'failed',
          failure: stopped ? undefined : failureOf(error),
        }));
      } finally {
        if (controller.current === abort) {
          controller.current = undefined;
          setTyping(false);
        }
      }
      if (terminated) {
        setChatState('ended');
        onEnd.current?.({ sessionId: session, reason: 'terminated', messages: sent.current });
      }
    },
    [transport, ensureSession, provider.userId, provider.organizationId],
  );

  const sendMessage = useCallback(
    async (message: OutgoingMessage) => {
      const query = (typeof message === 'string' ? message : message.content).trim();
      if (query) await ask(query);
    },
    [ask],
  );

  const startChat = useCallback(() => {
    ensureSession();
    setChatState('active');
  }, [ensureSession]);

  const endChat = useCallback(() => {
    controller.current?.abort();
    const session = currentSession.current;
    if (session && sent.current) onEnd.current?.({ sessionId: session, reason: 'closed', messages: sent.current });
    sent.current = 0;
    currentSession.current = options.sessionId ?? '';
    setSessionId(currentSession.current);
    setChatState('ended');
  }, [options.sessionId]);

  const stop = useCallback(() => controller.current?.abort(), []);

  const retry = useCallback(async () => {
    const failed = [...messages]
      .reverse()
      .find((m) => m.role === 'bot' && (m.state === 'failed' || m.state === 'stopped'));
    const index = failed ? messages.indexOf(failed) : -1;
    const question = index > 0 ? messages[index - 1] : undefined;
    if (!failed || question?.role !== 'user') return;
    setMessages((list) => list.filter((m) => m.id !== failed.id && m.id !== question.id));
    await ask(question.text);
  }, [messages, ask]);

  return { messages, isTyping, chatState, sessionId, sendMessage, startChat, endChat, stop, retry };
}
