import type { MoodLabel, SuggestedAction } from '../mood/types.js';
import type { Template } from '../chat/model.js';
import type { ActionTable, InterventionKind, SkipReason } from './interventions.js';
import type { Tracker } from '../tracker/types.js';

/** Every hook payload carries when it happened and the tracker's session id (null without a tracker). */
export interface HookBase {
  /** ISO 8601. */
  timestamp: string;
  sessionId: string | null;
}

export interface MoodChangedPayload extends HookBase {
  mood: MoodLabel;
  previousMood: MoodLabel | null;
  /** 0–1. */
  confidence: number;
  signals: string[];
  suggestedAction: SuggestedAction;
  eventCount: number;
}

export interface ActionSuggestedPayload extends HookBase {
  action: SuggestedAction;
  mood: MoodLabel;
  confidence: number;
  signals: string[];
  /** What the embed is about to do; null when a rule holds it back (see `skipped`). */
  intervention: InterventionKind | null;
  skipped?: SkipReason;
}

export interface ActionFeedbackPayload extends HookBase {
  action: SuggestedAction;
  intervention: InterventionKind;
  /** Absent when the user neither engaged nor dismissed within the feedback window. */
  wasHelpful?: boolean;
  notes: string;
}

export interface ConversationStartedPayload extends HookBase {
  /** The chat's conversation id (`sessionId` of `/chat`). */
  conversationId: string;
  /** `intervention` when the first message answers an intervention still waiting for its outcome. */
  trigger: 'user' | 'intervention';
}

export interface MessageSentPayload extends HookBase {
  text: string;
}

export interface ConversationCompletedPayload extends HookBase {
  /** The chat's conversation id: what a server reports to `POST /chat/sessions/:id/end`. */
  conversationId: string;
  /** `closed`: the user closed the panel; `reset`: the conversation was cleared. */
  reason: 'closed' | 'reset';
  /** Messages the user sent in this conversation. */
  messages: number;
  durationMs: number;
}

/**
 * `Mooni.on(type, cb)` hook types and their payloads; mirrored on `window` as `mooni:<type>` CustomEvents. The
 * names are 000's (and the webhooks'); `HOOK_ALIASES` lists the earlier names, which fire too.
 */
export interface MooniHookMap {
  'session.mood_changed': MoodChangedPayload;
  /** Cancelable: `preventDefault()` on the DOM event (or the callback's second argument) vetoes the intervention. */
  'action.suggested': ActionSuggestedPayload;
  'action.feedback': ActionFeedbackPayload;
  'conversation.started': ConversationStartedPayload;
  'conversation.message_sent': MessageSentPayload;
  'conversation.completed': ConversationCompletedPayload;
  /** @deprecated Alias of `session.mood_changed`. */
  'mood.changed': MoodChangedPayload;
  /** @deprecated Alias of `conversation.message_sent`. */
  'message.sent': MessageSentPayload;
}

/** Earlier hook names, each dispatched alongside the 000 name it stands for (same payload, same moment). */
export const HOOK_ALIASES = {
  'session.mood_changed': 'mood.changed',
  'conversation.message_sent': 'message.sent',
} as const satisfies Partial<Record<keyof MooniHookMap, keyof MooniHookMap>>;

export type MooniHookType = keyof MooniHookMap;

export type MooniHookCallback<K extends MooniHookType> = (
  payload: MooniHookMap[K],
  event: CustomEvent<MooniHookMap[K]>,
) => void;

export type SayMessage = string | { text?: string; templates?: Template[] };

/** A help topic offered as a card for `show_recommendations`; its button asks `question` in the chat. */
export interface HelpTopic {
  title: string;
  subtitle?: string;
  question: string;
}

/** The embed's own words (the element's UI strings go in `MooniOptions.strings`). */
export interface EmbedTexts {
  proactive: string;
  nudge: string;
  nudgeOpen: string;
  dismiss: string;
  recommendations: string;
  exitTitle: string;
  exitSubtitle: string;
  exitButton: string;
  exitQuestion: string;
}

/** Options a page may set in `window.Mooni.config` before the bundle loads. */
export interface MooniOptions {
  /** Cards for `show_recommendations`. */
  recommendations?: HelpTopic[];
  /** A question the nudge offers to ask; else `<meta name="mooni:question" content="…">`; else none. */
  question?: string;
  texts?: Partial<EmbedTexts>;
  /** Handed to the element's `strings` property (its UI strings, for i18n). */
  strings?: Record<string, string>;
  /** Seconds between interventions; overrides `data-cooldown` and may be changed at run time. */
  cooldown?: number;
  /**
   * What each suggested action does (`open_chat`, `nudge`, `recommendations`, `exit_offer` or `none`); the
   * defaults open the chat only for `show_live_chat`.
   */
  actions?: Partial<ActionTable>;
  /** Where the exit offer's button goes (http or https); without it, the button opens the chat ready to type. */
  exitOfferUrl?: string;
  /** Most interventions that appear by themselves in one session; overrides `data-cap`. */
  cap?: number;
  /** Logs every detector and intervention decision under `[mooni]`, like `data-debug`. */
  debug?: boolean;
}

/**
 * What `Mooni.boot()` starts with instead of the script tag's attributes: the same options, named as in `dataset`
 * (camelCase without `data-`), e.g. `{ userId: 'u-42', theme: 'host' }`.
 */
export type BootOptions = Record<string, string | undefined>;

/** A call queued before the bundle loaded: `[method, ...args]`. */
export type QueuedCall = [string, ...unknown[]];

