import type { ReactiveController, ReactiveElement } from 'lit';
import type { ChatMessage, ChatTransport } from '../model.js';
import type {
  ClientFrame,
  RealtimeClient,
  RealtimeEventMap,
  RealtimeEventType,
  RealtimeMessage,
  RealtimeState,
  SocketConstructor,
} from '../transports/realtime.js';

/**
 * The realtime client (mooni-panel-realtime.js, which the panel module loads; it comes at once, so the channel opens
 * while closed).
 */
export interface RealtimeModule {
  createRealtimeClient: typeof import('../transports/realtime.js').createRealtimeClient;
  createRealtimeTransport: typeof import('../transports/realtime.js').createRealtimeTransport;
}

/** localStorage key prefix of the newest channel message id a conversation has shown (a reload resumes after it). */
const RESUME_KEY = 'mooni_realtime_after:';

function readResumePoint(sessionId: string): string | undefined {
  try {
    return localStorage.getItem(RESUME_KEY + sessionId) ?? undefined;
  } catch {
    return undefined;
  }
}

function saveResumePoint(sessionId: string, id: string): void {
  try {
    localStorage.setItem(RESUME_KEY + sessionId, id);
  } catch {
    // Storage blocked: a reload then shows the server's backlog again.
  }
}

/** What the controller needs from its element. */
export interface RealtimeHost extends ReactiveElement {
  readonly transport: string;
  readonly apiBase: string;
  readonly apiKey: string;
  readonly sessionId: string;
  readonly userId?: string;
  readonly organizationId?: string;
  readonly webSocket?: SocketConstructor;
  readonly showing: boolean;
  readonly messages: ChatMessage[];
}

/** What the element does with a message that arrived by itself (an agent's reply, another tab's question). */
export type IncomingHandler = (message: RealtimeMessage) => void;

/** `Mooni.realtime`: 000's `wsClient` in spirit. Listeners and frames given before the channel exists wait for it. */
export interface RealtimeApi {
  readonly state: RealtimeState;
  on<K extends RealtimeEventType>(type: K, callback: (payload: RealtimeEventMap[K]) => void): () => void;
  send(frame: ClientFrame): void;
  connect(): void;
  disconnect(): void;
}

/**
 * The realtime channel of `transport="realtime"`: one client per conversation (session id), connected while
 * the element is in the page whether the panel is open or not. It keeps what the UI shows about the channel:
 * the connection's state, unread messages while the panel is closed, an agent typing, who answers.
 */
export class RealtimeController implements ReactiveController {
  /** Messages that arrived while the panel was closed. */
  unread = 0;
  /** The agent typing now, by name; undefined when nobody is. */
  typing?: string;
  /** The named agent answering; undefined while the bot answers. */
  agent?: string;
  /** A person was asked for and has not joined yet. */
  waiting = false;
  state: RealtimeState = 'idle';
  #client?: RealtimeClient;
  #made?: Promise<RealtimeClient>;
  #key = '';
  #stops: (() => void)[] = [];
  #typingTimer?: ReturnType<typeof setTimeout>;
  /** `Mooni.realtime` subscriptions, re-attached to each new client. */
  #listeners = new Set<{ type: RealtimeEventType; callback: (payload: never) => void }>();

  constructor(
    private readonly host: RealtimeHost,
    private readonly load: () => Promise<RealtimeModule>,
    private readonly onIncoming: IncomingHandler,
  ) {
    host.addController(this);
  }

