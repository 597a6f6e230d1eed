import { html, nothing, type TemplateResult } from 'lit';
import type { Card, CardButton, ChatMessage, QuickReply, Template } from '../model.js';
import type { MessageActions, MessageState } from '../panel-contract.js';
import { MarkdownStream, renderMarkdown } from '../markdown/index.js';
import { MAX_ANSWER, RENDER_BUDGET } from '../limits.js';
import { fill } from '../strings.js';
import { safeImageUrl, safeHttpUrl } from '../safe-url.js';
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

/**
 * A picture that fails to load is replaced by its alt text (nothing when it has none), never a broken-image
 * icon: a blocked `img-src`, a 404 or an undecodable file all end here.
 */
function showAlt(event: Event): void {
  const image = event.target as HTMLImageElement;
  const alt = image.alt.trim();
  if (alt) {
    const text = document.createElement('span');
    text.className = 'alt';
    text.setAttribute('part', 'image-alt');
    text.textContent = alt;
    image.replaceWith(text);
  } else image.hidden = true;
}

/** A picture by policy: only a safe http(s) URL the page may load; else (or when it fails) its alt text. */
function picture(url: unknown, alt: string, className: string) {
  const source = safeImageUrl(url);
  if (!source) return alt ? html`<span class="alt" part="image-alt">${alt}</span>` : nothing;
  return html`<img class=${className} src=${source} alt=${alt} loading="lazy" @error=${showAlt} />`;
}

/**
 * A button that sends a message, or a link that opens a checked http(s) or mailto URL in a new tab; either
 * reports the press (the element sends a button's message).
 */
function action(item: QuickReply | CardButton, part: string, onPress: () => void) {
  const content = html`${'imageUrl' in item ? chipPicture(item.imageUrl) : nothing}${item.label}`;
  if (item.type === 'link') {
    const url = safeHttpUrl(item.url, { allowMailto: true });
    if (!url) return nothing;
    return html`<a
      part=${part}
      class=${part}
      href=${url}
      target="_blank"
      rel="noopener noreferrer"
      @click=${onPress}
    >${content}</a>`;
  }
  return html`<button part=${part} class=${part} @click=${onPress}>${content}</button>`;
}

/**
 * A quick reply's picture (002 `image-url`), small, before its label. The label names the button, so the
 * picture's alt text is empty: alt text equal to the label would have the name read twice ("Good Good").
 */
const chipPicture = (url: unknown) => picture(url, '', 'chip-image');

/** 002 `upload-type`s of media that are not pictures: an `<img>` cannot show them, a link opens them. */
const NOT_PICTURES = ['video', 'audio', 'document'];

function image(t: Extract<Template, { type: 'image' }>) {
  const url = safeHttpUrl(t.url);
  if (url && NOT_PICTURES.includes(t.uploadType ?? ''))
    return bubble(html`<a href=${url} target="_blank" rel="noopener noreferrer">${t.alt || url}</a>`);
  return safeImageUrl(t.url) ? picture(t.url, t.alt, 'image') : bubble(t.alt);
}

const card = (actions: MessageActions, c: Card) => {
  const cardPicture = c.imageUrl ? picture(c.imageUrl, '', 'card-image') : nothing;
  const subtitle = c.subtitle ? html`<p>${c.subtitle}</p>` : nothing;
  const buttons = c.buttons.map((button) => action(button, 'card-button', () => actions.cardAction(c, button)));
  const chips = c.buttons.length ? html`<div class="chips">${buttons}</div>` : nothing;
  const heading = html`<div><strong>${c.title}</strong>${subtitle}</div>`;
  return html`<li part="card" class="card">${cardPicture}${heading}${chips}</li>`;
};

/** One normalised template; URLs are checked again here, whoever built the template. */
function template(state: MessageState, actions: MessageActions, t: Template, key: string) {
  switch (t.type) {
    case 'text':
      return bubble(renderMarkdown(t.text));
    case 'quick_reply': {
      const prompt = t.prompt ? bubble(renderMarkdown(t.prompt)) : nothing;
      const replies = t.replies.map((reply) => action(reply, 'chip', () => actions.quickReply(reply)));
      return html`${prompt}<div class="chips">${replies}</div>`;
    }
    case 'card':
      return html`<ul class="cards">${t.cards.map((c) => card(actions, c))}</ul>`;
    case 'image':
      return image(t);
    case 'code':
      return html`<div class="code"
        ><pre tabindex="0"><code>${t.code}</code></pre
        >${copyButton(state, actions, key, t.code)}</div
      >`;
  }
  return nothing;
}

