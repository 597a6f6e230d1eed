import { LitElement, adoptStyles, html, nothing, type PropertyValues } from 'lit';
import styles from './mooni-frame.styles.js';
import { ChatHttpError, type ChatMessage, type ChatTransport, type FetchLike, type Template } from './model.js';
import { defaultStrings, type MooniStrings } from './strings.js';
import { emit } from './events.js';
import { StreamController } from './controllers/stream-controller.js';
import { HistoryController } from './controllers/history-controller.js';
import { uuid } from './controllers/uuid.js';
import { createMooniTransport } from './transports/mooni.js';
import { loadPanel, type PanelModule } from './load-panel.js';
import { MAX_QUESTION } from './limits.js';
import type { PastSession } from './history/past.js';
import { closeIcon, icon } from './views/icons.js';
import { spokenText } from './views/spoken.js';
import type { PanelHost } from './views/panel.js';

/** A restored conversation shows this many latest messages; earlier ones come in pages of this size. */
const PAGE = 40;

/** A message from the host page for `say()`. */
export type SayMessage = string | { text?: string; templates?: Template[] };

type Transport = ChatTransport & { reset?(): void };

/** The panel module once loaded, shared by every element of the page. */
let panel: PanelModule | undefined;
let loading: Promise<PanelModule> | undefined;
/** Loads the panel module once; a failed load is tried again next time. */
const load = () =>
  (loading ??= loadPanel().then(
    (module) => (panel = module),
    (error) => {
      loading = undefined;
      throw error;
    },
  ));

