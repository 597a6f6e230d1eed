import type { MoodState } from '../mood/engine.js';
import type { MoodLabel } from '../mood/types.js';

/** A chat session recorded because the request carried a `sessionId` (001 "Persistence Behavior"). */
export interface ChatSessionRecord {
  sessionId: string;
  userId: string | null;
  organizationId: string | null;
  createdAt: string;
  updatedAt: string;
  messages: { role: 'user' | 'assistant'; content: string; at: string }[];
}

export interface ChatUserRecord {
  userId: string;
  createdAt: string;
  lastSeenAt: string;
}

export type Plan = 'starter' | 'growth' | 'pro';

export interface ApiKeyRecord {
  api_key: string;
  customer: string;
  email: string | null;
  plan: Plan;
  created_at: string;
  /** Set when the key was revoked: it then gets 401 "revoked" everywhere. */
  revoked_at?: string;
}

export interface FeedbackRecord {
  session_id: string;
  action_taken: string;
  was_helpful?: boolean;
  notes?: string;
  /** The session's mood when the feedback arrived. */
  mood: MoodLabel;
  at: string;
}

/** One SessionMood session as one API key sees it. The engine state is constant-size. */
export interface MoodSessionRecord {
  apiKey: string;
  sessionId: string;
  state: MoodState;
  eventCount: number;
  mood: MoodLabel;
  updatedAt: string;
  feedback: FeedbackRecord[];
}

/** A Mind Expression conversation the gateway issued and has not ended (002). */
export interface ConversationRecord {
  conversationId: string;
  developerId: string;
  scopeId: string;
  /** Epoch milliseconds of the last message: an idle conversation expires. */
  lastActiveAt: number;
}

/**
 * Where the mock keeps its state. The in-memory one below is per process; a database-backed one can
 * replace it (every caller awaits the results).
 */
export interface MockStore {
  recordChatMessage(record: {
    sessionId: string;
    userId: string | null;
    organizationId: string | null;
    role: 'user' | 'assistant';
    content: string;
  }): void | Promise<void>;
  recordUser(userId: string): void | Promise<void>;
  chatSessionsOf(userId: string): ChatSessionRecord[] | Promise<ChatSessionRecord[]>;
  chatSession(sessionId: string): ChatSessionRecord | undefined | Promise<ChatSessionRecord | undefined>;
  chatUser(userId: string): ChatUserRecord | undefined | Promise<ChatUserRecord | undefined>;

  apiKey(key: string): ApiKeyRecord | undefined | Promise<ApiKeyRecord | undefined>;
  putApiKey(record: ApiKeyRecord): void | Promise<void>;

  moodSession(
    apiKey: string,
    sessionId: string,
  ): MoodSessionRecord | undefined | Promise<MoodSessionRecord | undefined>;
  putMoodSession(record: MoodSessionRecord): void | Promise<void>;
  /**
   * Erases everything kept for the session under the key — record, feedback, raw events, its id in the
   * quota periods (the month's count stays) — and counts it as erased. False when there was no session.
   */
  deleteMoodSession(apiKey: string, sessionId: string): boolean | Promise<boolean>;
  moodSessionsOf(apiKey: string): MoodSessionRecord[] | Promise<MoodSessionRecord[]>;
  /** How many of the key's sessions were erased (003 analytics count sessions "ever recorded"). */
  erasedSessionCount(apiKey: string): number | Promise<number>;
  /** The session id's records under every key (test/QA views). */
  moodSessionsWithId(sessionId: string): MoodSessionRecord[] | Promise<MoodSessionRecord[]>;

  /** Adds `sessionId` to the key's sessions of `period` (e.g. "2026-11") and returns how many it has. */
  sessionsInPeriod(apiKey: string, period: string, sessionId?: string): number | Promise<number>;
  hasSessionInPeriod(apiKey: string, period: string, sessionId: string): boolean | Promise<boolean>;

  /** Every raw event received for a session id, all keys, in arrival order (test/QA log). */
  appendRawEvents(apiKey: string, sessionId: string, events: unknown[]): void | Promise<void>;
  rawEvents(sessionId: string): unknown[] | Promise<unknown[]>;

  conversation(conversationId: string): ConversationRecord | undefined | Promise<ConversationRecord | undefined>;
  putConversation(record: ConversationRecord): void | Promise<void>;
  endConversation(conversationId: string): void | Promise<void>;

  /** Resolves when the store can be read and written; rejects (or throws) when it cannot (`/health`). */
  ping(): void | Promise<void>;

  clear(): void | Promise<void>;
}

