import type { ChatTransport, StreamEvent, Template } from '../model.js';
import { normalizeTemplate } from '../templates/index.js';
import { field, pick, text } from '../templates/read.js';
import { withoutTrailingSlashes } from './http.js';

/**
 * The realtime channel's client (000's `wsClient`, over the protocol of src/mock/realtime/PROTOCOL.md): one
 * WebSocket per conversation, reconnected with exponential backoff and jitter, resumed after the last message
 * id it saw (so nothing is lost or shown twice), frames with an id kept until acknowledged and resent after a
 * reconnect or a rate-limit refusal, and a watchdog on the server's heartbeats.
 */

/** What the client needs of a WebSocket (the browser's, or the static demo's in-page simulation). */
export interface SocketLike {
  readonly readyState: number;
  onopen: ((event: Event) => void) | null;
  onmessage: ((event: MessageEvent) => void) | null;
  onclose: ((event: CloseEvent) => void) | null;
  onerror: ((event: Event) => void) | null;
  send(data: string): void;
  close(code?: number, reason?: string): void;
}

export type SocketConstructor = new (url: string) => SocketLike;

/** Who answers the visitor: the bot, until a person has accepted the handoff. */
export type HandoffState = 'bot' | 'waiting' | 'agent';

/**
 * `connecting` first; `open` once the server said ready; `reconnecting` or `offline` after a loss; `closed` for good.
 */
export type RealtimeState = 'idle' | 'connecting' | 'open' | 'reconnecting' | 'offline' | 'closed';

/** A message of the conversation, as the server sent it (templates normalised and checked). */
export interface RealtimeMessage {
  id: string;
  from: 'user' | 'bot' | 'agent';
  /** The agent's name. */
  name?: string;
  text: string;
  templates: Template[];
  /** Epoch ms. */
  at: number;
  replyTo?: string;
  outOfScope: boolean;
}

export interface RealtimeError {
  code: string;
  message: string;
  /** The refused frame's id. */
  ref?: string;
  retryAfterMs?: number;
}

/** Events of `on(type, callback)` and what each callback gets. */
export interface RealtimeEventMap {
  connect: { resumed: number; gap: boolean };
  disconnect: { reason: string; code: number };
  message: RealtimeMessage;
  /** The server has the frame `ref` (and made message `messageId` of it). */
  ack: { ref: string; messageId?: string };
  typing: { from: 'bot' | 'agent'; name?: string; typing: boolean };
  handoff: { state: HandoffState; agent?: string };
  presence: { agent: string; online: boolean };
  error: RealtimeError;
  state: { state: RealtimeState; retryInMs?: number };
}

export type RealtimeEventType = keyof RealtimeEventMap;

/** A frame a client sends; `id` is added to messages and action requests when absent. */
export type ClientFrame = { type: string; id?: string } & Record<string, unknown>;

export interface RealtimeClientOptions {
  /** Origin (and optional path prefix) of the Mooni Chat API; `''` is the page's own origin. */
  apiBase: string;
  /** The chat key (browsers cannot set headers on a WebSocket: it goes in the query). */
  apiKey: string;
  /** The conversation (the chat's session id). */
  conversationId: string;
  userId?: string;
  organizationId?: string;
  /** Resume after this message id (the newest one already shown, e.g. restored from history). */
  after?: string;
  /** Default: the page's `WebSocket`. */
  WebSocket?: SocketConstructor;
  /** First reconnect delay before jitter (default 500 ms); doubles each attempt up to `maxDelayMs` (15 s). */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** For tests: the jitter's random source. */
  random?: () => number;
}

/** Close codes after which trying again cannot help (bad key, bad request). */
const FINAL_CLOSE_CODES = [4400, 4401];
const CONNECT_TIMEOUT_MS = 10_000;

/**
 * The wait before reconnect attempt `attempt` (0 first): `min(max, base·2^attempt)`, of which a random half
 * ("equal jitter"), so clients dropped together do not all come back in the same instant.
 */
export function backoffDelay(attempt: number, baseMs = 500, maxMs = 15_000, random = Math.random): number {
  const ceiling = Math.min(maxMs, baseMs * 2 ** Math.min(attempt, 30));
  return Math.round(ceiling / 2 + (ceiling / 2) * random());
}

/** `ws(s)://` URL of the channel for `apiBase` (`''` = the page's origin). */
export function realtimeUrl(apiBase: string, query: Record<string, string | undefined>): string {
  const page = typeof location === 'undefined' ? 'http://localhost/' : location.href;
  const url = new URL(withoutTrailingSlashes(apiBase) + '/realtime', page);
  url.protocol = url.protocol === 'https:' ? 'wss:' : 'ws:';
  for (const [key, value] of Object.entries(query)) if (value) url.searchParams.set(key, value);
  return url.href;
}

