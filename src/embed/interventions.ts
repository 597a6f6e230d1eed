import type { SuggestedAction } from '../mood/types.js';

/** What the embed does for a suggested action (003). */
export type InterventionKind = 'open_chat' | 'nudge' | 'recommendations' | 'exit_offer';

const INTERVENTIONS: Record<SuggestedAction, InterventionKind | null> = {
  no_action: null,
  show_live_chat: 'open_chat',
  show_tooltip: 'nudge',
  show_recommendations: 'recommendations',
  show_exit_offer: 'exit_offer',
};

/** The intervention for one of the documents' own actions; a server's `constructor` or `__proto__` finds none. */
export const interventionFor = (action: SuggestedAction): InterventionKind | null =>
  typeof action === 'string' && Object.hasOwn(INTERVENTIONS, action) ? INTERVENTIONS[action] : null;

/** Why a suggested action led to nothing. `typing` is worth asking again once the user pauses. */
export type SkipReason = 'no_action' | 'disabled' | 'cooldown' | 'typing' | 'user_closed_chat' | 'chat_open';

export type Decision =
  { intervention: InterventionKind; reason?: undefined } | { intervention: null; reason: SkipReason };

export interface InterventionState {
  /** Epoch ms. */
  now: number;
  /** Epoch ms of the last intervention in this session, if any. */
  lastInterventionAt?: number | null;
  cooldownMs: number;
  enabled: boolean;
  /** The user closed the chat in this session: nothing may open it again. */
  userClosedChat?: boolean;
  typingRecently: boolean;
  chatOpen: boolean;
}

/**
 * The rules: at most one intervention per cooldown, never while the user types, never re-open a chat the
 * user closed, and never open a chat that is already open (cards may still be added to it).
 */
export function decideIntervention(action: SuggestedAction, s: InterventionState): Decision {
  const intervention = interventionFor(action);
  const reason: SkipReason | undefined = !intervention
    ? 'no_action'
    : !s.enabled
      ? 'disabled'
      : s.now - (s.lastInterventionAt || 0) < s.cooldownMs
        ? 'cooldown'
        : s.typingRecently
          ? 'typing'
          : s.chatOpen
            ? intervention === 'open_chat' || intervention === 'nudge'
              ? 'chat_open'
              : undefined
            : intervention !== 'nudge' && s.userClosedChat
              ? 'user_closed_chat'
              : undefined;
  return reason ? { intervention: null, reason } : { intervention: intervention! };
}
