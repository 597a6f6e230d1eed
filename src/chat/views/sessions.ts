import { html, nothing, type TemplateResult } from 'lit';
import type { MooniStrings } from '../strings.js';

/** A past session as the list shows it. */
export interface SessionSummary {
  id: string;
  title: string;
  /** Epoch ms, when the server gave a date. */
  at?: number;
}

const pick = (item: Record<string, unknown>, keys: string[]) => {
  for (const key of keys) {
    const value = item[key];
    if (typeof value === 'string' && value) return value;
    if (typeof value === 'number') return value;
  }
  return undefined;
};

/** Reads what the list needs from a `GET /history/sessions` item, whose shape 001 leaves open. */
export function summarize(raw: unknown): SessionSummary | undefined {
  if (raw === null || typeof raw !== 'object') return undefined;
  const item = raw as Record<string, unknown>;
  const id = pick(item, ['sessionId', 'session_id', 'id']);
  if (typeof id !== 'string') return undefined;
  const title = pick(item, ['title', 'firstQuestion', 'firstMessage', 'lastMessage', 'preview']);
  const at = new Date(pick(item, ['updatedAt', 'lastMessageAt', 'createdAt', 'startedAt']) ?? NaN).getTime();
  return { id, title: typeof title === 'string' ? title.slice(0, 120) : id, at: Number.isNaN(at) ? undefined : at };
}

/** The past-conversations view: loading, failed, empty, or a list that opens a session. */
export function renderSessions(
  sessions: SessionSummary[] | 'failed' | undefined,
  current: string,
  s: MooniStrings,
  open: (id: string) => void,
): TemplateResult {
  return html`<div class="log" role="region" aria-label=${s.history} aria-busy=${sessions ? 'false' : 'true'}>
    ${sessions === 'failed'
      ? html`<p class="note">${s.historyFailed}</p>`
      : sessions && !sessions.length
        ? html`<p class="welcome">${s.noHistory}</p>`
        : html`<ul class="sessions">
            ${(sessions ?? []).map(
              (session) => html`<li>
                <button type="button" aria-current=${session.id === current ? 'true' : 'false'} @click=${() => open(session.id)}>
                  <strong>${session.title}</strong>
                  ${session.at ? html`<span>${new Date(session.at).toLocaleString()}</span>` : nothing}
                </button>
              </li>`,
            )}
          </ul>`}
  </div>`;
}
