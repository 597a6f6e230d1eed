import { html, nothing, type TemplateResult } from 'lit';
import type { ChatMessage } from '../model.js';
import { renderMarkdown } from '../markdown/index.js';
import type { MessageActions } from './actions.js';
import { renderTemplate } from './templates.js';
import { copyIcon, retryIcon, thumbIcon } from './icons.js';

/** The values a message's rendering depends on; `guard` re-renders a message only when one changes. */
export const renderDeps = (m: ChatMessage, a: MessageActions) => [
  m,
  m.text,
  m.state,
  m.templates,
  m.faqs,
  m.tone,
  m.failure,
  m.rating,
  a.words,
  a.copiedId,
  a.retryAt,
];

/** The text a finished answer shows: its own, else the out-of-scope or fallback words. */
export function answerText(m: ChatMessage, a: MessageActions): string {
  if (m.text || m.role === 'user' || m.state !== 'done' || m.templates.length) return m.text;
  return m.tone ? a.words.outOfScope : a.words.fallback;
}

/**
 * One message of the log: bubble, templates, related-FAQ chips and, once finished, its actions.
 * Templates here have no whitespace between tags: each would be a text node, times every message restored.
 */
export function renderMessage(m: ChatMessage, a: MessageActions): TemplateResult {
  const s = a.words;
  const text = answerText(m, a);
  const streaming = m.state === 'streaming';
  const rated = (rating: 'helpful' | 'not_helpful', label: string, cls: string) =>
    html`<button class="icon ${cls}" type="button" aria-pressed=${m.rating === rating ? 'true' : 'false'} aria-label=${label} title=${label} @click=${() => a.rate(m, rating)}>${thumbIcon}</button>`;
  const bubble = text
    ? html`<div class="bubble">${m.role === 'user' ? text : renderMarkdown(text)}</div>`
    : streaming && !m.templates.length
      ? html`<div class="bubble typing" aria-hidden="true"><i></i><i></i><i></i></div>`
      : nothing;
  const retry = m.question
    ? html`<button class="retry" type="button" ?disabled=${a.retryAt > Date.now()} @click=${() => a.retry(m)}>${retryIcon}${s.retry}</button>`
    : nothing;
  const chips = m.faqs.map(
    (f) => html`<button part="chip" class="chip" type="button" @click=${() => a.ask(f.title)}>${f.title}</button>`,
  );
  const tools =
    m.role === 'bot' && m.state === 'done'
      ? html`<div class="tools"><button class="icon" type="button" aria-label=${s.copy} title=${s.copy} @click=${() => a.copy(m.id, text)}>${copyIcon}${a.copiedId === m.id ? html`<span>${s.copied}</span>` : nothing}</button>${rated('helpful', s.helpful, '')}${rated('not_helpful', s.notHelpful, 'down')}</div>`
      : nothing;
  return html`<article part="message ${m.role}-message" class="msg ${m.role} ${m.tone ?? ''}" data-who=${m.role === 'user' ? s.you : s.bot} aria-busy=${streaming ? 'true' : 'false'}>${bubble}${m.templates.map((t, i) => renderTemplate(t, a, `${m.id}/${i}`))}${m.failure ? html`<p class="note" part="note">${m.failure} ${retry}</p>` : nothing}${chips.length ? html`<div class="faqs"><span class="label">${s.related}</span><div class="chips">${chips}</div></div>` : nothing}${tools}</article>`;
}