const rendered = new WeakMap<ChatMessage, [unknown[], TemplateResult]>();
/** Each answer's Markdown, scanned as it grows: its text only ever grows while it streams. */
const streams = new WeakMap<ChatMessage, MarkdownStream>();

/** The first `length` characters of a text, one fewer rather than half a surrogate pair. */
function cutAt(text: string, length: number): string {
  const last = text.charCodeAt(length - 1);
  return text.slice(0, last >= 0xd800 && last <= 0xdbff ? length - 1 : length);
}

/**
 * An answer's text as Markdown, cut at {@link MAX_ANSWER} with a note, rendered at most {@link RENDER_BUDGET}
 * new characters at a time; when some are left, the element renders again in a later task.
 */
function answerBody(state: MessageState, actions: MessageActions, m: ChatMessage, text: string) {
  let stream = streams.get(m);
  if (!stream) streams.set(m, (stream = new MarkdownStream()));
  const cut = text.length > MAX_ANSWER;
  const { template, complete } = stream.render(cut ? cutAt(text, MAX_ANSWER) : text, {
    budget: RENDER_BUDGET,
    streaming: m.state === 'streaming',
  });
  if (!complete) actions.renderMore();
  const note =
    cut && complete ? html`<p class="note" part="note">${fill(state.words.answerCut, MAX_ANSWER)}</p>` : nothing;
  return { body: html`${bubble(template)}${note}`, complete };
}

/**
 * One message of the log: bubble, templates, related-FAQ chips and, once an answer to a question has finished,
 * its actions (a greeting answers nothing: no copy or rating). The result is
 * kept until something it shows changes, so a streaming answer re-renders alone (and Markdown is parsed once).
 * No whitespace between tags: each would be a text node, times every message restored.
 */
export function renderMessage(state: MessageState, actions: MessageActions, m: ChatMessage): TemplateResult {
  const s = state.words;
  const deps = [m.text, m.state, m.templates, m.faqs, m.tone, m.failure, m.rating, s, state.copiedId, state.retryAt];
  const kept = rendered.get(m);
  if (kept && kept[0].every((dep, i) => dep === deps[i])) return kept[1];
  const text = answerText(m, s);
  const answer = text && m.role !== 'user' ? answerBody(state, actions, m, text) : undefined;
  const busy = m.state === 'streaming';
  const rate = (rating: NonNullable<ChatMessage['rating']>, label: string, modifier?: string) =>
    html`<button
      class="icon ${modifier}"
      aria-pressed=${m.rating === rating}
      aria-label=${label}
      title=${label}
      @click=${() => actions.rate(m, rating)}
    >${icon(thumbIcon)}</button>`;
  const typing = html`<div class="bubble typing" aria-hidden="true"><i></i><i></i><i></i></div>`;
  const body = answer ? answer.body : text ? bubble(text) : busy && !m.templates.length ? typing : nothing;
  const templates = m.templates.map((t, i) => template(state, actions, t, m.id + i));
  const retry = m.question
    ? html`<button class="retry" ?disabled=${state.retryAt > Date.now()} @click=${() => actions.retry(m)}
        >${s.retry}</button
      >`
    : nothing;
  const failure = m.failure ? html`<p class="note" part="note">${m.failure}${retry}</p>` : nothing;
  const chips = m.faqs.map(
    (f) => html`<button part="chip" class="chip" @click=${() => actions.ask(f.title)}>${f.title}</button>`,
  );
  const related = m.faqs.length
    ? html`<div class="faqs"><span class="label">${s.related}</span><div class="chips">${chips}</div></div>`
    : nothing;
  const answered = m.role === 'bot' && m.question && m.state === 'done';
  const ratings = html`${rate('helpful', s.helpful)}${rate('not_helpful', s.notHelpful, 'down')}`;
  const tools = answered ? html`<div class="tools">${copyButton(state, actions, m.id, text)}${ratings}</div>` : nothing;
  const result = html`<article
    part="message ${m.role}-message${m.author ? ' agent-message' : ''}"
    class="msg ${m.role} ${m.tone}"
    data-who=${m.role === 'user' ? s.you : (m.author ?? s.bot)}
    aria-busy=${busy}
  >${body}${templates}${failure}${related}${tools}</article>`;
  if (!answer || answer.complete) rendered.set(m, [deps, result]);
  else rendered.delete(m);
  return result;
}