/** The number in a message id (`m_12` → 12); 0 for anything else. */
const messageNumber = (id: unknown): number => {
  const match = /^m_(\d{1,15})$/.exec(typeof id === 'string' ? id : '');
  return match ? Number(match[1]) : 0;
};

/** Reads one server `message` frame; undefined when it is not a usable message. Never trusts the server. */
export function readMessage(raw: unknown): RealtimeMessage | undefined {
  const id = field(raw, 'id');
  const from = field(raw, 'from');
  if (!messageNumber(id) || (from !== 'user' && from !== 'bot' && from !== 'agent')) return undefined;
  const body = text(field(raw, 'text')) ?? '';
  const templates = pick(field(raw, 'templates'), normalizeTemplate);
  if (!body && !templates.length) return undefined;
  const name = text(field(raw, 'name'), 40)?.trim();
  const replyTo = text(field(raw, 'replyTo'), 64);
  const at = Date.parse(String(field(raw, 'at')));
  return {
    id: id as string,
    from,
    ...(name && { name }),
    text: body,
    templates,
    at: at > 0 ? at : Date.now(),
    ...(replyTo && { replyTo }),
    outOfScope: field(raw, 'outOfScope') === true,
  };
}

const readHandoff = (raw: unknown): HandoffState => (raw === 'waiting' || raw === 'agent' ? raw : 'bot');

let frameCounter = 0;
const frameId = () => `c_${Date.now().toString(36)}_${(++frameCounter).toString(36)}`;

