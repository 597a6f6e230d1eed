import type { Card, CardButton, ChatMessage, QuickReply } from './model.js';
import type { PastSession } from './history/past.js';
import type { ElementStrings, MooniStrings } from './strings.js';
import type { RealtimeState } from './transports/realtime.js';

/**
 * What the panel module (loaded on demand) renders from: one read-only snapshot, made on each render of
 * `<mooni-frame>` from its `PanelSources`. The panel keeps no state of its own; everything it changes goes through
 * `PanelActions`.
 */
export interface PanelState {
  readonly mode: 'launcher' | 'inline';
  /** The panel is on screen (open in launcher mode, always in inline mode). */
  readonly showing: boolean;
  /** The strings table in use: the defaults with the host's `strings` over them. */
  readonly words: ElementStrings;
  /** The element's language (its `lang`, else the nearest ancestor's), for dates; `''` when none is set. */
  readonly lang: string;
  /** The header's name: the tenant's from /config, else the `title` string. */
  readonly tenantName: string;
  readonly userId?: string;
  readonly sessionId: string;
  readonly placeholder?: string;
  readonly messages: readonly ChatMessage[];
  /** Questions the welcome state offers as chips. */
  readonly suggestions: readonly string[];
  /** How many of the oldest messages are not rendered (a long conversation restores its end first). */
  readonly unrendered: number;
  readonly view: 'chat' | 'history';
  /** Past sessions of the history view: undefined while loading. */
  readonly sessions?: readonly PastSession[] | 'failed';
  /** The server ended the conversation. */
  readonly ended: boolean;
  /** What the polite live region says. */
  readonly said: string;
  /** An answer is streaming. */
  readonly busy: boolean;
  /** The question being typed. */
  readonly draft: string;
  /** Id of the message or code block whose text was just copied. */
  readonly copiedId?: string;
  /** Epoch ms before which Retry stays disabled (429). */
  readonly retryAt: number;
  /** The realtime channel's connection (`idle` for the other transports). */
  readonly connection: RealtimeState;
  /** The agent typing now, by name. */
  readonly typing?: string;
  /** Who answers, in words, for the header (the usual subtitle while the bot does). */
  readonly answering: string;
}

/**
 * What the snapshot is made from: the element's PanelController (panel-controller.ts) with the controllers it holds,
 * read as they are, never changed. The panel module maps them to `PanelState` (views/snapshot.ts), so that mapping
 * is not in the bundle a closed launcher loads. None of it is the element's API.
 */
export interface PanelSources {
  readonly host: Pick<
    PanelState,
    'mode' | 'showing' | 'words' | 'userId' | 'sessionId' | 'placeholder' | 'messages' | 'suggestions'
  > &
    Pick<Element, 'closest'>;
  readonly parts: {
    readonly conversation: Pick<PanelState, 'draft' | 'ended' | 'copiedId' | 'retryAt'> & {
      readonly stream: { readonly busy: boolean };
    };
    readonly announcer: { readonly said: string };
    /** The log's scrolling, which the panel module brought. */
    readonly loader: { readonly scroll?: Pick<PanelState, 'unrendered'> };
    /** The tenant's name from /config; `''` until known. */
    readonly transport: { readonly tenant: string };
    readonly realtime: Pick<PanelState, 'typing'> & {
      readonly state: RealtimeState;
      /** The named agent answering; undefined while the bot answers. */
      readonly agent?: string;
      /** A person was asked for and has not joined yet. */
      readonly waiting: boolean;
    };
  };
  readonly view: PanelState['view'];
  readonly sessions?: PanelState['sessions'];
}

/** The snapshot as the panel's views read it: every word there, the panel's defaults under the element's. */
export type PanelView = Omit<PanelState, 'words'> & { readonly words: MooniStrings };

/** What the panel asks of `<mooni-frame>`. The element owns every effect and every event. */
export interface PanelActions {
  /** The close button: closes the panel as the user. */
  close(): void;
  /** Escape inside the panel. */
  escape(): void;
  newConversation(): void;
  showChat(): void;
  showHistory(): void;
  pickSession(id: string): void;
  stopAnswer(): void;
  /** The textbox changed. */
  edit(text: string): void;
  /** Sends what the textbox holds. */
  submit(): void;
  /** Asks a suggested question (a related-FAQ chip). */
  ask(text: string): void;
  quickReply(reply: QuickReply): void;
  cardAction(card: Card, button: CardButton): void;
  /** The panel put the text of message or code block `id` on the clipboard. */
  copied(id: string): void;
  /** `undefined` takes the message's rating back. */
  rate(message: ChatMessage, rating: ChatMessage['rating']): void;
  retry(message: ChatMessage): void;
  /** The log scrolled: the element keeps it pinned to the end, or pages in earlier messages. */
  scrolled(): void;
  /** Renders the previous page of messages. */
  earlier(): void;
  /** A long answer was shown in part (each render is kept short): render again, in a later task, for more. */
  renderMore(): void;
}

/** The part of the snapshot and actions that one message's view uses. */
export type MessageState = Pick<PanelView, 'words' | 'copiedId' | 'retryAt'>;
export type MessageActions = Pick<
  PanelActions,
  'ask' | 'quickReply' | 'cardAction' | 'copied' | 'rate' | 'retry' | 'renderMore'
>;