/** `window.Mooni` once `mooni.iife.js` has run. */
export interface MooniApi {
  readonly version: string;
  /** The behaviour tracker, or null when `data-tracker="off"` or no mood key was given. */
  tracker: Tracker | null;
  config: MooniOptions;
  /** The `<mooni-frame>` the embed drives (inserted by it, or the page's own). */
  frame: HTMLElement;
  open(): void;
  close(): void;
  toggle(): void;
  /** Throws a `RangeError`, sending nothing, for a question over 500 characters (never sent cut). */
  send(text: string): void;
  say(message: SayMessage): void;
  reset(): void;
  /** Asks for a person to take over (`data-transport="realtime"`); the transcript goes along. */
  handoff(): void;
  /**
   * The realtime channel (`data-transport="realtime"`), like 000's `wsClient`: `on('connect' | 'disconnect' |
   * 'message' | 'typing' | 'handoff' | 'error' | …, callback)` returns an unsubscribe function, `send(frame)`,
   * `state`.
   */
  realtime: import('../chat/controllers/realtime-controller.js').RealtimeApi;
  /** Performs the intervention for `action` now, outside the rules (a host decision); feedback still follows. */
  intervene(action: SuggestedAction): void;
  /** Returns a function that unsubscribes. */
  on<K extends MooniHookType>(type: K, callback: MooniHookCallback<K>): () => void;
  off<K extends MooniHookType>(type: K, callback: MooniHookCallback<K>): void;
  /** After load, pushing a call runs it at once, so late snippets keep working. */
  q: { push(...calls: QueuedCall[]): void };
  /**
   * Undoes everything the embed did: removes the nodes it added (its launcher and panel, a bubble), its listeners
   * and timers, delivers what the tracker saw and stops it, and clears what Mooni keeps in this browser
   * (`mooni_session_id` in localStorage; `mooni_embed`, `mooni_open`, `mooni_stay`, `mooni_unsent_*` and
   * `sm_session_id` in sessionStorage; the `mooni-chat` and `mooni-tracker` IndexedDB databases are emptied).
   * Afterwards only `boot()` and `onReady()` act.
   */
  shutdown(): Promise<void>;
  /** Starts the embed again after `shutdown()` (no-op while it runs); `options` override the script tag's. */
  boot(options?: BootOptions): void;
  /**
   * Switches to another signed-in user: shuts down (forgetting the previous user's conversation and history) and
   * boots with `userId` (and the server-signed `userToken`, when the backend asks for one).
   */
  identify(userId: string, options?: { userToken?: string }): Promise<void>;
  /** Calls `callback` once `window.Mooni` is ready (at once if it is); the `mooni:ready` event says the same. */
  onReady(callback: (api: MooniApi) => void): void;
  /**
   * The visitor's answer to a consent prompt (`data-consent="pending"`): `true` lets the tracker send and the chat
   * keep its conversation; `false` discards the tracker's events and stops it.
   */
  consent(granted: boolean): void;
  /** Hides the floating launcher (e.g. where it would cover the page's own call to action); `open()` still works. */
  hideLauncher(): void;
  showLauncher(): void;
}

declare global {
  interface Window {
    /** Set up by mooni.iife.js (before that, the pre-load snippet's queueing stub). */
    Mooni?: MooniApi;
    /** The in-page mock's fetch, used when the script tag says data-mock="in-page" (static demo). */
    MooniMockFetch?: import('../chat/model.js').FetchLike;
    /** The in-page mock's realtime channel, used with data-mock="in-page" (static demo). */
    MooniMockWebSocket?: import('../chat/transports/realtime.js').SocketConstructor;
  }
  interface WindowEventMap {
    /** The script-tag bundle has set up `window.Mooni`. */
    'mooni:ready': CustomEvent<null>;
    'mooni:session.mood_changed': CustomEvent<MoodChangedPayload>;
    'mooni:conversation.message_sent': CustomEvent<MessageSentPayload>;
    'mooni:mood.changed': CustomEvent<MoodChangedPayload>;
    'mooni:action.suggested': CustomEvent<ActionSuggestedPayload>;
    'mooni:action.feedback': CustomEvent<ActionFeedbackPayload>;
    'mooni:conversation.started': CustomEvent<ConversationStartedPayload>;
    'mooni:message.sent': CustomEvent<MessageSentPayload>;
    'mooni:conversation.completed': CustomEvent<ConversationCompletedPayload>;
  }
}

const wrappers = new WeakMap<object, EventListener>();

/** Subscribes to a hook; hooks are the `mooni:<type>` events on `window`, so both ways see the same event. */
export function on<K extends MooniHookType>(type: K, callback: MooniHookCallback<K>): () => void {
  let wrapper = wrappers.get(callback);
  if (!wrapper)
    wrappers.set(callback, (wrapper = (event) => callback((event as CustomEvent).detail, event as CustomEvent)));
  addEventListener('mooni:' + type, wrapper);
  return () => off(type, callback);
}

export function off<K extends MooniHookType>(type: K, callback: MooniHookCallback<K>): void {
  const wrapper = wrappers.get(callback);
  if (wrapper) removeEventListener('mooni:' + type, wrapper);
}

/** Runs queued calls in order; one failing call is reported and the rest still run. */
export function replay(api: object, calls: Iterable<QueuedCall>): void {
  for (const [method, ...args] of calls) {
    try {
      const call = (api as Record<string, unknown>)[method];
      if (typeof call !== 'function') throw new TypeError(`Mooni.${method} is not a function`);
      call.apply(api, args);
    } catch (error) {
      console.error('Mooni.' + method, error);
    }
  }
}