export function createRealtimeClient(options: RealtimeClientOptions) {
  const listeners = new Map<RealtimeEventType, Set<(payload: never) => void>>();
  /** Frames waiting for their `ack`, in order; `sent` while on the current socket. */
  const outbox: { frame: ClientFrame; sent: boolean }[] = [];
  const own = new Set<string>();
  let socket: SocketLike | undefined;
  let state: RealtimeState = 'idle';
  let handoff: HandoffState = 'bot';
  let agent: string | undefined;
  let lastNumber = messageNumber(options.after);
  let attempt = 0;
  let heartbeatMs = 15_000;
  let pausedUntil = 0;
  let retryTimer: ReturnType<typeof setTimeout> | undefined;
  let watchdog: ReturnType<typeof setTimeout> | undefined;
  let flushTimer: ReturnType<typeof setTimeout> | undefined;
  let wanted = false;

  const emit = <K extends RealtimeEventType>(type: K, payload: RealtimeEventMap[K]) => {
    for (const callback of listeners.get(type) ?? []) {
      try {
        (callback as (payload: RealtimeEventMap[K]) => void)(payload);
      } catch (error) {
        console.error('Mooni.realtime', type, error);
      }
    }
  };
  const setState = (next: RealtimeState, retryInMs?: number) => {
    if (next === state && retryInMs === undefined) return;
    state = next;
    emit('state', { state, ...(retryInMs !== undefined && { retryInMs }) });
  };

  const clearTimers = () => {
    clearTimeout(retryTimer);
    clearTimeout(watchdog);
    clearTimeout(flushTimer);
    retryTimer = watchdog = flushTimer = undefined;
  };

  /** No frame for two heartbeats (or no `ready` in time): the connection is dead even if the socket says open. */
  const watch = (ms: number) => {
    clearTimeout(watchdog);
    watchdog = setTimeout(() => drop('heartbeat_timeout'), ms);
  };

  const flush = () => {
    clearTimeout(flushTimer);
    flushTimer = undefined;
    if (state !== 'open' || !socket) return;
    const wait = pausedUntil - Date.now();
    if (wait > 0) {
      flushTimer = setTimeout(flush, wait);
      return;
    }
    for (const entry of outbox) {
      if (entry.sent) continue;
      entry.sent = true;
      socket.send(JSON.stringify(entry.frame));
    }
  };

  function open() {
    clearTimers();
    const Socket = options.WebSocket ?? (globalThis.WebSocket as unknown as SocketConstructor | undefined);
    if (!Socket) return setState('closed');
    setState(attempt ? 'reconnecting' : 'connecting');
    const url = realtimeUrl(options.apiBase, {
      key: options.apiKey,
      conversation: options.conversationId,
      userId: options.userId,
      organizationId: options.organizationId,
      after: lastNumber ? `m_${lastNumber}` : undefined,
    });
    let current: SocketLike;
    try {
      current = socket = new Socket(url);
    } catch {
      return schedule();
    }
    watch(CONNECT_TIMEOUT_MS);
    current.onmessage = (event) => current === socket && receive(String(event.data));
    current.onclose = (event) => current === socket && closed(event.code, event.reason || 'closed');
    current.onerror = () => {};
  }

  const removeFromOutbox = (ref: string | undefined) => {
    const index = outbox.findIndex((entry) => entry.frame.id === ref);
    if (index >= 0) outbox.splice(index, 1);
  };

  function onError(raw: unknown) {
    const error: RealtimeError = {
      code: text(field(raw, 'code'), 40) ?? 'unknown',
      message: text(field(raw, 'message'), 200) ?? '',
    };
    const ref = text(field(raw, 'ref'), 64);
    const retryAfterMs = Number(field(raw, 'retryAfterMs'));
    if (ref) error.ref = ref;
    if (retryAfterMs > 0) error.retryAfterMs = Math.min(retryAfterMs, 60_000);
    if (error.code === 'rate_limited') {
      // Back off: nothing more goes out until the window has room; every frame not yet acknowledged is sent
      // again then (the server ignores repeats of those it handled).
      pausedUntil = Math.max(pausedUntil, Date.now() + (error.retryAfterMs ?? 1000));
      for (const entry of outbox) entry.sent = false;
      flush();
    } else {
      // Refused for what it is: sending it again cannot help.
      removeFromOutbox(ref);
    }
    emit('error', error);
  }

  /** What each server frame type does; unknown types are ignored, as 000 clients would. */
  const handlers: Record<string, (raw: unknown) => void> = {
    ready(raw) {
      heartbeatMs = Math.max(1000, Number(field(raw, 'heartbeatMs')) || 15_000);
      watch(heartbeatMs * 2 + 1000);
      handoff = readHandoff(field(raw, 'handoff'));
      agent = text(field(raw, 'agent'), 40);
      attempt = 0;
      for (const entry of outbox) entry.sent = false;
      setState('open');
      emit('connect', { resumed: Number(field(raw, 'resumed')) || 0, gap: field(raw, 'gap') === true });
      emit('handoff', { state: handoff, ...(agent && { agent }) });
      flush();
    },
    message(raw) {
      const message = readMessage(raw);
      const number = messageNumber(message?.id);
      // Ids only grow: one already seen came again through a resume or a second socket.
      if (!message || number <= lastNumber) return;
      lastNumber = number;
      emit('message', message);
    },
    ack(raw) {
      const ref = text(field(raw, 'ref'), 64);
      removeFromOutbox(ref);
      const messageId = text(field(raw, 'messageId'), 40);
      if (ref) emit('ack', { ref, ...(messageId && { messageId }) });
    },
    typing(raw) {
      const from = field(raw, 'from') === 'agent' ? 'agent' : 'bot';
      const name = text(field(raw, 'name'), 40);
      emit('typing', { from, ...(name && { name }), typing: field(raw, 'typing') === true });
    },
    handoff(raw) {
      handoff = readHandoff(field(raw, 'state'));
      agent = handoff === 'agent' ? text(field(raw, 'agent'), 40) : undefined;
      emit('handoff', { state: handoff, ...(agent && { agent }) });
    },
    presence(raw) {
      const name = text(field(raw, 'agent'), 40);
      if (name) emit('presence', { agent: name, online: field(raw, 'online') === true });
    },
    error: onError,
  };

  function receive(data: string) {
    let raw: unknown;
    try {
      raw = JSON.parse(data);
    } catch {
      return;
    }
    watch(heartbeatMs * 2 + 1000);
    const type = field(raw, 'type');
    if (typeof type === 'string' && Object.hasOwn(handlers, type)) handlers[type](raw);
  }

  function closed(code: number, reason: string) {
    socket = undefined;
    clearTimeout(watchdog);
    const final = FINAL_CLOSE_CODES.includes(code);
    const wasOpen = state === 'open';
    if (wasOpen || final || !wanted) emit('disconnect', { reason, code });
    if (!wanted || final) {
      wanted = wanted && !final;
      return setState('closed');
    }
    schedule();
  }

  /** The next attempt: at once when back online, after the backoff otherwise; none while offline. */
  function schedule() {
    clearTimeout(retryTimer);
    if (typeof navigator !== 'undefined' && navigator.onLine === false) return setState('offline');
    const delay = backoffDelay(attempt++, options.baseDelayMs, options.maxDelayMs, options.random);
    setState('reconnecting', delay);
    retryTimer = setTimeout(open, delay);
  }

  /** Ends the current socket as lost and reconnects (heartbeat silence, the browser going offline). */
  function drop(reason: string) {
    const current = socket;
    if (!current) return;
    socket = undefined;
    current.onclose = current.onmessage = null;
    current.close(4000, reason);
    closed(1006, reason);
  }

  const online = () => {
    if (!wanted || socket) return;
    attempt = 0;
    open();
  };
  const offline = () => {
    if (!wanted) return;
    if (socket) drop('offline');
    clearTimeout(retryTimer);
    setState('offline');
  };

  return {
    get state(): RealtimeState {
      return state;
    },
    /** Who answers now, as the server last said. */
    get handoff(): { state: HandoffState; agent?: string } {
      return { state: handoff, ...(agent && { agent }) };
    },
    /** The newest message id received, to resume after. */
    get lastMessageId(): string | undefined {
      return lastNumber ? `m_${lastNumber}` : undefined;
    },
    connect() {
      if (wanted) return;
      wanted = true;
      globalThis.addEventListener?.('online', online);
      globalThis.addEventListener?.('offline', offline);
      if (typeof navigator !== 'undefined' && navigator.onLine === false) return setState('offline');
      open();
    },
    disconnect() {
      wanted = false;
      globalThis.removeEventListener?.('online', online);
      globalThis.removeEventListener?.('offline', offline);
      clearTimers();
      const current = socket;
      socket = undefined;
      if (current) {
        current.onclose = current.onmessage = null;
        current.close(1000, 'client');
        emit('disconnect', { reason: 'client', code: 1000 });
      }
      setState('closed');
    },
    /**
     * Sends a frame; `user_message` and `action_request` get an id and are kept until the server acknowledges
     * them (resent after a reconnect or a rate-limit refusal; the server ignores a repeat). Other frames go only
     * while connected. Returns the frame's id, if it has one.
     */
    send(frame: ClientFrame): string | undefined {
      const durable = frame.type === 'user_message' || frame.type === 'action_request' || frame.id !== undefined;
      if (!durable) {
        if (state === 'open' && socket && pausedUntil <= Date.now()) socket.send(JSON.stringify(frame));
        return undefined;
      }
      const id = typeof frame.id === 'string' && frame.id ? frame.id : frameId();
      own.add(id);
      outbox.push({ frame: { ...frame, id }, sent: false });
      flush();
      return id;
    },
    /** Whether `frameId` was sent by this client (a message that echoes or answers it is already shown). */
    isOwn: (id: string | undefined) => !!id && own.has(id),
    /** Frames not yet acknowledged. */
    get pending(): number {
      return outbox.length;
    },
    on<K extends RealtimeEventType>(type: K, callback: (payload: RealtimeEventMap[K]) => void): () => void {
      let set = listeners.get(type);
      if (!set) listeners.set(type, (set = new Set()));
      set.add(callback as (payload: never) => void);
      return () => set.delete(callback as (payload: never) => void);
    },
  };
}

