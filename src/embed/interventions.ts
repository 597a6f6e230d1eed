import type { SuggestedAction } from '../mood/types.js';

/**
 * What the embed can do for a suggested action (003):
 * - `open_chat`: opens the panel (focus stays where it is) with a proactive line;
 * - `nudge`: a small bubble by the launcher offering to ask a question;
 * - `recommendations`: help-topic cards added to the chat, waiting there until the visitor opens it;
 * - `exit_offer`: a bubble whose button opens the chat ready to type (or goes where the host said);
 * - `none`: nothing.
 */
export type InterventionKind = 'open_chat' | 'nudge' | 'recommendations' | 'exit_offer' | 'none';

/** The actions an intervention can answer. */
export type ActionName = Exclude<SuggestedAction, 'no_action'>;

/** Which action does what; a host overrides any of them in `Mooni.config.actions`. */
export type ActionTable = Record<ActionName, InterventionKind>;

/**
 * The defaults: only frustration may open the panel by itself; confusion gets the nudge; browsing gets nothing
 * that appears (its cards wait in the chat); disengagement gets the exit offer.
 */
export const DEFAULT_ACTIONS: ActionTable = {
  show_live_chat: 'open_chat',
  show_tooltip: 'nudge',
  show_recommendations: 'recommendations',
  show_exit_offer: 'exit_offer',
};

/** At most this many interventions that appear by themselves in one session, unless the host says otherwise. */
export const DEFAULT_CAP = 2;

/** sessionStorage key of the session's `InterventionRecord`, kept across its pages. */
export const INTERVENTION_STATE_KEY = 'mooni_embed';

/** What the embed remembers of a session's interventions. */
export interface InterventionRecord {
  /** Epoch ms of the last intervention that appeared. */
  at?: number;
  /** The visitor closed the chat. */
  closed?: boolean;
  /** Interventions that appeared. */
  count?: number;
  /** Recommendation cards wait in the chat. */
  cards?: boolean;
}

const KINDS = new Set<string>(['open_chat', 'nudge', 'recommendations', 'exit_offer', 'none']);

/**
 * The intervention for one of the documents' own actions (a server's `constructor` or `__proto__` finds none),
 * as the host's table says, else as the defaults say. `null` when nothing is to be done.
 */
export function interventionFor(action: SuggestedAction, actions?: Partial<ActionTable>): InterventionKind | null {
  if (typeof action !== 'string' || action === 'no_action' || !Object.hasOwn(DEFAULT_ACTIONS, action)) return null;
  const name = action as ActionName;
  const chosen = actions && Object.hasOwn(actions, name) ? actions[name] : undefined;
  const kind = typeof chosen === 'string' && KINDS.has(chosen) ? chosen : DEFAULT_ACTIONS[name];
  return kind === 'none' ? null : kind;
}

/** Interventions the visitor sees without opening the chat: they start the cooldown and count toward the cap. */
export const appearsByItself = (kind: InterventionKind): boolean => kind !== 'recommendations' && kind !== 'none';

/**
 * Why a suggested action led to nothing. `typing` is worth asking again once the visitor pauses; `holdout` marks
 * a session held out on purpose, so the host can compare outcomes with and without help.
 */
export type SkipReason =
  | 'no_action'
  | 'disabled'
  | 'holdout'
  | 'hidden'
  | 'cap'
  | 'cooldown'
  | 'typing'
  | 'chat_open'
  | 'user_closed_chat'
  | 'already_offered';

export type Decision =
  { intervention: Exclude<InterventionKind, 'none'>; reason?: undefined } | { intervention: null; reason: SkipReason };

export interface InterventionState {
  /** Epoch ms. */
  now: number;
  /** Epoch ms of the last intervention that appeared in this session, if any. */
  lastInterventionAt?: number | null;
  cooldownMs: number;
  enabled: boolean;
  /** The visitor closed the chat in this session: nothing may open it again. */
  userClosedChat?: boolean;
  typingRecently: boolean;
  /** The panel is showing. */
  chatOpen: boolean;
  /** The page is hidden (a background tab): nothing happens there. */
  pageHidden?: boolean;
  /** ≤ 480 px wide or a coarse pointer: the panel would cover the page, so the chat is offered by the nudge. */
  compactScreen?: boolean;
  /** Interventions that appeared in this session so far. */
  interventionCount?: number;
  /** Most interventions that appear in one session. Default `DEFAULT_CAP`. */
  cap?: number;
  /** The session is in the holdout: it gets no intervention. */
  heldOut?: boolean;
  /** Recommendation cards already wait in the chat. */
  cardsWaiting?: boolean;
  /** The host's choices per action (see `DEFAULT_ACTIONS`). */
  actions?: Partial<ActionTable>;
}

/** Where the panel covers the page, opening it becomes the nudge; the rest stays what it is. */
const fitted = (kind: Exclude<InterventionKind, 'none'>, compact: boolean) =>
  compact && kind === 'open_chat' ? 'nudge' : kind;

/** The first rule that holds `kind` back, if any (in the order `decideIntervention` documents). */
function skipReason(kind: Exclude<InterventionKind, 'none'>, s: InterventionState): SkipReason | undefined {
  if (!s.enabled) return 'disabled';
  if (s.heldOut) return 'holdout';
  if (s.pageHidden) return 'hidden';
  if ((s.interventionCount ?? 0) >= (s.cap ?? DEFAULT_CAP)) return 'cap';
  if (s.now - (s.lastInterventionAt || 0) < s.cooldownMs) return 'cooldown';
  if (s.typingRecently) return 'typing';
  if (s.chatOpen && kind !== 'recommendations') return 'chat_open';
  if (s.userClosedChat && !s.chatOpen && kind !== 'nudge') return 'user_closed_chat';
  if (kind === 'recommendations' && s.cardsWaiting) return 'already_offered';
  return undefined;
}

/**
 * The rules, in order: interventions on; the session not held out; the page visible; fewer than `cap`
 * interventions so far; at most one per cooldown; never while the visitor types; never open or nudge towards
 * a chat that is already open (cards may still be added to it); never re-open a chat the visitor closed (the
 * nudge may still appear); the same cards only once. On a compact screen `open_chat` becomes the nudge.
 */
export function decideIntervention(action: SuggestedAction, s: InterventionState): Decision {
  const kind = interventionFor(action, s.actions);
  if (!kind || kind === 'none') return { intervention: null, reason: 'no_action' };
  const intervention = fitted(kind, s.compactScreen ?? false);
  const reason = skipReason(intervention, s);
  return reason ? { intervention: null, reason } : { intervention };
}

/**
 * Whether a session is held out: a deterministic share `fraction` (0–1) of session ids, by an FNV-1a hash of
 * the id (with MurmurHash3's final mix, so similar ids spread evenly), so one session is treated or held out on
 * every page it visits.
 */
export function inHoldout(sessionId: string, fraction: number): boolean {
  if (!(fraction > 0)) return false;
  let hash = 0x811c9dc5;
  for (let i = 0; i < sessionId.length; i++) hash = Math.imul(hash ^ sessionId.charCodeAt(i), 0x01000193) >>> 0;
  hash = Math.imul(hash ^ (hash >>> 16), 0x85ebca6b);
  hash = Math.imul(hash ^ (hash >>> 13), 0xc2b2ae35);
  return (hash ^ (hash >>> 16)) >>> 0 < fraction * 2 ** 32;
}