/**
 * @summary A customer-help chat: a launcher and panel (or an inline panel) that streams answers from the
 * Mooni Chat API or a Mind Expression gateway, renders rich templates safely, and keeps the conversation in
 * IndexedDB.
 *
 * Methods: `show()`, `hide()` (also `close()`), `toggle()`, `send(text)`, `say(message)`, `reset()`. Opening is
 * `show()` because `open` is the property (and attribute) that reflects the panel's state.
 *
 * The panel's content (message views, its stylesheet, the Mind Expression transport) is a module of its own,
 * fetched when the page is idle or when the panel first opens; `updateComplete` waits for it while the panel
 * is open.
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
export default class MooniFrame extends LitElement implements PanelHost {
  static override styles = styles;

  static override properties = {
    apiKey: { attribute: 'api-key' },
    apiBase: { attribute: 'api-base' },
    sessionId: { attribute: 'session-id' },
    userId: { attribute: 'user-id' },
    organizationId: { attribute: 'organization-id' },
    open: { type: Boolean, reflect: true },
    mode: { reflect: true },
    placeholder: {},
    theme: { reflect: true },
    transport: {},
    engineUrl: { attribute: 'engine-url' },
    authKey: { attribute: 'auth-key' },
    developerId: { attribute: 'developer-id' },
    scopeId: { attribute: 'scope-id' },
    strings: { attribute: false },
    fetcher: { attribute: false },
    messages: { state: true, attribute: false },
    // Internal state. `attribute: false` and `@private` keep it out of the manifest's attributes and API.
    /** @private */ copiedId: { state: true, attribute: false },
    /** @private */ retryAt: { state: true, attribute: false },
    /** @private */ view: { state: true, attribute: false },
    /** @private */ tenant: { state: true, attribute: false },
    /** @private */ sessions: { state: true, attribute: false },
    /** @private */ said: { state: true, attribute: false },
    /** @private */ value: { state: true, attribute: false },
    /** @private */ ended: { state: true, attribute: false },
    /** @private */ unrendered: { state: true, attribute: false },
    /** @private */ panelFailed: { state: true, attribute: false },
  };

  /** Mooni Chat API key, sent as the `mooni-api-key` header. */
  apiKey = '';

  /** Mooni Chat base URL, e.g. `https://tap-cs.coxwave.link`; `''` means the page's own origin. */
  apiBase = '';

  /**
   * Conversation id sent with every question and used as the IndexedDB key of the conversation. When absent,
   * a UUID is generated and kept in localStorage, so a reload continues the same conversation.
   */
  sessionId = '';

  /** The host's own user id (never an email or a name); enables the past-conversations view. */
  userId?: string;

  /** Narrows the FAQ search to one organization. */
  organizationId?: string;

  /** Whether the panel is open (launcher mode; an inline panel is always open). */
  open = false;

  /** `launcher`: a floating button and panel; `inline`: the panel fills its container. */
  mode: 'launcher' | 'inline' = 'launcher';

  /** Placeholder of the question textbox; defaults to the `placeholder` string. */
  placeholder?: string;

  /** Colour scheme: `light`, `dark`, or `auto` (follows `prefers-color-scheme`). */
  theme: 'light' | 'dark' | 'auto' = 'auto';

  /** Which backend answers: `mooni` (Mooni Chat SSE) or `mind-expression` (the gateway of 002). */
  transport: 'mooni' | 'mind-expression' = 'mooni';

  /** Mind Expression engine URL (transport `mind-expression`). */
  engineUrl = '';

  /** Mind Expression auth key, sent as `Authorization: Bearer …` (transport `mind-expression`). */
  authKey = '';

  /** Mind Expression developer id (transport `mind-expression`). */
  developerId = '';

  /** Mind Expression scope id (transport `mind-expression`). */
  scopeId = '';

  /** Replacements for any of the UI strings (see `defaultStrings` in strings.ts), e.g. for translation. */
  strings: Partial<MooniStrings> = {};

  /** A `fetch` implementation for every request, e.g. an in-page mock; defaults to `window.fetch`. */
  fetcher?: FetchLike;

  /** The conversation shown, oldest first. */
  messages: ChatMessage[] = [];
  /** @internal */
  copiedId?: string;
  /** @internal */
  retryAt = 0;
  /** @internal The strings table in use: the defaults with the host's `strings` over them. */
  words: MooniStrings = defaultStrings;
  /** @internal */
  view: 'chat' | 'history' = 'chat';
  /** @internal */
  protected tenant = '';
  /** @internal Past sessions: undefined while loading. */
  sessions?: PastSession[] | 'failed';
  /** @internal What the polite live region says. */
  said = '';
  /** @internal The question being typed. */
  value = '';
  /** @internal The server ended the conversation. */
  ended = false;
  /** @internal How many of the oldest messages are not rendered (a long conversation restores its end first). */
  unrendered = 0;
  /** @internal The panel module could not be loaded (offline, or missing beside the script). */
  protected panelFailed = false;

  #stream = new StreamController(this);
  #history = new HistoryController(this);
  #client?: Transport;
  #configAsked = false;
  #warned = false;
  #stick = true;
  /** Focus was inside the panel when it closed: it goes back to the launcher. */
  #refocus = false;
  /** The panel opened: the textbox takes focus once it is there (the panel module may still be loading). */
  #focusPending = false;
  #styled = false;
  /** The panel module's load this element waits for. */
  #loaded?: Promise<void>;

  get #wantsPanel(): boolean {
    return this.open || this.mode === 'inline';
  }

  #load(): Promise<void> {
    return (this.#loaded ??= load()
      .then(
        () => {},
        () => void (this.panelFailed = true),
      )
      .finally(() => {
        this.#loaded = undefined;
        this.requestUpdate();
      }));
  }

  #find(selector: string) {
    return this.renderRoot.querySelector<HTMLElement>(selector);
  }

  /** Opens the panel and moves focus to the question textbox. */
  show(): void {
    this.open = true;
    this.panelFailed = false;
  }

  /** Closes the panel; focus returns to the launcher when it was inside the panel. */
  hide(): void {
    this.#refocus = !!this.shadowRoot?.activeElement;
    this.open = false;
  }

  /** Same as `hide()`. */
  close(): void {
    this.hide();
  }

  /** Opens the panel when closed, closes it when open. */
  toggle(): void {
    this.open ? this.hide() : this.show();
  }

  /** Asks a question as if the user had typed it (trimmed, at most 500 characters); opens the panel. */
  send(text: string): void {
    this.show();
    this.ask(text);
  }

  /** Shows a message from the host page, e.g. a proactive greeting or a card list. */
  say(message: SayMessage): void {
    const { text = '', templates = [] } = typeof message === 'string' ? { text: message } : message;
    const said = this.#message('host', text, { templates });
    this.messages = [...this.messages, said];
    this.#announce(spokenText(said, this.words));
    this.#history.save();
  }

  /** Stops any answer, ends the conversation and starts a new session; the old one stays in history. */
  reset(): void {
    this.#stream.stop();
    this.#client?.reset?.();
    this.#history.renew();
    this.ended = false;
    this.view = 'chat';
    this.value = '';
    this.retryAt = 0;
  }

  /** @internal Asks `text` (what views call). */
  ask(text: string): void {
    const question = text.trim().slice(0, MAX_QUESTION);
    if (!question) return;
    if (this.ended) {
      this.#client?.reset?.();
      this.ended = false;
    }
    emit(this, 'mooni-send', { text: question });
    this.messages = [...this.messages, this.#message('user', question)];
    this.#answer(question);
  }

  /** @internal */
  copy(id: string, text: string): void {
    navigator.clipboard?.writeText(text).then(
      () => {
        this.copiedId = id;
        setTimeout(() => this.copiedId === id && (this.copiedId = undefined), 1500);
      },
      () => {},
    );
  }

  /** @internal */
  rate(message: ChatMessage, rating: 'helpful' | 'not_helpful'): void {
    message.rating = rating;
    this.requestUpdate();
    this.#history.save();
    emit(this, 'mooni-rate', { messageId: message.id, rating });
  }

  /** @internal */
  retry(message: ChatMessage): void {
    const question = message.question!;
    if (this.value.trim() === question) this.value = '';
    this.messages = this.messages.filter((m) => m !== message);
    this.#answer(question);
  }

  #message(role: ChatMessage['role'], text: string, extra?: Partial<ChatMessage>): ChatMessage {
    return { id: uuid(), role, text, templates: [], faqs: [], state: 'done', createdAt: Date.now(), ...extra };
  }

  #chat(): Transport {
    return (this.#client ??=
      this.transport === 'mind-expression'
        ? this.#gateway()
        : createMooniTransport({ apiBase: this.apiBase, apiKey: this.apiKey, fetch: this.fetcher }));
  }

  /** The Mind Expression transport, made on first use from the panel module; a failed load fails the answer like a failed request. */
  #gateway(): Transport {
    const options = {
      engineUrl: this.engineUrl,
      authKey: this.authKey,
      developerId: this.developerId,
      scopeId: this.scopeId,
      fetch: this.fetcher,
    };
    let made: Transport | undefined;
    return {
      async *send(query, context) {
        yield* (made ??= (await load()).createMindExpressionTransport(options)).send(query, context);
      },
      reset: () => made?.reset?.(),
    };
  }

  async #answer(question: string): Promise<void> {
    const s = this.words;
    const draft = this.#message('bot', '', { state: 'streaming', question });
    this.messages = [...this.messages, draft];
    this.#stick = true;
    this.#announce(s.searching);
    this.#history.save();
    const { sessionId, userId, organizationId } = this;
    const { failure, terminated } = await this.#stream.run(this.#chat(), draft, { sessionId, userId, organizationId });
    this.#history.save();
    if (terminated) this.ended = true;
    if (failure) {
      const { text, retryAt, ...detail } = failure;
      if (detail.reason === 'unauthorized') this.#warn();
      if (retryAt) {
        this.retryAt = retryAt;
        setTimeout(() => this.retryAt === retryAt && (this.retryAt = 0), retryAt - Date.now());
      }
      if (detail.reason === 'offline') this.value ||= question;
      this.#announce(text);
      emit(this, 'mooni-fail', detail);
    } else if (draft.state === 'done') {
      this.#announce(spokenText(draft, s));
      emit(this, 'mooni-answer', { message: draft });
    } else if (!this.#stream.busy) {
      // Stopped by the user, not replaced by a newer question.
      this.#announce(s.stopped);
    }
  }

  #warn(): void {
    if (!this.#warned) console.warn('<mooni-frame>: HTTP 401, check the api-key (or auth-key) attribute.');
    this.#warned = true;
  }

  /** The polite live region says `text` once, even when it equals the last announcement. */
  async #announce(text: string): Promise<void> {
    this.said = '';
    await this.updateComplete;
    this.said = text;
  }

  /** @internal */
  async showHistory(): Promise<void> {
    this.view = 'history';
    this.sessions = undefined;
    const { apiBase, apiKey, userId = '', fetcher: fetch } = this;
    this.sessions = await load()
      .then((module) => module.fetchPastSessions({ apiBase, apiKey, userId, fetch }))
      .catch(() => 'failed' as const);
  }

  /** @internal Opens a past session. */
  pickSession(id: string): void {
    this.#stream.stop();
    this.messages = [];
    this.sessionId = id;
    this.view = 'chat';
  }

  /** @internal The header's name. */
  get tenantName(): string {
    return this.tenant || this.words.title;
  }

  /** @internal */
  get busy(): boolean {
    return this.#stream.busy;
  }

  /** @internal Stops the answer in flight. */
  stopAnswer(): void {
    this.#stream.stop();
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('messages') && !changed.get('messages')?.length)
      this.unrendered = Math.max(0, this.messages.length - PAGE);
    if (changed.has('strings')) this.words = { ...defaultStrings, ...this.strings };
    if (
      (['transport', 'apiBase', 'apiKey', 'engineUrl', 'authKey', 'developerId', 'scopeId', 'fetcher'] as const).some(
        (key) => changed.has(key),
      )
    ) {
      this.#client = undefined;
      this.#configAsked = false;
    }
    if (this.#wantsPanel && !panel && !this.panelFailed) this.#load();
    if (this.#wantsPanel && !this.#configAsked) {
      this.#configAsked = true;
      this.#chat()
        .config?.(AbortSignal.timeout(10_000))
        .then(
          (config) => config?.name && (this.tenant = config.name),
          // The header keeps its default title; a bad key is worth one warning.
          (error) => error instanceof ChatHttpError && error.status === 401 && this.#warn(),
        );
    }
  }

  protected override firstUpdated(): void {
    // Fetched while the page is idle, so the panel opens at once.
    (window.requestIdleCallback ?? setTimeout)(() => this.#load());
  }

  protected override update(changed: PropertyValues<this>): void {
    if (panel && !this.#styled) {
      this.#styled = true;
      adoptStyles(this.renderRoot as ShadowRoot, [styles, panel.styles]);
    }
    super.update(changed);
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (typeof changed.get('open') === 'boolean' && this.mode === 'launcher') {
      this.#focusPending = this.open;
      if (!this.open && this.#refocus) this.#find('.launcher')?.focus();
      this.#refocus = false;
      emit(this, this.open ? 'mooni-open' : 'mooni-close', {});
    }
    const textbox = this.#focusPending && this.#find('textarea');
    if (textbox) {
      textbox.focus();
      this.#focusPending = false;
    }
    const log = this.#find('.log');
    if (this.#stick && log) log.scrollTop = log.scrollHeight;
  }

  /** Also waits for the panel module while the panel is open. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    while (this.#wantsPanel && this.#loaded) {
      await this.#loaded;
      done = await super.getUpdateComplete();
    }
    return done;
  }

  /** @internal */
  submit(event: Event): void {
    event.preventDefault();
    const text = this.value;
    this.value = '';
    this.ask(text);
  }

  /** @internal */
  scrolled(): void {
    const log = this.#find('.log')!;
    this.#stick = log.scrollHeight - log.scrollTop - log.clientHeight < 48;
    if (log.scrollTop < 48 && this.unrendered) this.earlier();
  }

  /** @internal Renders the previous page of messages above, keeping what the user looks at in place. */
  async earlier(): Promise<void> {
    const log = this.#find('.log')!;
    const fromBottom = log.scrollHeight - log.scrollTop;
    this.unrendered = Math.max(0, this.unrendered - PAGE);
    await this.updateComplete;
    log.scrollTop = log.scrollHeight - fromBottom;
  }

  override render() {
    const s = this.words;
    const launcher = this.mode === 'launcher';
    const launcherButton = launcher
      ? html`<button part="launcher" class="launcher" aria-expanded=${this.open} aria-controls=${panel || this.panelFailed ? 'panel' : nothing} aria-label=${this.open ? s.closeChat : s.openChat} @click=${this.toggle}>${icon(this.open ? closeIcon : 'M4 5.5A2.5 2.5 0 0 1 6.5 3h11A2.5 2.5 0 0 1 20 5.5v8a2.5 2.5 0 0 1-2.5 2.5H10l-5 4v-4.2A2.5 2.5 0 0 1 4 13.5z')}</button>`
      : nothing;
    // The panel comes with its module; until then only the launcher, and if the module could not be loaded, a
    // panel that says so. One outer template whatever the panel's state, so the launcher (maybe focused) is
    // never re-created.
    return html`${launcherButton}${
      panel
        ? panel.renderPanel(this)
        : this.panelFailed && this.#wantsPanel
          ? html`<section id="panel" part="panel" class="panel failed" role=${launcher ? 'dialog' : 'region'} aria-label=${this.tenantName} @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && launcher && this.hide()}><p>${s.unavailable}</p><button class="retry" @click=${this.show}>${s.retry}</button></section>`
          : nothing
    }`;
  }
}
