// The panel's side of the realtime channel (in the panel module; the launcher's side is unread.ts).
import { html, nothing } from 'lit';
import type { RealtimeState } from '../transports/realtime.js';
import { fillName, type ElementStrings, type MooniStrings } from '../strings.js';

/** A plain line at the top of the log while the channel is down. */
export function renderConnection(state: RealtimeState, words: MooniStrings) {
  if (state !== 'reconnecting' && state !== 'offline') return nothing;
  return html`<p part="connection" class="connection" role="status">${
    state === 'offline' ? words.offlineChannel : words.reconnecting
  }</p>`;
}

/** An agent typing (no sound, no motion when reduced motion is asked for). */
export function renderTyping(name: string | undefined, words: MooniStrings) {
  return name ? html`<p part="typing" class="agent-typing">${fillName(words.typing, name)}</p>` : nothing;
}

/** Who answers, for the header: a named person, a person being asked for, or the bot (the usual subtitle). */
export function answeringText(agent: string | undefined, waiting: boolean, words: ElementStrings): string {
  return agent ? fillName(words.withAgent, agent) : waiting ? words.waitingForAgent : words.subtitle;
}
