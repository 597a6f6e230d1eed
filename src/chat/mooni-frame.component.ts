import { LitElement, type PropertyValues } from 'lit';
import { property, state } from 'lit/decorators.js';
import styles from './mooni-frame.styles.js';
import { visuallyHidden } from './visually-hidden.styles.js';
import type { ChatMessage, FetchLike, Template } from './model.js';
import type { AuthScheme } from './transports/mind-expression.js';
import type { SocketConstructor } from './transports/realtime.js';
import { elementStrings, type ElementStrings, type MooniStrings } from './strings.js';
import { MAX_QUESTION } from './limits.js';
import { writtenRightToLeft } from './direction.js';
import type { MooniCloseSource, MooniOpenSource } from './events.js';
import { AnnouncerController } from './controllers/announcer-controller.js';
import { ConversationController } from './controllers/conversation-controller.js';
import { loadPanelOnce, PanelLoaderController } from './controllers/panel-loader-controller.js';
import { PanelController } from './controllers/panel-controller.js';
import { RealtimeController, type RealtimeApi } from './controllers/realtime-controller.js';
import { TransportController } from './controllers/transport-controller.js';
import { HostThemeController } from './controllers/host-theme-controller.js';

/** A message from the host page for `say()`. */
export type SayMessage = string | { text?: string; templates?: Template[] };

/**
 * A customer-help chat: a launcher and panel (or an inline panel) that streams answers from the Mooni Chat API
 * or a Mind Expression gateway, renders rich templates safely, and keeps the conversation in IndexedDB.
 *
 * Opening is `show()` because `open` is the property (and attribute) that reflects the panel's state. The
 * panel's content (message views, its stylesheet, the transports, the conversation store) is a module of its
 * own, fetched when the element first renders; `updateComplete` waits for it while the panel shows.
 *
 * @summary A customer-help chat that streams answers from the Mooni Chat API or a Mind Expression gateway.
 *
 * @fires {CustomEvent<MooniOpenDetail>} mooni-open - The panel opened. Detail `{ source }`: `user`, `api` or
 *   `intervention`.
 * @fires {CustomEvent<MooniCloseDetail>} mooni-close - The panel closed. Detail `{ source }`: `user`, `escape`,
 *   `api` or `intervention`.
 * @fires {CustomEvent<MooniResetDetail>} mooni-reset - A new conversation starts; the old one stays in history.
 *   Detail `{ source }`: `user` (the "New conversation" button) or `api` (`reset()`).
 * @fires {CustomEvent<MooniSendDetail>} mooni-send - A question is being sent. Detail `{ text, source }`;
 *   source is `user` (typed), `suggestion` (a chip or button pressed) or `api` (`send()`).
 * @fires {CustomEvent<MooniAnswerDetail>} mooni-answer - An answer finished streaming. Detail `{ message }`.
 * @fires {CustomEvent<MooniQuickReplyDetail>} mooni-quick-reply - A quick reply was pressed. Detail `{ reply }`.
 * @fires {CustomEvent<MooniCardActionDetail>} mooni-card-action - A card's button or link was pressed. Detail
 *   `{ card, button }`.
 * @fires {CustomEvent<MooniRateDetail>} mooni-rate - An answer was rated, or its rating taken back (pressing the
 *   pressed thumb again). Detail `{ messageId, rating }`; `rating` is `undefined` when taken back.
 * @fires {CustomEvent<MooniFailDetail>} mooni-fail - An answer failed. Detail `{ reason, status?, code? }`; reason
 *   is one of `http_400`, `unauthorized`, `rate_limited`, `offline`, `stream_cut`, `server_error`, `http_error`.
 *
 * @csspart launcher - The floating button that opens and closes the panel (launcher mode).
 * @csspart panel - The chat panel: a dialog in launcher mode, a region in inline mode.
 * @csspart header - The panel's header with the tenant name and its buttons.
 * @csspart log - The scrolling list of messages.
 * @csspart message - One message; each also has `user-message`, `bot-message` or `host-message`.
 * @csspart user-message - A question the user asked.
 * @csspart bot-message - An answer.
 * @csspart host-message - A message the host page showed with `say()`.
 * @csspart agent-message - An answer from a person (realtime channel); it is a `bot-message` too.
 * @csspart note - The error or stop note under an answer.
 * @csspart input - The question textbox.
 * @csspart send-button - The Send button.
 * @csspart chip - A related-question or quick-reply chip.
 * @csspart card - A card of a card list.
 * @csspart card-button - A button or link of a card.
 * @csspart image-alt - The alt text shown in place of a picture that did not load or is not allowed.
 * @csspart badge - The launcher's unread count while the panel is closed (realtime channel).
 * @csspart connection - The line that says the realtime channel is reconnecting or offline.
 * @csspart typing - The line that says a person is typing (realtime channel).
 *
 * @cssprop [--mooni-accent=#4f46e5] - Accent: header, launcher, user bubbles, chips, send button, focus ring
 *   (dark theme: #8b8ff9).
 * @cssprop [--mooni-accent-text=#ffffff] - Text on the accent colour (dark theme: #11122a).
 * @cssprop [--mooni-surface=#ffffff] - Panel background (dark theme: #17181d).
 * @cssprop [--mooni-text=#1c1e26] - Main text colour (dark theme: #eceef4).
 * @cssprop [--mooni-radius=16px] - Corner radius of the panel, cards and images.
 * @cssprop [--mooni-font=system-ui, sans-serif] - Font family.
 * @cssprop [--mooni-panel-width=380px] - Panel width in launcher mode.
 * @cssprop [--mooni-panel-height=620px] - Panel height in launcher mode (never taller than the viewport).
 * @cssprop [--mooni-z-index=2147480000] - Stacking order of the launcher and panel.
 * @cssprop [--mooni-offset-x=calc(20px + env(safe-area-inset-*))] - Distance of the launcher and panel from the
 *   screen's side (the larger of the left and right safe-area insets is added), e.g. to clear the page's own button.
 * @cssprop [--mooni-offset-y=calc(20px + env(safe-area-inset-bottom))] - Distance of the launcher from the bottom;
 *   the panel sits 68 px above it.
 */
