import { html, nothing, type TemplateResult } from 'lit';
import type { MooniStrings } from '../strings.js';

/** A past session as the list shows it. */
export interface SessionSummary {
  id: string;
  title: string;
  /** Epoch ms, when the server gave a date. */
  at?: number;
}

const str = (value: unknown) => (typeof value === 'string' && value ? value : undefined);

/** Reads what the list needs from a `GET /history/sessions` item (001 leaves its shape open). */
export function summarize(raw: unknown): SessionSummary | undefined {
  const item = (raw ?? {}) as Record<string, unknown>;
  const id = str(item.sessionId) ?? str(item.id);
  if (!id) return undefined;
  const at = Date.parse(str(item.updatedAt) ?? str(item.createdAt) ?? '');
  return { id, title: (str(item.title) ?? id).slice(0, 120), at: at || undefined };
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