export const DEMO_MOOD_KEY = 'sm_demo_key';

/** The in-memory store; `seed` adds the demo SessionMood key (plan starter). */
export function createMemoryStore(): MockStore {
  let chatSessions = new Map<string, ChatSessionRecord>();
  let users = new Map<string, ChatUserRecord>();
  let keys = new Map<string, ApiKeyRecord>();
  let moodSessions = new Map<string, MoodSessionRecord>();
  /** Per key and month: the ids counted, and how many counted ids were erased since. */
  let periods = new Map<string, { live: Set<string>; erased: number }>();
  let erased = new Map<string, number>();
  let raw = new Map<string, { apiKey: string; event: unknown }[]>();
  let conversations = new Map<string, ConversationRecord>();
  const id = (apiKey: string, sessionId: string) => `${apiKey}\u0000${sessionId}`;

  function seed() {
    keys.set(DEMO_MOOD_KEY, {
      api_key: DEMO_MOOD_KEY,
      customer: 'Mooni demo',
      email: null,
      plan: 'starter',
      created_at: new Date(0).toISOString(),
    });
  }
  seed();

  return {
    recordChatMessage({ sessionId, userId, organizationId, role, content }) {
      const at = new Date().toISOString();
      let session = chatSessions.get(sessionId);
      if (!session) {
        session = { sessionId, userId, organizationId, createdAt: at, updatedAt: at, messages: [] };
        chatSessions.set(sessionId, session);
      }
      if (userId && !session.userId) session.userId = userId;
      session.updatedAt = at;
      session.messages.push({ role, content, at });
    },
    recordUser(userId) {
      const at = new Date().toISOString();
      const user = users.get(userId);
      if (user) user.lastSeenAt = at;
      else users.set(userId, { userId, createdAt: at, lastSeenAt: at });
    },
    chatSessionsOf: (userId) => [...chatSessions.values()].filter((s) => s.userId === userId),
    chatSession: (sessionId) => chatSessions.get(sessionId),
    chatUser: (userId) => users.get(userId),

    apiKey: (key) => keys.get(key),
    putApiKey(record) {
      keys.set(record.api_key, record);
    },

    moodSession: (apiKey, sessionId) => moodSessions.get(id(apiKey, sessionId)),
    putMoodSession(record) {
      moodSessions.set(id(record.apiKey, record.sessionId), record);
    },
    deleteMoodSession(apiKey, sessionId) {
      if (!moodSessions.delete(id(apiKey, sessionId))) return false;
      erased.set(apiKey, (erased.get(apiKey) ?? 0) + 1);
      for (const [name, period] of periods) {
        if (name.startsWith(`${apiKey}\u0000`) && period.live.delete(sessionId)) period.erased++;
      }
      const kept = (raw.get(sessionId) ?? []).filter((entry) => entry.apiKey !== apiKey);
      if (kept.length) raw.set(sessionId, kept);
      else raw.delete(sessionId);
      return true;
    },
    moodSessionsOf: (apiKey) => [...moodSessions.values()].filter((s) => s.apiKey === apiKey),
    erasedSessionCount: (apiKey) => erased.get(apiKey) ?? 0,
    moodSessionsWithId: (sessionId) => [...moodSessions.values()].filter((s) => s.sessionId === sessionId),

    sessionsInPeriod(apiKey, period, sessionId) {
      const name = `${apiKey}\u0000${period}`;
      let counted = periods.get(name);
      if (!counted) periods.set(name, (counted = { live: new Set(), erased: 0 }));
      if (sessionId !== undefined) counted.live.add(sessionId);
      return counted.live.size + counted.erased;
    },
    hasSessionInPeriod: (apiKey, period, sessionId) =>
      periods.get(`${apiKey}\u0000${period}`)?.live.has(sessionId) ?? false,

    appendRawEvents(apiKey, sessionId, events) {
      let list = raw.get(sessionId);
      if (!list) raw.set(sessionId, (list = []));
      for (const event of events) list.push({ apiKey, event });
    },
    rawEvents: (sessionId) => (raw.get(sessionId) ?? []).map((entry) => entry.event),

    conversation: (conversationId) => conversations.get(conversationId),
    putConversation(record) {
      conversations.set(record.conversationId, record);
    },
    endConversation(conversationId) {
      conversations.delete(conversationId);
    },

    ping() {},

    clear() {
      chatSessions = new Map();
      users = new Map();
      keys = new Map();
      moodSessions = new Map();
      periods = new Map();
      erased = new Map();
      raw = new Map();
      conversations = new Map();
      seed();
    },
  };
}
