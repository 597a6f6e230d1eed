import { LitElement, html, nothing, type PropertyValues } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import { guard } from 'lit/directives/guard.js';
import { property, state } from 'lit/decorators.js';
import styles from './mooni-frame.styles.js';
import { ChatHttpError, type Card, type CardButton, type ChatMessage, type ChatTransport, type FetchLike, type QuickReply, type Template } from './model.js';
import { defaultStrings, fill, type MooniStrings } from './strings.js';
import { emit } from './events.js';
import { StreamController } from './controllers/stream-controller.js';
import { HistoryController } from './controllers/history-controller.js';
import { uuid } from './controllers/uuid.js';
import { createMooniTransport } from './transports/mooni.js';
import { createMindExpressionTransport } from './transports/mind-expression.js';
import { fetchRemoteSessions } from './history/index.js';
import { renderSessions, summarize, type SessionSummary } from './views/sessions.js';
import type { MessageActions } from './views/actions.js';
import { answerText, renderDeps, renderMessage } from './views/message.js';
import { backIcon, chatIcon, closeIcon, historyIcon, iconButton, newIcon, sendIcon, stopIcon } from './views/icons.js';

/** Longest question the API accepts (001). */
const MAX_QUESTION = 500;
/** The counter appears when this few characters are left. */
const COUNTER_FROM = 100;
/** A restored conversation shows this many latest messages; earlier ones come in pages of this size. */
const PAGE = 40;

/** A message from the host page for `say()`. */
export type SayMessage = string | { text?: string; templates?: Template[] };

type Transport = ChatTransport & { reset?(): void };

