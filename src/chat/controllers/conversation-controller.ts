import type { ReactiveElement } from 'lit';
import type { ChatMessage, Template } from '../model.js';
import type { RealtimeMessage } from '../transports/realtime.js';
import type { MooniResetSource, MooniSendSource } from '../events.js';
import { emit } from '../events.js';
import { fill, type ElementStrings } from '../strings.js';
import { MAX_QUESTION } from '../limits.js';
import { HistoryController } from './history-controller.js';
import { StreamController } from './stream-controller.js';
import { loadPanelOnce, type PanelLoaderController } from './panel-loader-controller.js';
import type { AnnouncerController } from './announcer-controller.js';
import type { TransportController } from './transport-controller.js';
import { uuid } from './uuid.js';

/** How long "Copied" shows after a copy. */
const COPIED_MS = 1500;

/** What the controller needs from its element. */
export interface ConversationHost extends ReactiveElement {
  sessionId: string;
  messages: ChatMessage[];
  readonly userId?: string;
  readonly organizationId?: string;
  readonly words: ElementStrings;
  readonly transport: string;
  /** `false`: no `sessionId` is sent (001 records a session only with one) and nothing is stored. */
  readonly persist: boolean;
}

/** The controllers a conversation speaks through. */
export interface ConversationParts {
  announcer: AnnouncerController;
  /** Brings the log's scrolling, with the panel module. */
  loader: Pick<PanelLoaderController, 'scroll'>;
  transport: TransportController;
}

/**
 * The conversation: questions asked, answers streamed into it (one at a time), its ratings and copies, the
 * draft in the textbox, and how it ended. It is kept in IndexedDB as it changes (HistoryController) and
 * every outcome is announced once and reported as a `mooni-…` event. It drives two controllers of the host:
 * StreamController (the answer in flight, stopped when the element is removed) and HistoryController.
 */
export class ConversationController {
  /** The question being typed. */
  draft = '';
  /** The server ended the conversation. */
  ended = false;
  /** Epoch ms before which Retry stays disabled (429). */
  retryAt = 0;
  /** Id of the message or code block whose text was just copied. */
  copiedId?: string;
  readonly stream: StreamController;
  readonly #history: HistoryController;
  /** The session whose greeting was asked for: one per conversation, whatever the panel does. */
  #greeted?: string;

  constructor(
    private readonly host: ConversationHost,
    private readonly parts: ConversationParts,
  ) {
    this.stream = new StreamController(host, loadPanelOnce);
    this.#history = new HistoryController(host);
  }

  edit(text: string): void {
    this.draft = text;
    this.host.requestUpdate();
  }

  /** Sends what the textbox holds. */
  submit(): void {
    const text = this.draft;
    this.edit('');
    this.ask(text, 'user');
  }

  /**
   * Sends a question. One longer than the API takes (001: 500 characters, trimmed) is never sent, nor cut: it
   * waits in the textbox as it was, where the panel says how long it is, and the status region says it once.
   */
  ask(text: string, source: MooniSendSource): void {
    const question = text.trim();
    if (question.length > MAX_QUESTION) {
      this.edit(text);
      void this.parts.announcer.announce(fill(this.host.words.overLimit, question.length));
      return;
    }
    if (!question) return;
    if (this.ended) {
      this.parts.transport.reset();
      this.ended = false;
    }
    emit(this.host, 'mooni-send', { text: question, source });
    this.#append(this.#message('user', question));
    void this.#answer(question);
  }

  retry(message: ChatMessage): void {
    const { question } = message;
    if (!question) return;
    if (this.draft.trim() === question) this.draft = '';
    this.host.messages = this.host.messages.filter((other) => other !== message);
    void this.#answer(question);
  }

  /** Rates an answer; `undefined` takes its rating back (pressing the pressed thumb again). */
  rate(message: ChatMessage, rating: ChatMessage['rating']): void {
    message.rating = rating;
    this.host.requestUpdate();
    this.#history.save();
    emit(this.host, 'mooni-rate', { messageId: message.id, rating });
  }

  /** The text of message or code block `id` is on the clipboard (the panel wrote it): "Copied" shows a while. */
  copied(id: string): void {
    this.copiedId = id;
    this.host.requestUpdate();
    setTimeout(() => {
      if (this.copiedId !== id) return;
      this.copiedId = undefined;
      this.host.requestUpdate();
    }, COPIED_MS);
  }

  /** A message from the host page. */
  say(text: string, templates: Template[]): void {
    const said = this.#message('host', text, { templates });
    this.#append(said);
    this.#announceMessage(said);
    this.#history.save();
  }

