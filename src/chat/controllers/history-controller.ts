import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ChatMessage } from '../model.js';
import { uuid } from './uuid.js';
import { loadConversation, saveConversation } from '../history/index.js';

/** What the controller needs from its element. */
export interface HistoryHost extends ReactiveControllerHost {
  sessionId: string;
  messages: ChatMessage[];
  /** `false`: nothing is kept in this browser (no IndexedDB conversation, no session id in localStorage). */
  readonly persist: boolean;
}

const KEY = 'mooni_session_id';

/**
 * Keeps `id` for the next page load when the host persists; storage may be off (privacy mode): the session
 * then lasts the page.
 */
const keep = (host: HistoryHost, id: string) => {
  try {
    if (host.persist) localStorage.setItem(KEY, id);
  } catch {
    // storage off: the id lasts this page
  }
  return id;
};

/**
 * Keeps the conversation of the current session in IndexedDB: restores it when the session changes (and on
 * reload), saves it whenever a message settles. A session id the host did not give is generated once and
 * kept in localStorage so a reload finds the same conversation. With `persist` off, none of this is kept.
 */
export class HistoryController implements ReactiveController {
  /** Settles once the current session's stored messages are in (at once when nothing is kept). */
  restored: Promise<void> = Promise.resolve();
  #for?: string;
  #saving: Promise<unknown> = Promise.resolve();

  constructor(private readonly host: HistoryHost) {
    host.addController(this);
  }

  hostUpdate(): void {
    const { host } = this;
    if (!host.sessionId) {
      let stored;
      try {
        if (host.persist) stored = localStorage.getItem(KEY);
      } catch {
        // storage off: a new id below
      }
      host.sessionId = stored || keep(host, uuid());
    }
    const id = host.sessionId;
    if (this.#for === id) return;
    // Another session: its own messages only. (The first restore keeps what was said before it finished.)
    if (this.#for) host.messages = [];
    this.#for = id;
    if (!host.persist) return;
    this.restored = loadConversation(id).then(
      (old) => {
        const known = new Set(old.map((m) => m.id));
        if (host.sessionId === id && old.length)
          host.messages = [...old, ...host.messages.filter((m) => !known.has(m.id))];
      },
      () => {},
    );
  }

  /** Starts a fresh session; the old one stays stored. */
  renew(): void {
    this.host.sessionId = this.#for = keep(this.host, uuid());
    this.host.messages = [];
  }

  /** Stores the conversation as it is now (a streaming answer as stopped); saves run one after another. */
  save(): void {
    const { sessionId, messages, persist } = this.host;
    if (persist) this.#saving = this.#saving.then(() => saveConversation(sessionId, messages)).catch(() => {});
  }
}
