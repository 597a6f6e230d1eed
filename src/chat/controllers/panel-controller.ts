import { html, nothing, type ReactiveController, type ReactiveElement } from 'lit';
import type { FetchLike } from '../model.js';
import type { PanelActions, PanelState } from '../panel-contract.js';
import type { PastSession } from '../history/past.js';
import type { ElementStrings } from '../strings.js';
import { emit, type MooniCloseSource, type MooniOpenSource } from '../events.js';
import { renderFailedPanel, renderLauncher } from '../views/frame.js';
import type { AnnouncerController } from './announcer-controller.js';
import type { ConversationController } from './conversation-controller.js';
import { loadPanelOnce, type PanelLoaderController } from './panel-loader-controller.js';
import type { RealtimeController } from './realtime-controller.js';
import type { TransportController } from './transport-controller.js';

/** What the controller needs from its element. */
export interface PanelControllerHost extends ReactiveElement {
  open: boolean;
  readonly mode: 'launcher' | 'inline';
  readonly showing: boolean;
  readonly words: ElementStrings;
  readonly userId?: string;
  readonly userToken?: string;
  readonly sessionId: string;
  readonly placeholder?: string;
  readonly messages: PanelState['messages'];
  readonly suggestions: PanelState['suggestions'];
  readonly apiBase: string;
  readonly apiKey: string;
  readonly fetcher?: FetchLike;
}

/** The controllers the panel reads and acts through. */
export interface PanelParts {
  loader: PanelLoaderController;
  conversation: ConversationController;
  announcer: AnnouncerController;
  transport: TransportController;
  realtime: RealtimeController;
}

/**
 * What the element shows: the launcher, and the panel once its module is there (or a panel that says the load
 * failed). It opens and closes the panel, reporting each change of `open` once, after the update that shows it,
 * as `mooni-open` or `mooni-close` with who made it (`api` when a page set the property itself); opening moves
 * focus to the question textbox, except for an intervention, which never moves focus, and closing with focus
 * inside gives it back to the launcher. It keeps which view the panel shows (the chat or the past sessions), and
 * makes the one `PanelState` snapshot the panel module renders from and the `PanelActions` it calls back: none of
 * that is the element's API.
 */
export class PanelController implements ReactiveController {
  #openSource: MooniOpenSource = 'api';
  #closeSource: MooniCloseSource = 'api';
  /** `open` as the last update showed it; undefined before the first. */
  #shownOpen?: boolean;
  /** Focus was inside the panel when it closed: it goes back to the launcher. */
  #refocus = false;
  /** The textbox takes focus once it is there (the panel module may still be loading). */
  #focusPending = false;
  /** Which view the panel shows (the panel module's snapshot reads it, with `sessions`). */
  view: PanelState['view'] = 'chat';
  /** The past sessions of the history view: undefined while they load. */
  sessions?: PastSession[] | 'failed';
  readonly #actions: PanelActions;

  /** The element and its controllers are what the panel module reads its snapshot from (`PanelSources`). */
  constructor(
    readonly host: PanelControllerHost,
    readonly parts: PanelParts,
  ) {
    host.addController(this);
    const { conversation, loader } = parts;
    this.#actions = {
      close: () => this.hide('user'),
      escape: () => this.hide('escape'),
      newConversation: () => {
        conversation.reset('user');
        this.showChat();
      },
      showChat: () => this.showChat(),
      showHistory: () => void this.#showHistory(),
      pickSession: (id) => {
        conversation.open(id);
        this.showChat();
      },
      stopAnswer: () => {
        conversation.stream.stop();
        // The Stop button leaves with the answer; without this, keyboard focus would fall to <body>.
        this.#focusPending = true;
        host.requestUpdate();
      },
      edit: (text) => conversation.edit(text),
      submit: () => conversation.submit(),
      ask: (text) => conversation.ask(text, 'suggestion'),
      quickReply: (reply) => {
        emit(host, 'mooni-quick-reply', { reply });
        if (reply.type === 'message') conversation.ask(reply.message ?? reply.label, 'suggestion');
      },
      cardAction: (card, button) => {
        emit(host, 'mooni-card-action', { card, button });
        if (button.type === 'message') conversation.ask(button.message ?? button.label, 'suggestion');
      },
      copied: (id) => conversation.copied(id),
      rate: (message, rating) => conversation.rate(message, rating),
      retry: (message) => conversation.retry(message),
      scrolled: () => loader.scroll?.scrolled(),
      earlier: () => void loader.scroll?.earlier(),
      renderMore: () => setTimeout(() => host.requestUpdate()),
    };
  }

  /** Opens the panel; a panel module that failed to load is tried again. */
  show(source: MooniOpenSource): void {
    this.#openSource = source;
    this.host.open = true;
    this.parts.loader.retry();
  }

  /** Closes the panel; focus goes back to the launcher when it was inside the panel. */
  hide(source: MooniCloseSource): void {
    this.#refocus = Boolean(this.host.shadowRoot?.activeElement);
    this.#closeSource = source;
    this.host.open = false;
  }

  /** Back to the conversation (from the past sessions). */
  showChat(): void {
    this.view = 'chat';
    this.host.requestUpdate();
  }

  hostUpdated(): void {
    const { host } = this;
    const changed = this.#shownOpen !== undefined && this.#shownOpen !== host.open;
    this.#shownOpen = host.open;
    if (changed && host.mode === 'launcher') {
      this.#focusPending = host.open && this.#openSource !== 'intervention';
      if (!host.open && this.#refocus) host.renderRoot.querySelector<HTMLElement>('.launcher')?.focus();
      this.#refocus = false;
      if (host.open) emit(host, 'mooni-open', { source: this.#openSource });
      else emit(host, 'mooni-close', { source: this.#closeSource });
      this.#openSource = this.#closeSource = 'api';
    }
    const textbox = this.#focusPending && host.renderRoot.querySelector('textarea');
    if (textbox) {
      textbox.focus();
      this.#focusPending = false;
    }
  }

  /** The launcher (launcher mode) and the panel. */
  render() {
    const { host, parts } = this;
    const { words, open } = host;
    const panel = parts.loader.module;
    const onLauncher = () => (open ? this.hide('user') : this.show('user'));
    const hasPanel = Boolean(panel) || parts.loader.failed;
    const launcher =
      host.mode === 'launcher' ? renderLauncher(words, open, hasPanel, onLauncher, parts.realtime.unread) : nothing;
    const failedPanel = () =>
      renderFailedPanel(words, {
        launcher: host.mode === 'launcher',
        name: parts.transport.tenant || words.title,
        onEscape: () => this.hide('escape'),
        onRetry: () => this.show('api'),
      });
    // The panel comes with its module; until then only the launcher (or a panel saying the load failed). One
    // outer template whatever the panel's state, so the launcher (maybe focused) is never re-created.
    return html`${launcher}${
      panel
        ? panel.renderPanel(panel.snapshotOf(this), this.#actions)
        : parts.loader.failed && host.showing
          ? failedPanel()
          : nothing
    }`;
  }

  async #showHistory(): Promise<void> {
    this.view = 'history';
    this.sessions = undefined;
    this.host.requestUpdate();
    const { apiBase, apiKey, userId = '', userToken, fetcher: fetch } = this.host;
    this.sessions = await loadPanelOnce()
      .then((module) => module.fetchPastSessions({ apiBase, apiKey, userId, userToken, fetch }))
      .catch(() => 'failed' as const);
    this.host.requestUpdate();
  }
}