  /**
   * A message that came over the realtime channel by itself: an agent's reply, a bot message, or a question
   * asked in another tab. Announced when the panel shows (the launcher's badge says it otherwise).
   */
  receive(message: RealtimeMessage, showing: boolean): void {
    const role = message.from === 'user' ? 'user' : 'bot';
    const shown = this.#message(role, message.text, {
      templates: message.templates,
      createdAt: message.at,
      ...(message.name && message.from === 'agent' && { author: message.name }),
      ...(message.outOfScope && { tone: 'warning' as const }),
    });
    this.#append(shown);
    this.parts.loader.scroll?.pin();
    if (showing && role === 'bot') this.#announceMessage(shown);
    this.#history.save();
  }

  /**
   * Mind Expression's greeting (the handshake's `result`, 002), once the panel shows a conversation that is
   * empty when restored: a conversation that has begun, on this page or before a reload, is not greeted again.
   * A failed handshake shows nothing; the next question handshakes again.
   */
  async greet(): Promise<void> {
    const { host } = this;
    const { handshake } = this.parts.transport.client;
    const session = host.sessionId;
    if (!handshake || this.#greeted === session) return;
    this.#greeted = session;
    await this.#history.restored;
    if (host.messages.length) return;
    const greeting = await handshake().catch(() => undefined);
    if (!greeting || host.sessionId !== session) return;
    // Before any question asked while the engine answered.
    host.messages = [this.#message('bot', greeting), ...host.messages];
    void this.parts.announcer.announce(greeting);
    this.#history.save();
  }

  /** Stops any answer and starts a new session; the old one stays in history. Reported as `mooni-reset`. */
  reset(source: MooniResetSource): void {
    // Before the session changes, so listeners still see the conversation that ends.
    emit(this.host, 'mooni-reset', { source });
    this.stream.stop();
    this.parts.transport.reset();
    this.#history.renew();
    this.ended = false;
    this.draft = '';
    this.retryAt = 0;
    this.host.requestUpdate();
  }

  /** Shows another session (a past one): its stored messages replace these. */
  open(sessionId: string): void {
    this.stream.stop();
    this.host.messages = [];
    this.host.sessionId = sessionId;
  }

  /** Says a message's words (the panel module turns it into plain text; without the panel there is no one to hear). */
  #announceMessage(message: ChatMessage): void {
    loadPanelOnce().then(
      (module) => this.parts.announcer.announce(module.spokenText(message, this.host.words)),
      () => {},
    );
  }

  #append(message: ChatMessage): void {
    this.host.messages = [...this.host.messages, message];
  }

  #message(role: ChatMessage['role'], text: string, extra?: Partial<ChatMessage>): ChatMessage {
    return { id: uuid(), role, text, templates: [], faqs: [], state: 'done', createdAt: Date.now(), ...extra };
  }

  async #answer(question: string): Promise<void> {
    const { host } = this;
    const { announcer, transport } = this.parts;
    const draft = this.#message('bot', '', { state: 'streaming', question });
    this.#append(draft);
    this.parts.loader.scroll?.pin();
    void announcer.announce(host.words.searching);
    this.#history.save();
    const { sessionId, userId, organizationId, persist } = host;
    const { failure, terminated } = await this.stream.run(transport.client, draft, {
      sessionId: persist ? sessionId : undefined,
      userId,
      organizationId,
    });
    if (host.transport === 'realtime' && draft.state === 'done' && !draft.text && !draft.templates.length) {
      // No bot answer: a person answers this conversation (realtime), later, as a message of its own.
      host.messages = host.messages.filter((message) => message !== draft);
      this.#history.save();
      return;
    }
    this.#history.save();
    if (terminated) this.ended = true;
    if (failure) {
      const { text, retryAt, ...detail } = failure;
      if (detail.reason === 'unauthorized') transport.warnUnauthorized();
      if (retryAt) this.#holdRetry(retryAt);
      if (detail.reason === 'offline') this.draft ||= question;
      void announcer.announce(text);
      emit(host, 'mooni-fail', detail);
    } else if (draft.state === 'done') {
      this.#announceMessage(draft);
      emit(host, 'mooni-answer', { message: draft });
    } else if (!this.stream.busy) {
      // Stopped by the user, not replaced by a newer question.
      void announcer.announce(host.words.stopped);
    }
    host.requestUpdate();
  }

  /** Retry stays disabled until `retryAt` (a 429's Retry-After). */
  #holdRetry(retryAt: number): void {
    this.retryAt = retryAt;
    setTimeout(() => {
      if (this.retryAt !== retryAt) return;
      this.retryAt = 0;
      this.host.requestUpdate();
    }, retryAt - Date.now());
  }
}