export default class MooniFrame extends LitElement {
  /** @internal */
  static override styles = [visuallyHidden, styles];

  /** Mooni Chat API key, sent as the `mooni-api-key` header. */
  @property({ attribute: 'api-key' }) apiKey = '';
  /** Mooni Chat base URL, e.g. `https://tap-cs.coxwave.link`; `''` means the page's own origin. */
  @property({ attribute: 'api-base' }) apiBase = '';
  /**
   * Conversation id sent with every question and used as the IndexedDB key of the conversation. When absent,
   * a UUID is generated and kept in localStorage, so a reload continues the same conversation.
   */
  @property({ attribute: 'session-id' }) sessionId = '';
  /**
   * `false` (attribute `persist="false"`): the conversation is not kept — no `sessionId` is sent (001 records a
   * session only with one), nothing is stored in IndexedDB or localStorage, a reload starts afresh.
   */
  @property({ converter: (value) => value !== 'false' }) persist = true;
  /** The host's own user id (never an email or a name); enables the past-conversations view. */
  @property({ attribute: 'user-id' }) userId?: string;
  /**
   * The host server's signature of `user-id` (README: user tokens), sent with the past-conversations request so
   * the server lists them to their owner only.
   */
  @property({ attribute: 'user-token' }) userToken?: string;
  /** Narrows the FAQ search to one organization. */
  @property({ attribute: 'organization-id' }) organizationId?: string;
  /** Whether the panel is open (launcher mode; an inline panel always shows). */
  @property({ type: Boolean, reflect: true }) open = false;
  /** `launcher`: a floating button and panel; `inline`: the panel fills its container. */
  @property({ reflect: true }) mode: 'launcher' | 'inline' = 'launcher';
  /**
   * The screen side of the launcher and its panel: `left` or `right`. Unset, they sit at the inline end: right,
   * or left under `dir="rtl"`.
   */
  @property({ reflect: true }) position?: 'left' | 'right';
  /** Placeholder of the question textbox; defaults to the `placeholder` string. */
  @property() placeholder?: string;
  /**
   * Colour scheme: `light`, `dark`, `auto` (follows `prefers-color-scheme`) or `host` (follows the page's own
   * toggle: dark while `<html>` has `data-theme="dark"` or the class `dark`).
   */
  @property({ reflect: true }) theme: 'light' | 'dark' | 'auto' | 'host' = 'auto';
  /**
   * Which backend answers: `mooni` (Mooni Chat SSE), `mind-expression` (the gateway of 002) or `realtime` (the
   * WebSocket channel at `api-base` + `/realtime`: answers, a person on handoff, messages while closed).
   */
  @property() transport: 'mooni' | 'mind-expression' | 'realtime' = 'mooni';
  /** Mind Expression engine URL (transport `mind-expression`). */
  @property({ attribute: 'engine-url' }) engineUrl = '';
  /** Mind Expression auth key, sent as `Authorization: Bearer …` (transport `mind-expression`). */
  @property({ attribute: 'auth-key' }) authKey = '';
  /**
   * How the auth key is sent: `bearer` (002's header table, `Bearer {Auth Key}`) or `bare` (the key alone, as
   * 002's examples send it).
   */
  @property({ attribute: 'auth-scheme' }) authScheme: AuthScheme = 'bearer';
  /** Mind Expression developer id (transport `mind-expression`). */
  @property({ attribute: 'developer-id' }) developerId = '';
  /** Mind Expression scope id (transport `mind-expression`). */
  @property({ attribute: 'scope-id' }) scopeId = '';
  /** Replacements for any of the UI strings (`defaultStrings` lists them), e.g. for translation. */
  @property({ attribute: false }) strings: Partial<MooniStrings> = {};
  /**
   * Questions the empty conversation offers as chips (the embed passes the questions of
   * `Mooni.config.recommendations`).
   */
  @property({ attribute: false }) suggestions: string[] = [];
  /** A `fetch` implementation for every request, e.g. an in-page mock; defaults to `window.fetch`. */
  @property({ attribute: false }) fetcher?: FetchLike;
  /** A `WebSocket` constructor for the realtime channel, e.g. the static demo's in-page one; defaults to the page's. */
  @property({ attribute: false }) webSocket?: SocketConstructor;
  /**
   * The conversation shown, oldest first (the element keeps it: read it, do not set it).
   * @readonly
   */
  @state() messages: ChatMessage[] = [];