const spokenText = (m: ChatMessage, a: MessageActions) =>
  [
    answerText(m, a),
    ...m.templates.map((t) =>
      t.type === 'text' ? t.text : t.type === 'quick_reply' ? t.prompt : t.type === 'card' ? t.cards.map((c) => c.title).join(', ') : t.type === 'image' ? t.alt : '',
    ),
  ]
    .join(' ')
    .replace(/\]\([^)]*\)|[*_`#>[]/g, '')
    .trim();

/**
 * @summary A customer-help chat: a launcher and panel (or an inline panel) that streams answers from the
 * Mooni Chat API or a Mind Expression gateway, renders rich templates safely, and keeps the conversation in
 * IndexedDB.
 *
 * Methods: `show()`, `hide()` (also `close()`), `toggle()`, `send(text)`, `say(message)`, `reset()`. Opening is
 * `show()` because `open` is the property (and attribute) that reflects the panel's state.
 *
 * @fires {CustomEvent<MooniOpenDetail>} mooni-open - The panel opened. Detail `{}`.
 * @fires {CustomEvent<MooniCloseDetail>} mooni-close - The panel closed. Detail `{}`.
 * @fires {CustomEvent<MooniSendDetail>} mooni-send - A question is being sent. Detail `{ text: string }`.
 * @fires {CustomEvent<MooniAnswerDetail>} mooni-answer - An answer finished streaming. Detail `{ message: ChatMessage }`.
 * @fires {CustomEvent<MooniQuickReplyDetail>} mooni-quick-reply - A quick-reply button or link was pressed. Detail `{ reply: QuickReply }`.
 * @fires {CustomEvent<MooniCardActionDetail>} mooni-card-action - A card button or link was pressed. Detail `{ card: Card, button: CardButton }`.
 * @fires {CustomEvent<MooniRateDetail>} mooni-rate - An answer was rated. Detail `{ messageId: string, rating: 'helpful' | 'not_helpful' }`.
 * @fires {CustomEvent<MooniFailDetail>} mooni-fail - An answer failed. Detail `{ reason, status?, code? }`; reason is one of `http_400`,
 *   `unauthorized`, `rate_limited`, `offline`, `stream_cut`, `server_error`, `http_error`.
 *
 * @csspart launcher - The floating button that opens and closes the panel (launcher mode).
 * @csspart panel - The chat panel: a dialog in launcher mode, a region in inline mode.
 * @csspart header - The panel's header with the tenant name and its buttons.
 * @csspart log - The scrolling list of messages.
 * @csspart message - One message; each also has `user-message`, `bot-message` or `host-message`.
 * @csspart user-message - A question the user asked.
 * @csspart bot-message - An answer.
 * @csspart host-message - A message the host page showed with `say()`.
 * @csspart note - The error or stop note under an answer.
 * @csspart input - The question textbox.
 * @csspart send-button - The Send button.
 * @csspart chip - A related-question or quick-reply chip.
 * @csspart card - A card of a card list.
 * @csspart card-button - A button or link of a card.
 *
 * @cssprop [--mooni-accent=#4f46e5] - Accent: header, launcher, user bubbles, chips, send button, focus ring (dark theme: #8b8ff9).
 * @cssprop [--mooni-accent-text=#ffffff] - Text on the accent colour (dark theme: #11122a).
 * @cssprop [--mooni-surface=#ffffff] - Panel background (dark theme: #17181d).
 * @cssprop [--mooni-text=#1c1e26] - Main text colour (dark theme: #eceef4).
 * @cssprop [--mooni-radius=16px] - Corner radius of the panel, cards and images.
 * @cssprop [--mooni-font=system-ui, sans-serif] - Font family.
 * @cssprop [--mooni-panel-width=380px] - Panel width in launcher mode.
 * @cssprop [--mooni-panel-height=620px] - Panel height in launcher mode (never taller than the viewport).
 * @cssprop [--mooni-z-index=2147483000] - Stacking order of the launcher and panel.
 */
export default class MooniFrame extends LitElement implements MessageActions {
  static override styles = styles;

  /** Mooni Chat API key, sent as the `mooni-api-key` header. */
  @property({ attribute: 'api-key' }) apiKey = '';

  /** Mooni Chat base URL, e.g. `https://tap-cs.coxwave.link`; `''` means the page's own origin. */
  @property({ attribute: 'api-base' }) apiBase = '';

  /**
   * Conversation id sent with every question and used as the IndexedDB key of the conversation. When absent,
   * a UUID is generated and kept in localStorage, so a reload continues the same conversation.
   */
  @property({ attribute: 'session-id' }) sessionId = '';

  /** The host's own user id (never an email or a name); enables the past-conversations view. */
  @property({ attribute: 'user-id' }) userId?: string;

  /** Narrows the FAQ search to one organization. */
  @property({ attribute: 'organization-id' }) organizationId?: string;

  /** Whether the panel is open (launcher mode; an inline panel is always open). */
  @property({ type: Boolean, reflect: true }) open = false;

  /** `launcher`: a floating button and panel; `inline`: the panel fills its container. */
  @property({ reflect: true }) mode: 'launcher' | 'inline' = 'launcher';

  /** Placeholder of the question textbox; defaults to the `placeholder` string. */
  @property() placeholder?: string;

  /** Colour scheme: `light`, `dark`, or `auto` (follows `prefers-color-scheme`). */
  @property({ reflect: true }) theme: 'light' | 'dark' | 'auto' = 'auto';

  /** Which backend answers: `mooni` (Mooni Chat SSE) or `mind-expression` (the gateway of 002). */
  @property() transport: 'mooni' | 'mind-expression' = 'mooni';

  /** Mind Expression engine URL (transport `mind-expression`). */
  @property({ attribute: 'engine-url' }) engineUrl = '';

  /** Mind Expression auth key, sent as `Authorization: Bearer …` (transport `mind-expression`). */
  @property({ attribute: 'auth-key' }) authKey = '';

  /** Mind Expression developer id (transport `mind-expression`). */
  @property({ attribute: 'developer-id' }) developerId = '';

  /** Mind Expression scope id (transport `mind-expression`). */
  @property({ attribute: 'scope-id' }) scopeId = '';

  /** Replacements for any of the UI strings (see `defaultStrings` in strings.ts), e.g. for translation. */
  @property({ attribute: false }) strings: Partial<MooniStrings> = {};

  /** A `fetch` implementation for every request, e.g. an in-page mock; defaults to `window.fetch`. */
  @property({ attribute: false }) fetcher?: FetchLike;

  /** The conversation shown, oldest first. */
  @state() messages: ChatMessage[] = [];
  /** @internal */
  @state() copiedId?: string;
  /** @internal */
  @state() retryAt = 0;
  @state() private view: 'chat' | 'history' = 'chat';
  @state() private tenant = '';
  @state() private sessions?: SessionSummary[] | 'failed';
  @state() private announcement = '';
  @state() private value = '';
  @state() private ended = false;
  /** How many of the oldest messages are not rendered (a long conversation restores its end first). */
  @state() private unrendered = 0;

  /** @internal The strings table in use: the defaults with the host's `strings` over them. */
  words: MooniStrings = defaultStrings;
  private readonly stream = new StreamController(this, () => this.words);
  private readonly history = new HistoryController(this);
  private client?: Transport;
  private configAsked = false;
  private warned = false;
  private stick = true;
  /** Focus was inside the panel when it closed: it goes back to the launcher. */
  private refocus = false;

  private find<T extends HTMLElement>(selector: string) {
    return this.renderRoot.querySelector<T>(selector);
  }

  private get isOpen() {
    return this.mode === 'inline' || this.open;
  }

  /** Opens the panel and moves focus to the question textbox. */
  show(): void {
    this.open = true;
  }

  /** Closes the panel; focus returns to the launcher when it was inside the panel. */
  hide(): void {
    this.refocus = !!this.shadowRoot?.activeElement;
    this.open = false;
  }

  /** Same as `hide()`. */
  close(): void {
    this.hide();
  }

  /** Opens the panel when closed, closes it when open. */
  toggle(): void {
    if (this.open) this.hide();
    else this.show();
  }

  /** Asks a question as if the user had typed it (trimmed, at most 500 characters); opens the panel. */
  send(text: string): void {
    this.show();
    this.ask(text);
  }

  /** Shows a message from the host page, e.g. a proactive greeting or a card list. */
  say(message: SayMessage): void {
    const { text = '', templates = [] } = typeof message === 'string' ? { text: message } : message;
    const said = this.message('host', text, { templates });
    this.messages = [...this.messages, said];
    this.announce(spokenText(said, this));
    void this.history.save();
  }

  /** Stops any answer, ends the conversation and starts a new session; the old one stays in history. */
  reset(): void {
    this.stream.stop();
    this.client?.reset?.();
    this.history.renew();
    this.ended = false;
    this.view = 'chat';
    this.value = '';
    this.retryAt = 0;
  }

  /** @internal What message views call (MessageActions). */
  ask(text: string): void {
    const question = text.trim().slice(0, MAX_QUESTION);
    if (!question) return;
    if (this.ended) {
      this.client?.reset?.();
      this.ended = false;
    }
    emit(this, 'mooni-send', { text: question });
    this.messages = [...this.messages, this.message('user', question)];
    void this.answer(question);
  }

  /** @internal */
  quickReply(reply: QuickReply): void {
    emit(this, 'mooni-quick-reply', { reply });
  }

  /** @internal */
  cardAction(card: Card, button: CardButton): void {
    emit(this, 'mooni-card-action', { card, button });
  }

  /** @internal */
  copy(id: string, text: string): void {
    navigator.clipboard?.writeText(text).then(
      () => {
        this.copiedId = id;
        setTimeout(() => this.copiedId === id && (this.copiedId = undefined), 1500);
      },
      () => undefined,
    );
  }

  /** @internal */
  rate(message: ChatMessage, rating: 'helpful' | 'not_helpful'): void {
    message.rating = rating;
    this.requestUpdate();
    void this.history.save();
    emit(this, 'mooni-rate', { messageId: message.id, rating });
  }

  /** @internal */
  retry(message: ChatMessage): void {
    const question = message.question ?? '';
    if (this.value.trim() === question) this.value = '';
    this.messages = this.messages.filter((m) => m !== message);
    void this.answer(question);
  }

  private message(role: ChatMessage['role'], text: string, extra: Partial<ChatMessage> = {}): ChatMessage {
    return { id: uuid(), role, text, templates: [], faqs: [], state: 'done', createdAt: Date.now(), ...extra };
  }

  private get chat(): Transport {
    return (this.client ??=
      this.transport === 'mind-expression'
        ? createMindExpressionTransport({
            engineUrl: this.engineUrl,
            authKey: this.authKey,
            developerId: this.developerId,
            scopeId: this.scopeId,
            fetch: this.fetcher,
          })
        : createMooniTransport({ apiBase: this.apiBase, apiKey: this.apiKey, fetch: this.fetcher }));
  }

  private async answer(question: string): Promise<void> {
    const draft = this.message('bot', '', { state: 'streaming', question });
    this.messages = [...this.messages, draft];
    this.stick = true;
    this.announce(this.words.searching);
    void this.history.save();
    const { sessionId, userId, organizationId } = this;
    const outcome = await this.stream.run(this.chat, draft, { sessionId, userId, organizationId });
    void this.history.save();
    if (outcome.terminated) this.ended = true;
    const failure = outcome.failure;
    if (failure) {
      const { text, retryAt, ...detail } = failure;
      if (failure.reason === 'unauthorized') this.warnIntegrator();
      if (retryAt) {
        this.retryAt = retryAt;
        setTimeout(() => this.retryAt === retryAt && (this.retryAt = 0), retryAt - Date.now());
      }
      if (failure.reason === 'offline' && !this.value) this.value = question;
      this.announce(text);
      emit(this, 'mooni-fail', detail);
    } else if (draft.state === 'done') {
      this.announce(spokenText(draft, this));
      emit(this, 'mooni-answer', { message: draft });
    } else if (!this.stream.busy) {
      // Stopped by the user, not replaced by a newer question.
      this.announce(this.words.stopped);
    }
  }

  private warnIntegrator(): void {
    if (this.warned) return;
    this.warned = true;
    console.warn('<mooni-frame>: the chat API refused the key (HTTP 401). Check the api-key (or auth-key) attribute.');
  }

  /** The polite live region says `text` once, even when it equals the last announcement. */
  private async announce(text: string): Promise<void> {
    this.announcement = '';
    await this.updateComplete;
    this.announcement = text;
  }

  private async loadConfig(): Promise<void> {
    this.configAsked = true;
    try {
      const config = await this.chat.config?.(AbortSignal.timeout(10_000));
      if (config?.name) this.tenant = config.name;
    } catch (error) {
      // The header keeps its default title; a bad key is worth one warning.
      if (error instanceof ChatHttpError && error.status === 401) this.warnIntegrator();
    }
  }

  private async showHistory(): Promise<void> {
    this.view = 'history';
    this.sessions = undefined;
    try {
      const items = await fetchRemoteSessions({
        apiBase: this.apiBase,
        apiKey: this.apiKey,
        userId: this.userId ?? '',
        fetch: this.fetcher,
      });
      this.sessions = items.map(summarize).filter((item) => !!item);
    } catch {
      this.sessions = 'failed';
    }
  }

  private openSession(sessionId: string): void {
    this.stream.stop();
    this.messages = [];
    this.sessionId = sessionId;
    this.view = 'chat';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('messages') && !changed.get('messages')?.length) this.unrendered = Math.max(0, this.messages.length - PAGE);
    if (changed.has('strings')) this.words = { ...defaultStrings, ...this.strings };
    const transportKeys = ['transport', 'apiBase', 'apiKey', 'engineUrl', 'authKey', 'developerId', 'scopeId', 'fetcher'] as const;
    if (transportKeys.some((key) => changed.has(key))) {
      this.client = undefined;
      this.configAsked = false;
    }
    if (this.isOpen && !this.configAsked) void this.loadConfig();
  }

  protected override updated(changed: PropertyValues<this>): void {
    const was = changed.get('open');
    if (changed.has('open') && typeof was === 'boolean' && this.mode === 'launcher') {
      if (this.open) this.find('textarea')?.focus();
      else if (this.refocus) this.find('.launcher')?.focus();
      this.refocus = false;
      emit(this, this.open ? 'mooni-open' : 'mooni-close', {});
    }
    const log = this.find('.log');
    if (this.stick && log) log.scrollTop = log.scrollHeight;
  }

  private onKeydown(event: KeyboardEvent): void {
    if (event.key === 'Escape' && this.mode === 'launcher' && this.open) {
      event.stopPropagation();
      this.hide();
    }
  }

  private onSubmit(event: Event): void {
    event.preventDefault();
    const text = this.value;
    if (!text.trim()) return;
    this.value = '';
    this.ask(text);
  }

  private onInputKeydown(event: KeyboardEvent): void {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      this.onSubmit(event);
    }
  }

  private onScroll(): void {
    const log = this.find('.log')!;
    this.stick = log.scrollHeight - log.scrollTop - log.clientHeight < 48;
    if (log.scrollTop < 48 && this.unrendered) void this.showEarlier();
  }

  /** Renders the previous page of messages above, keeping what the user looks at in place. */
  private async showEarlier(): Promise<void> {
    const log = this.find('.log')!;
    const fromBottom = log.scrollHeight - log.scrollTop;
    this.unrendered = Math.max(0, this.unrendered - PAGE);
    await this.updateComplete;
    log.scrollTop = log.scrollHeight - fromBottom;
  }

  override render() {
    const s = this.words;
    const launcher = this.mode === 'launcher';
    const name = this.tenant || s.title;
    const initial = name.charAt(0).toUpperCase();
    return html`
      ${launcher
        ? html`<button part="launcher" class="launcher" aria-expanded=${this.open ? 'true' : 'false'}
            aria-controls="panel" aria-label=${this.open ? s.closeChat : s.openChat} @click=${this.toggle}>
            ${this.open ? closeIcon : chatIcon}
          </button>`
        : nothing}
      <section id="panel" part="panel" class="panel" role=${launcher ? 'dialog' : 'region'} aria-labelledby="title"
        ?hidden=${!this.isOpen} @keydown=${this.onKeydown}>
        <header part="header">
          <span class="avatar" aria-hidden="true">${initial}</span>
          <div class="heading">
            <h2 id="title">${name}</h2>
            <p>${s.subtitle}</p>
          </div>
          ${this.view === 'history'
            ? iconButton(s.back, backIcon, () => (this.view = 'chat'))
            : this.userId
              ? iconButton(s.history, historyIcon, () => this.showHistory())
              : nothing}
          ${iconButton(s.newConversation, newIcon, () => this.reset())}
          ${launcher
            ? iconButton(s.closeChat, closeIcon, () => this.hide())
            : nothing}
        </header>
        ${this.view === 'history'
          ? renderSessions(this.sessions, this.sessionId, s, (id) => this.openSession(id))
          : this.renderChat(initial)}
        <div class="sr" role="status">${this.announcement}</div>
      </section>
    `;
  }

  private renderChat(initial: string) {
    const s = this.words;
    const left = MAX_QUESTION - this.value.length;
    const counted = left <= COUNTER_FROM;
    // The log is not live: chunks would be read out one by one. The status region says each answer once.
    return html`
      <div part="log" class="log" role="log" aria-live="off" aria-label=${s.messages} tabindex="0" @scroll=${this.onScroll}>
        ${this.messages.length
          ? nothing
          : html`<div class="welcome"><span class="avatar" aria-hidden="true">${initial}</span><p>${s.welcome}</p></div>`}
        ${this.unrendered
          ? html`<button class="chip earlier" type="button" @click=${this.showEarlier}>${s.earlier}</button>`
          : nothing}
        ${repeat(
          this.unrendered ? this.messages.slice(this.unrendered) : this.messages,
          (m) => m.id,
          (m) => guard(renderDeps(m, this), () => renderMessage(m, this)),
        )}
        ${this.ended
          ? html`<div class="welcome ended"><p>${s.ended}</p><button class="chip" part="chip" type="button" @click=${this.reset}>${s.startAgain}</button></div>`
          : nothing}
      </div>
      ${this.stream.busy
        ? html`<button class="stop" type="button" @click=${() => this.stream.stop()}>${stopIcon}${s.stop}</button>`
        : nothing}
      <form @submit=${this.onSubmit}>
        <textarea part="input" rows="1" enterkeyhint="send" maxlength=${MAX_QUESTION} aria-label=${s.question}
          placeholder=${this.placeholder || s.placeholder} aria-describedby=${counted ? 'counter' : nothing}
          .value=${this.value} @input=${(e: Event) => (this.value = (e.target as HTMLTextAreaElement).value)}
          @keydown=${this.onInputKeydown}></textarea>
        <button part="send-button" class="send" type="submit" aria-label=${s.send} ?disabled=${!this.value.trim()}>${sendIcon}</button>
      </form>
      ${counted ? html`<p id="counter" class="counter ${left <= 20 ? 'low' : ''}">${fill(s.charsLeft, left)}</p>` : nothing}
    `;
  }
}