  get #wanted(): boolean {
    return this.host.transport === 'realtime' && this.host.isConnected;
  }

  hostConnected(): void {
    this.#sync();
  }

  hostUpdate(): void {
    this.#sync();
    if (this.host.showing && this.unread) this.unread = 0;
  }

  hostDisconnected(): void {
    this.#end();
  }

  /** The chat transport for questions: a `user_message` on this channel. */
  transport(): ChatTransport {
    const ready = () => this.ready();
    const load = this.load;
    return {
      async *send(query, context) {
        const client = await ready();
        yield* (await load()).createRealtimeTransport(client).send(query, context);
      },
    };
  }

  /** The client, made (and connected) on first need. */
  ready(): Promise<RealtimeClient> {
    if (this.#client) return Promise.resolve(this.#client);
    this.#made ??= this.#make();
    return this.#made;
  }

  /** Asks for a person; the page's transcript goes along (the server may not have seen all of it). */
  handoff(): void {
    const transcript = this.host.messages
      .filter((message) => message.text)
      .slice(-50)
      .map((message) => ({ from: message.role, text: message.text }));
    void this.ready().then((client) =>
      client.send({ type: 'action_request', action: 'handoff', parameters: { transcript } }),
    );
  }

  /** The element's `Mooni.realtime`. */
  readonly api: RealtimeApi = this.#makeApi();

  #makeApi(): RealtimeApi {
    const state = () => this.state;
    return {
      get state(): RealtimeState {
        return state();
      },
      on: (type, callback) => {
        const entry = { type, callback: callback as (payload: never) => void };
        this.#listeners.add(entry);
        const stop = this.#client?.on(type, callback);
        return () => {
          this.#listeners.delete(entry);
          stop?.();
        };
      },
      send: (frame) => void this.ready().then((client) => client.send(frame)),
      connect: () => void this.ready().then((client) => client.connect()),
      disconnect: () => this.#client?.disconnect(),
    };
  }

  #sync(): void {
    const { apiBase, apiKey, sessionId, userId, organizationId } = this.host;
    const key = this.#wanted && sessionId ? [apiBase, apiKey, sessionId, userId, organizationId].join('\n') : '';
    if (key === this.#key) return;
    this.#end();
    this.#key = key;
    if (key) void this.ready();
  }

  async #make(): Promise<RealtimeClient> {
    const key = this.#key;
    const module = await this.load();
    if (this.#client && key === this.#key) return this.#client;
    const { apiBase, apiKey, sessionId, userId, organizationId, webSocket } = this.host;
    const after = readResumePoint(sessionId);
    const client = module.createRealtimeClient({
      apiBase,
      apiKey,
      conversationId: sessionId,
      userId,
      organizationId,
      after,
      WebSocket: webSocket,
    });
    this.#client = client;
    this.#stops = [
      client.on('state', ({ state }) => this.#set(() => (this.state = state))),
      client.on('message', (message) => {
        saveResumePoint(sessionId, message.id);
        this.#receive(client, message);
      }),
      client.on('typing', ({ from, name, typing }) => this.#showTyping(from === 'agent' && typing ? name : undefined)),
      client.on('handoff', ({ state, agent }) =>
        this.#set(() => {
          this.waiting = state === 'waiting';
          this.agent = state === 'agent' ? agent : undefined;
        }),
      ),
      ...[...this.#listeners].map(({ type, callback }) =>
        client.on(type, callback as (payload: RealtimeEventMap[typeof type]) => void),
      ),
    ];
    if (key === this.#key) client.connect();
    return client;
  }

  #receive(client: RealtimeClient, message: RealtimeMessage): void {
    // Echoes and answers of this page's own questions are shown by the question's stream already.
    if (client.isOwn(message.replyTo)) return;
    if (message.from === 'agent') this.#showTyping(undefined);
    if (!this.host.showing && message.from !== 'user') this.unread++;
    this.onIncoming(message);
    this.host.requestUpdate();
  }

  /** An indicator that a stalled typing frame cannot leave up forever. */
  #showTyping(name: string | undefined): void {
    clearTimeout(this.#typingTimer);
    if (name) this.#typingTimer = setTimeout(() => this.#showTyping(undefined), 10_000);
    this.#set(() => (this.typing = name));
  }

  #set(change: () => void): void {
    change();
    this.host.requestUpdate();
  }

  #end(): void {
    for (const stop of this.#stops) stop();
    this.#stops = [];
    this.#client?.disconnect();
    this.#client = this.#made = undefined;
    this.#key = '';
    this.state = 'idle';
    this.typing = this.agent = undefined;
    this.waiting = false;
  }
}