  /** Whether the panel is on screen: open in launcher mode, always in inline mode. */
  get showing(): boolean {
    return this.open || this.mode === 'inline';
  }

  /** @internal The strings table in use: the defaults with the host's `strings` over them. */
  words: ElementStrings = elementStrings;

  #loader = new PanelLoaderController(this);
  #announcer = new AnnouncerController(this);
  #transport = new TransportController(this, () => this.#realtime.transport());
  #realtime = new RealtimeController(
    this,
    () => loadPanelOnce().then((module) => module.loadRealtime()),
    (message) => this.#conversation.receive(message, this.showing),
  );
  #conversation = new ConversationController(this, {
    announcer: this.#announcer,
    loader: this.#loader,
    transport: this.#transport,
  });
  #panel = new PanelController(this, {
    loader: this.#loader,
    conversation: this.#conversation,
    announcer: this.#announcer,
    transport: this.#transport,
    realtime: this.#realtime,
  });

  constructor() {
    super();
    // It registers itself and needs nothing more from the element than its updates (theme="host").
    new HostThemeController(this);
  }

  /** Opens the panel and moves focus to the question textbox (not when an intervention opens it). */
  show(source: Exclude<MooniOpenSource, 'user'> = 'api'): void {
    this.#panel.show(source);
  }

  /** Closes the panel; focus returns to the launcher when it was inside the panel. */
  hide(source: Extract<MooniCloseSource, 'api' | 'intervention'> = 'api'): void {
    this.#panel.hide(source);
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

  /**
   * Asks a question as if the user had typed it (trimmed); opens the panel. A question of more than 500
   * characters is never sent cut: this throws a `RangeError` and sends nothing.
   */
  send(text: string): void {
    const length = text.trim().length;
    if (length > MAX_QUESTION) throw new RangeError(`Question not sent: ${length} characters, ${MAX_QUESTION} at most`);
    this.show();
    this.#conversation.ask(text, 'api');
  }

  /**
   * The realtime channel (`transport="realtime"`), in the spirit of 000's `wsClient`: `on('connect' |
   * 'disconnect' | 'message' | …, callback)` returns an unsubscribe function; `send(frame)`; `state`.
   */
  get realtime(): RealtimeApi {
    return this.#realtime.api;
  }

  /** Asks for a person to take over (realtime transport); the conversation's transcript goes along. */
  handoff(): void {
    this.#realtime.handoff();
  }

  /** Shows a message from the host page, e.g. a proactive greeting or a card list. */
  say(message: SayMessage): void {
    const { text = '', templates = [] } = typeof message === 'string' ? { text: message } : message;
    this.#conversation.say(text, templates);
  }

  /** Stops any answer, ends the conversation and starts a new session; the old one stays in history. */
  reset(): void {
    this.#conversation.reset('api');
    this.#panel.showChat();
  }

  /** @internal */
  override connectedCallback(): void {
    super.connectedCallback();
    // A right-to-left `lang` mirrors the element, unless a `dir` of its own (or data-dir's) says otherwise.
    if (!this.dir && writtenRightToLeft(this.lang)) this.dir = 'rtl';
  }

  /** @internal */
  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('strings')) this.words = { ...elementStrings, ...this.strings };
  }

  /** @internal */
  protected override updated(): void {
    if (this.showing) void this.#conversation.greet();
  }

  /** @internal Also waits for the panel module while the panel shows. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    while (this.showing && this.#loader.pending) {
      await this.#loader.pending;
      done = await super.getUpdateComplete();
    }
    return done;
  }

  /** @internal */
  override render() {
    return this.#panel.render();
  }
}
