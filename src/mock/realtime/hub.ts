/**
 * The realtime channel's server side, host-agnostic: a host (Node `ws`, or the page's own simulation) hands
 * each accepted socket to `connect()` as a `Peer` and feeds it the text frames it receives. One conversation
 * (room) per chat session id; any number of visitor sockets (tabs) and agent consoles. See PROTOCOL.md.
 */
import { onOrigin, assetPath } from '../assets/urls.js';
import type { FaqAnswer } from '../faq/search.js';
import { cardTemplate, linkButton, quickReplyTemplate, messageReply, type TemplateObject } from '../faq/template.js';
import { createBacklog, type Backlog } from './backlog.js';
import {
  readAgentFrame,
  readVisitorFrame,
  type AgentFrame,
  type ErrorCode,
  type HandoffState,
  type ServerFrame,
  type VisitorFrame,
  type WireMessage,
} from './protocol.js';
import { createRateLimiter, type RateLimiter } from './rate-limit.js';

/** What the hub needs of a socket. */
export interface Peer {
  send(text: string): void;
  close(code: number, reason: string): void;
}

/** What a host does with a socket the hub accepted. */
export interface Connection {
  receive(text: string): void;
  /** The socket closed (either side). */
  closed(): void;
}

export interface RealtimeOptions {
  /** Server heartbeat period (default 15,000 ms); a client that hears nothing for twice this reconnects. */
  heartbeatMs?: number;
  /** Frames a connection may send per second (default 10, as 000). */
  rateLimit?: number;
  /** Messages of a conversation kept for resuming (default 200). */
  backlog?: number;
  /** Keys the agent console may connect with (default: the demo agent key). */
  agentKeys?: string[];
}

export interface HandoffEvent {
  conversationId: string;
  userId: string | null;
  organizationId: string | null;
  reason: string;
  transcript: { from: string; name?: string; text: string; at: string }[];
}

export interface HubDependencies {
  chatKeys: string[];
  search: (query: string, organizationId?: string | null) => FaqAnswer | undefined;
  onHandoff?: (event: HandoffEvent) => void;
}

export const DEMO_AGENT_KEY = 'mooni_agent_demo_key';
/** WebSocket close codes: the client must not retry these. */
export const CLOSE_UNAUTHORIZED = 4401;
export const CLOSE_BAD_REQUEST = 4400;
/** Paths the hub answers, as a host sees them. */
export const REALTIME_PATH = '/realtime';
export const AGENT_PATH = '/realtime/agent';

const OUT_OF_SCOPE_TEXT = "Sorry, I couldn't find an answer to that in our help center.";
const TALK_TO_A_PERSON = 'Talk to a person';
const HANDOFF_INTENT = /\b(talk to a (person|human)|real person|human agent|speak to (someone|a person|an agent))\b/i;
const WAITING_TEXT = "I'm asking a person to join. Someone will be with you shortly.";
const RELEASED_TEXT = "You're back with the assistant. Ask me anything.";

const PRODUCTS: { title: string; subtitle: string; image: 'linen-duvet' | 'oak-lamp' | 'wool-throw' }[] = [
  { title: 'Linen duvet cover', subtitle: 'Stonewashed European flax, from $129', image: 'linen-duvet' },
  { title: 'Oak bedside lamp', subtitle: 'Solid oak base, warm dimmable LED', image: 'oak-lamp' },
  { title: 'Wool throw', subtitle: 'Merino blend, four colours', image: 'wool-throw' },
];

interface Conversation {
  id: string;
  userId: string | null;
  organizationId: string | null;
  backlog: Backlog;
  handoff: HandoffState;
  agent?: string;
  visitors: Set<Socket>;
  /** Client frame ids already handled, with the message each made: a resend is acknowledged, not redone. */
  handled: Map<string, string | undefined>;
  /** Messages the visitor's page showed that the server never saw (sent with the handoff request). */
  pageTranscript: { from: string; text: string }[];
}

interface Socket {
  peer: Peer;
  limiter: RateLimiter;
  role: 'visitor' | 'agent';
  /** For agents. */
  name: string;
}

const frame = (value: ServerFrame | Record<string, unknown>) => JSON.stringify(value);

/** `ws:`/`wss:` → `http:`/`https:`: picture URLs in templates are fetched over HTTP from the same host. */
const httpOrigin = (url: URL) => url.origin.replace(/^ws/, 'http');

