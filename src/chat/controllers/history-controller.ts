import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ChatMessage } from '../model.js';
import { uuid } from './uuid.js';
import { loadConversation, saveConversation } from '../history/index.js';

/** What the controller needs from its element. */
export interface HistoryHost extends ReactiveControllerHost {
  sessionId: string;
  messages: ChatMessage[];
}

const SESSION_KEY = 'mooni_session_id';

/**
 * Keeps the conversation of the current session in IndexedDB: restores it when the session changes (and on
 * reload), saves it whenever a message settles. A session id the host did not give is generated once and
 * kept in localStorage so a reload finds the same conversation.
 */
export class HistoryController implements ReactiveController {
  private restoredFor?: string;
  private saving: Promise<unknown> = Promise.resolve();

  constructor(private readonly host: HistoryHost) {
    host.addController(this);
  }

  hostUpdate(): void {
    const { host } = this;
    if (!host.sessionId) host.sessionId = storedSessionId() ?? newSessionId();
    if (this.restoredFor === host.sessionId) return;
    // Another session: its own messages only. (The first restore keeps what was said before it finished.)
    if (this.restoredFor) host.messages = [];
    void this.restore(host.sessionId);
  }

  /** Starts a fresh session; the old one stays stored. */
  renew(): void {
    const id = uuid();
    keepSessionId(id);
    this.restoredFor = id;
    this.host.sessionId = id;
    this.host.messages = [];
  }

  /** Stores the conversation as it is now (a streaming answer as stopped); saves run one after another. */
  save(): Promise<unknown> {
    const { sessionId, messages } = this.host;
    this.saving = this.saving.then(() => saveConversation(sessionId, messages)).catch(() => undefined);
    return this.saving;
  }

  private async restore(sessionId: string): Promise<void> {
    this.restoredFor = sessionId;
    let stored: ChatMessage[];
    try {
      stored = await loadConversation(sessionId);
    } catch {
      return;
    }
    const { host } = this;
    if (host.sessionId !== sessionId || !stored.length) return;
    const known = new Set(stored.map((m) => m.id));
    host.messages = [...stored, ...host.messages.filter((m) => !known.has(m.id))];
  }
}

function storedSessionId(): string | undefined {
  try {
    return localStorage.getItem(SESSION_KEY) ?? undefined;
  } catch {
    return undefined;
  }
}

function keepSessionId(id: string): void {
  try {
    localStorage.setItem(SESSION_KEY, id);
  } catch {
    // Storage may be off (privacy mode); the session then lasts as long as the page.
  }
}

function newSessionId(): string {
  const id = uuid();
  keepSessionId(id);
  return id;
}
