import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ChatMessage } from '../model.js';
import type { PanelModule } from '../load-panel.js';
import { uuid } from './uuid.js';
import { loadPanelOnce } from './panel-loader-controller.js';
import { CHAT_SESSION_KEY as KEY } from '../history/storage-names.js';

/** What the controller needs from its element. */
export interface HistoryHost extends ReactiveControllerHost {
  sessionId: string;
  messages: ChatMessage[];
  /** `false`: nothing is kept in this browser (no IndexedDB conversation, no session id in localStorage). */
  readonly persist: boolean;
}

/** Keeps `id` for the next page load; storage may be off (privacy mode): the session then lasts the page. */
const keep = (id: string) => {
  try {
    localStorage.setItem(KEY, id);
  } catch {
    // storage off: the id lasts this page
  }
};

/**
 * Keeps the conversation of the current session in IndexedDB: restores it when the session changes (and on
 * reload), saves it whenever a message settles. A session id the host did not give is generated once and
 * kept in localStorage so a reload finds the same conversation. The store lives in the panel module (a
 * closed launcher does not read it): a save waits for the restore, and one whose restore failed (the module
 * did not load) restores first, so it never overwrites a stored conversation it has not read. With `persist`
 * off, none of this is kept.
 */
export class HistoryController implements ReactiveController {
  /** Settles once the current session's stored messages are in (at once when nothing is kept). */
  restored: Promise<void> = Promise.resolve();
  #for?: string;
  #saving: Promise<unknown> = Promise.resolve();
  /** The restore of the current session: settles with the module once its stored messages are merged in. */
  #restoring?: Promise<PanelModule>;
  /** A session id this element generated (not the host's) and has not kept yet. */
  #generated?: string;

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
      host.sessionId = stored || (this.#generated = uuid());
    }
    const id = host.sessionId;
    // A generated id is kept once the element keeps things: at once, or when consent comes after the start.
    if (host.persist && id === this.#generated) {
      keep(id);
      this.#generated = undefined;
    }
    if (this.#for === id) return;
    // Another session: its own messages only. (The first restore keeps what was said before it finished.)
    if (this.#for) host.messages = [];
    this.#for = id;
    if (!host.persist) return;
    this.restored = this.#restore(id).then(
      () => {},
      () => {},
    );
  }

  /** Starts a fresh session; the old one stays stored. */
  renew(): void {
    this.host.sessionId = this.#for = this.#generated = uuid();
    this.host.messages = [];
    this.#restoring = undefined;
  }

  /** Stores the conversation as it is now (a streaming answer as stopped); saves run one after another. */
  save(): void {
    const { sessionId, messages, persist } = this.host;
    if (!persist) return;
    this.#saving = this.#saving
      .then(() => this.#restoring ?? this.#restore(sessionId))
      .then((module) => module.saveConversation(sessionId, messages))
      .catch(() => {});
  }

  #restore(id: string): Promise<PanelModule> {
    const { host } = this;
    const restoring = loadPanelOnce().then(async (module) => {
      const old = await module.loadConversation(id);
      if (host.sessionId === id && old.length) {
        // What this page holds is never older than what is stored (another tab may have shown it a finished
        // answer that is stored as still streaming, that is stopped): its version of a message wins.
        const current = new Map(host.messages.map((message) => [message.id, message]));
        const stored = new Set(old.map((message) => message.id));
        host.messages = [
          ...old.map((message) => current.get(message.id) ?? message),
          ...host.messages.filter((message) => !stored.has(message.id)),
        ];
      }
      return module;
    });
    this.#restoring = restoring;
    restoring.catch(() => {
      if (this.#restoring === restoring) this.#restoring = undefined;
    });
    return restoring;
  }
}
