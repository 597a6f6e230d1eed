import type { SuggestedAction } from '../mood/types.js';

/** What the embed does for a suggested action (003). */
export type InterventionKind = 'open_chat' | 'nudge' | 'recommendations' | 'exit_offer';

export const INTERVENTIONS: Record<SuggestedAction, InterventionKind | null> = {
  no_action: null,
  show_live_chat: 'open_chat',
  show_tooltip: 'nudge',
  show_recommendations: 'recommendations',
  show_exit_offer: 'exit_offer',
};

/** Why a suggested action led to nothing. `typing` is worth asking again once the user pauses. */
export type SkipReason = 'no_action' | 'disabled' | 'cooldown' | 'typing' | 'user_closed_chat' | 'chat_open';

export type Decision =
  | { intervention: InterventionKind; reason?: undefined }
  | { intervention: null; reason: SkipReason };

export interface InterventionState {
  /** Epoch ms. */
  now: number;
  /** Epoch ms of the last intervention in this session, if any. */
  lastInterventionAt: number | null;
  cooldownMs: number;
  enabled: boolean;
  /** The user closed the chat in this session: nothing may open it again. */
  userClosedChat: boolean;
  typingRecently: boolean;
  chatOpen: boolean;
}

/**
 * The rules: at most one intervention per cooldown, never while the user types, never re-open a chat the
 * user closed, and never open a chat that is already open (cards may still be added to it).
 */
export function decideIntervention(action: SuggestedAction, state: InterventionState): Decision {
  // Only the documents' own actions: a server's `constructor` or `__proto__` must not find Object's members.
  const intervention = typeof action == 'string' && Object.hasOwn(INTERVENTIONS, action) ? INTERVENTIONS[action] : null;
  if (!intervention) return { intervention: null, reason: 'no_action' };
  if (!state.enabled) return { intervention: null, reason: 'disabled' };
  if (state.lastInterventionAt != null && state.now - state.lastInterventionAt < state.cooldownMs) {
    return { intervention: null, reason: 'cooldown' };
  }
  if (state.typingRecently) return { intervention: null, reason: 'typing' };
  const usesChat = intervention !== 'nudge';
  if (usesChat && state.userClosedChat && !state.chatOpen) return { intervention: null, reason: 'user_closed_chat' };
  if (state.chatOpen && (intervention === 'open_chat' || intervention === 'nudge')) {
    return { intervention: null, reason: 'chat_open' };
  }
  return { intervention };
}
