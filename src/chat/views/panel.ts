import { html, nothing, type TemplateResult } from 'lit';
import type { ChatMessage } from '../model.js';
import type { PastSession } from '../history/past.js';
import { MAX_QUESTION } from '../limits.js';
import { fill } from '../strings.js';
import { closeIcon, icon, iconButton } from './icons.js';
import { renderMessage, type MessageHost } from './message.js';

/** What the panel view reads from and asks of the element. */
export interface PanelHost extends MessageHost {
  readonly mode: 'launcher' | 'inline';
  readonly open: boolean;
  readonly userId?: string;
  readonly sessionId: string;
  readonly placeholder?: string;
  readonly messages: ChatMessage[];
  /** The header's name: the tenant's from /config, else the `title` string. */
  readonly tenantName: string;
  readonly sessions?: PastSession[] | 'failed';
  readonly ended: boolean;
  readonly unrendered: number;
  readonly said: string;
  /** An answer is streaming. */
  readonly busy: boolean;
  view: 'chat' | 'history';
  value: string;
  hide(): void;
  reset(): void;
  stopAnswer(): void;
  submit(event: Event): void;
  scrolled(): void;
  earlier(): void;
  showHistory(): void;
  pickSession(id: string): void;
}

/**
 * The panel: header, the log of messages (or the past sessions), Stop, the question form and its counter,
 * and the polite status region. Templates have no whitespace between tags: no minifier touches them, and
 * each would be a text node.
 */
export function renderPanel(h: PanelHost): TemplateResult {
  const s = h.words;
  const launcher = h.mode === 'launcher';
  const avatar = html`<span class="avatar" aria-hidden="true">${h.tenantName[0]?.toUpperCase()}</span>`;
  const sessions = h.sessions;
  const left = MAX_QUESTION - h.value.length;
  const counted = left <= 100;
  const escape = (e: KeyboardEvent) => e.key === 'Escape' && launcher && h.open && (e.stopPropagation(), h.hide());
  const history = html`<div class="log" role="region" aria-label=${s.history} aria-busy=${!sessions}>${
    sessions === 'failed'
      ? html`<p class="note">${s.historyFailed}</p>`
      : sessions?.length === 0
        ? html`<p class="welcome">${s.noHistory}</p>`
        : html`<ul class="sessions">${sessions?.map(({ id, title, at }) => html`<li><button aria-current=${id === h.sessionId} @click=${() => h.pickSession(id)}><strong>${title}</strong>${at ? html`<span>${new Date(at).toLocaleString()}</span>` : nothing}</button></li>`)}</ul>`
  }</div>`;
  // The log is not live: chunks would be read out one by one. The status region says each answer once.
  const chat = html`<div part="log" class="log" role="log" aria-live="off" aria-label=${s.messages} tabindex="0" @scroll=${() => h.scrolled()}>${
    h.messages.length ? nothing : html`<div class="welcome">${avatar}<p>${s.welcome}</p></div>`
  }${
    h.unrendered ? html`<button class="chip earlier" @click=${() => h.earlier()}>${s.earlier}</button>` : nothing
  }${h.messages.slice(h.unrendered).map((m) => renderMessage(h, m))}${
    h.ended
      ? html`<div class="welcome ended"><p>${s.ended}</p><button class="chip" part="chip" @click=${() => h.reset()}>${s.startAgain}</button></div>`
      : nothing
  }</div>${
    h.busy ? html`<button class="stop" @click=${() => h.stopAnswer()}>${s.stop}</button>` : nothing
  }<form @submit=${(e: Event) => h.submit(e)}><textarea part="input" rows="1" enterkeyhint="send" maxlength=${MAX_QUESTION} aria-label=${s.question} placeholder=${h.placeholder || s.placeholder} aria-describedby=${counted ? 'counter' : nothing} .value=${h.value} @input=${(e: Event) => (h.value = (e.target as HTMLTextAreaElement).value)} @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && !e.shiftKey && !e.isComposing && h.submit(e)}></textarea><button part="send-button" class="send" aria-label=${s.send} ?disabled=${!h.value.trim()}>${icon('M12 19V5M5.5 11.5 12 5l6.5 6.5')}</button></form>${
    counted ? html`<p id="counter" class="counter">${fill(s.charsLeft, left)}</p>` : nothing
  }`;
  return html`<section id="panel" part="panel" class="panel" role=${launcher ? 'dialog' : 'region'} aria-labelledby="title" ?hidden=${launcher && !h.open} @keydown=${escape}><header part="header">${avatar}<div class="heading"><h2 id="title">${h.tenantName}</h2><p>${s.subtitle}</p></div>${
    h.view === 'history'
      ? iconButton(s.back, 'M15 5l-7 7 7 7', () => (h.view = 'chat'))
      : h.userId
        ? iconButton(s.history, 'M4 12a8 8 0 1 0 2.3-5.7L4 8.6M4 4v4.6h4.6M12 8v4.5l3 1.8', () => h.showHistory())
        : nothing
  }${iconButton(s.newConversation, 'M12 5v14M5 12h14', () => h.reset())}${
    launcher ? iconButton(s.closeChat, closeIcon, () => h.hide()) : nothing
  }</header>${h.view === 'history' ? history : chat}<div class="sr" role="status">${h.said}</div></section>`;
}
