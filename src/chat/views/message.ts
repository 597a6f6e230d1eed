import { html, nothing, type TemplateResult } from 'lit';
import type { Card, CardButton, ChatMessage, QuickReply, Template } from '../model.js';
import type { MessageActions, MessageState } from '../panel-contract.js';
import { renderMarkdown } from '../markdown/index.js';
import { safeHttpUrl } from '../safe-url.js';
import { icon, iconButton } from './icons.js';
import { answerText } from './spoken.js';

const copyIcon = 'M9 9h10v11H9zM5 15V4h10';
const thumbIcon = 'M7 11v9H4v-9zM7 11l4-8c1.6 0 2.6 1.2 2.2 2.8L12.5 10H18a2 2 0 0 1 2 2.4l-1.4 6A2 2 0 0 1 16.6 20H7';

const copyButton = (state: MessageState, actions: MessageActions, id: string, text: string) =>
  iconButton(
    state.words.copy,
    copyIcon,
    () => actions.copy(id, text),
    state.copiedId === id ? html`<span>${state.words.copied}</span>` : nothing,
  );

const bubble = (content: unknown) => html`<div class="bubble">${content}</div>`;

/** A picture that fails to load disappears instead of showing a broken-image icon. */
const hideBroken = (event: Event) => ((event.target as HTMLElement).hidden = true);

/**
 * A button that sends a message, or a link that opens a checked http(s) or mailto URL in a new tab; either
 * reports the press (the element sends a button's message).
 */
function action(item: QuickReply | CardButton, part: string, onPress: () => void) {
  if (item.type === 'link') {
    const url = safeHttpUrl(item.url, { allowMailto: true });
    return url
      ? html`<a part=${part} class=${part} href=${url} target="_blank" rel="noopener noreferrer" @click=${onPress}>${item.label}</a>`
      : nothing;
  }
  return html`<button part=${part} class=${part} @click=${onPress}>${item.label}</button>`;
}

const card = (actions: MessageActions, c: Card) => {
  const image = safeHttpUrl(c.imageUrl);
  return html`<li part="card" class="card">${image ? html`<img src=${image} alt="" loading="lazy" @error=${hideBroken}>` : nothing}<div><strong>${c.title}</strong>${c.subtitle ? html`<p>${c.subtitle}</p>` : nothing}</div>${c.buttons.length ? html`<div class="chips">${c.buttons.map((button) => action(button, 'card-button', () => actions.cardAction(c, button)))}</div>` : nothing}</li>`;
};

/** One normalised template; URLs are checked again here, whoever built the template. */
function template(state: MessageState, actions: MessageActions, t: Template, key: string) {
  switch (t.type) {
    case 'text':
      return bubble(renderMarkdown(t.text));
    case 'quick_reply':
      return html`${t.prompt ? bubble(renderMarkdown(t.prompt)) : nothing}<div class="chips">${t.replies.map((reply) => action(reply, 'chip', () => actions.quickReply(reply)))}</div>`;
    case 'card':
      return html`<ul class="cards">${t.cards.map((c) => card(actions, c))}</ul>`;
    case 'image': {
      const url = safeHttpUrl(t.url);
      return url ? html`<img class="image" src=${url} alt=${t.alt} loading="lazy">` : bubble(t.alt);
    }
    case 'code':
      return html`<div class="code"><pre tabindex="0"><code>${t.code}</code></pre>${copyButton(state, actions, key, t.code)}</div>`;
  }
  return nothing;
}

const rendered = new WeakMap<ChatMessage, [unknown[], TemplateResult]>();

/**
 * One message of the log: bubble, templates, related-FAQ chips and, once finished, its actions. The result is
 * kept until something it shows changes, so a streaming answer re-renders alone (and Markdown is parsed once).
 * No whitespace between tags: each would be a text node, times every message restored.
 */
export function renderMessage(state: MessageState, actions: MessageActions, m: ChatMessage): TemplateResult {
  const s = state.words;
  const deps = [m.text, m.state, m.templates, m.faqs, m.tone, m.failure, m.rating, s, state.copiedId, state.retryAt];
  const kept = rendered.get(m);
  if (kept && kept[0].every((dep, i) => dep === deps[i])) return kept[1];
  const text = answerText(m, s);
  const busy = m.state === 'streaming';
  const rate = (rating: NonNullable<ChatMessage['rating']>, label: string, cls?: string) =>
    html`<button class="icon ${cls}" aria-pressed=${m.rating === rating} aria-label=${label} title=${label} @click=${() => actions.rate(m, rating)}>${icon(thumbIcon)}</button>`;
  const result = html`<article part="message ${m.role}-message${m.author ? ' agent-message' : ''}" class="msg ${m.role} ${m.tone}" data-who=${m.role === 'user' ? s.you : (m.author ?? s.bot)} aria-busy=${busy}>${text ? bubble(m.role === 'user' ? text : renderMarkdown(text)) : busy && !m.templates.length ? html`<div class="bubble typing" aria-hidden="true"><i></i><i></i><i></i></div>` : nothing}${m.templates.map((t, i) => template(state, actions, t, m.id + i))}${m.failure ? html`<p class="note" part="note">${m.failure}${m.question ? html`<button class="retry" ?disabled=${state.retryAt > Date.now()} @click=${() => actions.retry(m)}>${s.retry}</button>` : nothing}</p>` : nothing}${m.faqs.length ? html`<div class="faqs"><span class="label">${s.related}</span><div class="chips">${m.faqs.map((f) => html`<button part="chip" class="chip" @click=${() => actions.ask(f.title)}>${f.title}</button>`)}</div></div>` : nothing}${m.role === 'bot' && m.state === 'done' ? html`<div class="tools">${copyButton(state, actions, m.id, text)}${rate('helpful', s.helpful)}${rate('not_helpful', s.notHelpful, 'down')}</div>` : nothing}</article>`;
  rendered.set(m, [deps, result]);
  return result;
}