export type RealtimeClient = ReturnType<typeof createRealtimeClient>;

/** A message's content as the events a chat transport yields. */
export function messageEvents(message: RealtimeMessage): StreamEvent[] {
  return [
    ...(message.outOfScope ? [{ kind: 'status' as const, status: 'out_of_scope', level: 'warning' }] : []),
    ...(message.text ? [{ kind: 'text' as const, content: message.text }] : []),
    ...message.templates.map((template) => ({ kind: 'template' as const, template })),
  ];
}

/**
 * `transport="realtime"`: a question is a `user_message` on the channel; its answer is the bot's message that
 * replies to it. When a person is answering, there is no bot answer: `send` ends once the server has the
 * message, and the agent's reply comes later as a message of its own.
 */
export function createRealtimeTransport(client: RealtimeClient): ChatTransport {
  return {
    async *send(query, { signal }) {
      signal.throwIfAborted();
      const events: StreamEvent[] = [];
      let finished = false;
      let acknowledged = false;
      let wake: (() => void) | undefined;
      const settle = () => wake?.();
      let id: string | undefined;
      const stops = [
        client.on('ack', ({ ref }) => {
          if (ref !== id) return;
          acknowledged = true;
          settle();
        }),
        client.on('message', (message) => {
          if (message.from !== 'bot' || !id || message.replyTo !== id) return;
          events.push(...messageEvents(message));
          finished = true;
          settle();
        }),
        client.on('error', (error) => {
          if (!id || error.ref !== id || error.code === 'rate_limited') return;
          events.push({ kind: 'error', message: error.code });
          finished = true;
          settle();
        }),
      ];
      const onAbort = () => settle();
      signal.addEventListener('abort', onAbort);
      try {
        id = client.send({ type: 'user_message', content: query });
        client.connect();
        for (;;) {
          while (events.length) yield events.shift() as StreamEvent;
          if (finished || signal.aborted) break;
          // A person is answering: the server has the message once it is acknowledged; nothing more comes now.
          // The server answers before it acknowledges: an ack with no answer means a person answers, later.
          if (acknowledged) break;
          await new Promise<void>((resolve) => (wake = resolve));
        }
        signal.throwIfAborted();
      } finally {
        signal.removeEventListener('abort', onAbort);
        for (const stop of stops) stop();
      }
    },
  };
}