export function createRealtimeHub(options: RealtimeOptions = {}) {
  const heartbeatMs = options.heartbeatMs ?? 15_000;
  const rateLimit = options.rateLimit ?? 10;
  const agentKeys = options.agentKeys ?? [DEMO_AGENT_KEY];
  const conversations = new Map<string, Conversation>();
  const agents = new Set<Socket>();
  const sockets = new Set<Socket>();
  let dependencies: HubDependencies = { chatKeys: [], search: () => undefined };
  let heartbeat: ReturnType<typeof setInterval> | undefined;

  const send = (socket: Socket, value: ServerFrame | Record<string, unknown>) => {
    try {
      socket.peer.send(frame(value));
    } catch {
      // The socket is closing; its host reports the close.
    }
  };
  const refuse = (socket: Socket, code: ErrorCode, message: string, ref?: string, retryAfterMs?: number) =>
    send(socket, { type: 'error', code, message, ...(ref && { ref }), ...(retryAfterMs && { retryAfterMs }) });

  const toVisitors = (conversation: Conversation, value: ServerFrame) => {
    for (const visitor of conversation.visitors) send(visitor, value);
  };
  const toAgents = (value: Record<string, unknown>) => {
    for (const agent of agents) send(agent, value);
  };

  const summary = (conversation: Conversation) => ({
    id: conversation.id,
    userId: conversation.userId,
    organizationId: conversation.organizationId,
    handoff: conversation.handoff,
    agent: conversation.agent,
    visitorsOnline: conversation.visitors.size,
    transcript: conversation.backlog.all(),
    pageTranscript: conversation.pageTranscript,
  });
  const announce = (conversation: Conversation) =>
    toAgents({ type: 'conversation', conversation: summary(conversation) });

  const conversationOf = (id: string, userId: string | null, organizationId: string | null) => {
    let conversation = conversations.get(id);
    if (!conversation) {
      conversation = {
        id,
        userId,
        organizationId,
        backlog: createBacklog(options.backlog),
        handoff: 'bot',
        visitors: new Set(),
        handled: new Map(),
        pageTranscript: [],
      };
      conversations.set(id, conversation);
    }
    return conversation;
  };

  const post = (conversation: Conversation, message: Omit<WireMessage, 'id' | 'at'>): WireMessage => {
    const stored = conversation.backlog.add({ ...message, at: new Date().toISOString() });
    toVisitors(conversation, { type: 'message', ...stored });
    toAgents({ type: 'message', conversationId: conversation.id, ...stored });
    return stored;
  };

  const setHandoff = (conversation: Conversation, state: HandoffState, agent?: string) => {
    conversation.handoff = state;
    conversation.agent = state === 'agent' ? agent : undefined;
    toVisitors(conversation, { type: 'handoff', state, ...(conversation.agent && { agent: conversation.agent }) });
    announce(conversation);
  };

  function requestHandoff(
    conversation: Conversation,
    reason: string,
    replyTo: string | undefined,
    parameters: Record<string, unknown> = {},
  ) {
    if (conversation.handoff !== 'bot') return;
    // The page's own transcript (messages the server never saw, e.g. from another transport) goes along.
    const pageTranscript = Array.isArray(parameters.transcript) ? parameters.transcript.slice(-50) : [];
    conversation.pageTranscript = pageTranscript.flatMap((entry: unknown) => {
      const record = entry as Record<string, unknown> | null;
      return record && typeof record.text === 'string' && typeof record.from === 'string'
        ? [{ from: record.from.slice(0, 20), text: record.text.slice(0, 2000) }]
        : [];
    });
    post(conversation, { from: 'bot', text: WAITING_TEXT, templates: [], ...(replyTo && { replyTo }) });
    setHandoff(conversation, 'waiting');
    dependencies.onHandoff?.({
      conversationId: conversation.id,
      userId: conversation.userId,
      organizationId: conversation.organizationId,
      reason,
      transcript: [
        ...conversation.pageTranscript.map((entry) => ({ ...entry, at: '' })),
        ...conversation.backlog.all().map(({ from, name, text, at }) => ({ from, ...(name && { name }), text, at })),
      ],
    });
  }

  function botAnswer(conversation: Conversation, question: string, replyTo: string | undefined, origin: string) {
    let found: FaqAnswer | undefined;
    try {
      found = dependencies.search(question, conversation.organizationId);
    } catch {
      found = undefined;
    }
    const templates: TemplateObject[] = found
      ? (found.entry.templates ?? []).map((template) => onOrigin(template, origin))
      : [quickReplyTemplate('Would you like to talk to a person?', [messageReply(TALK_TO_A_PERSON, TALK_TO_A_PERSON)])];
    post(conversation, {
      from: 'bot',
      text: found ? found.entry.body : OUT_OF_SCOPE_TEXT,
      templates,
      ...(replyTo && { replyTo }),
      ...(!found && { outOfScope: true }),
    });
  }

  function recommend(
    conversation: Conversation,
    parameters: Record<string, unknown>,
    replyTo: string | undefined,
    origin: string,
  ) {
    const count = Math.min(PRODUCTS.length, Math.max(1, Number(parameters.count) || PRODUCTS.length));
    const cards = PRODUCTS.slice(0, count).map((product) => ({
      title: product.title,
      'sub-title': product.subtitle,
      'image-url': assetPath(product.image),
      buttons: [linkButton('View product', `https://shop.example.com/products/${product.image}`)],
    }));
    post(conversation, {
      from: 'bot',
      text: 'A few things you might like:',
      templates: [onOrigin(cardTemplate(cards), origin)],
      ...(replyTo && { replyTo }),
    });
  }

  function onVisitorFrame(socket: Socket, conversation: Conversation, parsed: VisitorFrame, origin: string) {
    if (parsed.id && conversation.handled.has(parsed.id)) {
      const messageId = conversation.handled.get(parsed.id);
      send(socket, { type: 'ack', ref: parsed.id, ...(messageId && { messageId }) });
      return;
    }
    let messageId: string | undefined;
    switch (parsed.type) {
      case 'user_message': {
        const stored = post(conversation, {
          from: 'user',
          text: parsed.content,
          templates: [],
          ...(parsed.id && { replyTo: parsed.id }),
        });
        messageId = stored.id;
        if (conversation.handoff === 'bot') {
          if (HANDOFF_INTENT.test(parsed.content)) requestHandoff(conversation, 'asked', parsed.id);
          else botAnswer(conversation, parsed.content, parsed.id, origin);
        }
        break;
      }
      case 'action_request':
        if (parsed.action === 'handoff') requestHandoff(conversation, 'action_request', parsed.id, parsed.parameters);
        else recommend(conversation, parsed.parameters, parsed.id, origin);
        break;
      case 'typing':
        toAgents({ type: 'typing', conversationId: conversation.id, from: 'user', typing: parsed.typing });
        break;
      case 'read':
        toAgents({ type: 'read', conversationId: conversation.id, until: parsed.until });
        break;
    }
    if (parsed.id) {
      conversation.handled.set(parsed.id, messageId);
      if (conversation.handled.size > 1000) conversation.handled.delete(conversation.handled.keys().next().value ?? '');
      send(socket, { type: 'ack', ref: parsed.id, ...(messageId && { messageId }) });
    }
  }

  function onAgentFrame(socket: Socket, parsed: AgentFrame) {
    const conversation = conversations.get(parsed.conversationId);
    if (!conversation) return refuse(socket, 'unknown_conversation', 'No such conversation.', parsed.id);
    const take = () => {
      if (conversation.handoff === 'agent' && conversation.agent === socket.name) return;
      setHandoff(conversation, 'agent', socket.name);
      toVisitors(conversation, { type: 'presence', agent: socket.name, online: true });
    };
    switch (parsed.type) {
      case 'accept':
        take();
        break;
      case 'agent_message':
        take();
        toVisitors(conversation, { type: 'typing', from: 'agent', name: socket.name, typing: false });
        post(conversation, { from: 'agent', name: socket.name, text: parsed.content, templates: [] });
        break;
      case 'typing':
        toVisitors(conversation, { type: 'typing', from: 'agent', name: socket.name, typing: parsed.typing });
        break;
      case 'release':
        if (conversation.handoff === 'bot') break;
        setHandoff(conversation, 'bot');
        post(conversation, { from: 'bot', text: RELEASED_TEXT, templates: [] });
        break;
    }
    if (parsed.id) send(socket, { type: 'ack', ref: parsed.id });
  }

  const beat = () => {
    const at = new Date().toISOString();
    for (const socket of sockets) send(socket, { type: 'heartbeat', at });
  };
  const track = (socket: Socket) => {
    sockets.add(socket);
    if (!heartbeat) {
      heartbeat = setInterval(beat, heartbeatMs);
      // A Node host must still exit when only the heartbeat is left.
      (heartbeat as { unref?: () => void }).unref?.();
    }
  };
  const untrack = (socket: Socket) => {
    sockets.delete(socket);
    if (!sockets.size) {
      clearInterval(heartbeat);
      heartbeat = undefined;
    }
  };

  /** Checks the rate first: a refused frame is answered with its retry time and otherwise ignored. */
  const limited = (socket: Socket, text: string): boolean => {
    const verdict = socket.limiter.take(Date.now());
    if (verdict.ok) return false;
    const ref = /"id"\s*:\s*"([^"]{1,64})"/.exec(text.slice(0, 2000))?.[1];
    refuse(socket, 'rate_limited', `At most ${rateLimit} frames a second.`, ref, verdict.retryAfterMs);
    return true;
  };

  return {
    /** Wires the hub to the app's keys, FAQ search and webhooks (the app calls this once). */
    use(next: HubDependencies) {
      dependencies = next;
    },

    /** Whether `pathname` is one of the hub's (hosts upgrade only these). */
    handles: (pathname: string) => pathname === REALTIME_PATH || pathname === AGENT_PATH,

    /** Takes an accepted socket; the URL's query carries the key, conversation id and resume point. */
    connect(url: URL, peer: Peer): Connection {
      const query = url.searchParams;
      const isAgent = url.pathname === AGENT_PATH;
      const socket: Socket = {
        peer,
        limiter: createRateLimiter(rateLimit),
        role: isAgent ? 'agent' : 'visitor',
        name: (query.get('name') ?? '').trim().slice(0, 40) || 'Agent',
      };
      const reject = (close: number, code: ErrorCode, message: string): Connection => {
        refuse(socket, code, message);
        peer.close(close, code);
        return { receive: () => {}, closed: () => {} };
      };
      const key = query.get('key') ?? '';
      if (!(isAgent ? agentKeys : dependencies.chatKeys).includes(key))
        return reject(CLOSE_UNAUTHORIZED, 'unauthorized', 'Unknown key.');
      track(socket);

      if (isAgent) {
        agents.add(socket);
        send(socket, { type: 'conversations', items: [...conversations.values()].map(summary), heartbeatMs });
        return {
          receive(text) {
            if (limited(socket, text)) return;
            const parsed = readAgentFrame(text);
            if (!parsed.ok) return refuse(socket, parsed.code, parsed.message, parsed.ref);
            onAgentFrame(socket, parsed.frame);
          },
          closed() {
            untrack(socket);
            agents.delete(socket);
            for (const conversation of conversations.values())
              if (conversation.agent === socket.name && ![...agents].some((agent) => agent.name === socket.name))
                toVisitors(conversation, { type: 'presence', agent: socket.name, online: false });
          },
        };
      }

      const id = (query.get('conversation') ?? '').trim();
      if (!id || id.length > 100) {
        untrack(socket);
        return reject(CLOSE_BAD_REQUEST, 'invalid_frame', 'conversation is required (at most 100 characters).');
      }
      const text = (name: string) => query.get(name)?.slice(0, 100) || null;
      const conversation = conversationOf(id, text('userId'), text('organizationId'));
      const { messages, gap } = conversation.backlog.after(query.get('after'));
      send(socket, {
        type: 'ready',
        conversationId: id,
        heartbeatMs,
        resumed: messages.length,
        gap,
        handoff: conversation.handoff,
        ...(conversation.agent && { agent: conversation.agent }),
      });
      for (const message of messages) send(socket, { type: 'message', ...message });
      conversation.visitors.add(socket);
      announce(conversation);
      const origin = httpOrigin(url);
      return {
        receive(data) {
          if (limited(socket, data)) return;
          const parsed = readVisitorFrame(data);
          if (!parsed.ok) return refuse(socket, parsed.code, parsed.message, parsed.ref);
          onVisitorFrame(socket, conversation, parsed.frame, origin);
        },
        closed() {
          untrack(socket);
          conversation.visitors.delete(socket);
          announce(conversation);
        },
      };
    },

    /** Every conversation with its transcript (QA, tests). */
    conversations: () => [...conversations.values()].map(summary),

    /** Posts as an agent without a console (tests, QA); undefined for an unknown conversation. */
    agentMessage(conversationId: string, name: string, text: string): WireMessage | undefined {
      const conversation = conversations.get(conversationId);
      if (!conversation) return undefined;
      if (conversation.handoff !== 'agent' || conversation.agent !== name) setHandoff(conversation, 'agent', name);
      return post(conversation, { from: 'agent', name, text, templates: [] });
    },

    /** Closes every socket as a server going away would (`1001`); conversations and backlogs stay. */
    disconnectAll() {
      for (const socket of [...sockets]) socket.peer.close(1001, 'going away');
    },

    /** Forgets every conversation (the mock's reset). */
    reset() {
      conversations.clear();
    },
  };
}

export type RealtimeHub = ReturnType<typeof createRealtimeHub>;
