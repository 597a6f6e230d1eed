import { html, nothing, type TemplateResult } from 'lit';
import type { Card, CardButton, QuickReply, Template } from '../model.js';
import { renderMarkdown } from '../markdown/index.js';
import { safeHttpUrl } from '../safe-url.js';
import type { MessageActions } from './actions.js';
import { copyIcon } from './icons.js';

/** A picture that fails to load disappears instead of showing a broken-image icon. */
const hideBroken = (event: Event) => ((event.target as HTMLElement).hidden = true);

/** A button that sends a message, or a link that opens a checked http(s) URL in a new tab. */
function action(
  item: QuickReply | CardButton,
  part: string,
  onPress: () => void,
  send: (text: string) => void,
): TemplateResult | typeof nothing {
  if (item.type === 'link') {
    const url = safeHttpUrl(item.url, { allowMailto: true });
    if (!url) return nothing;
    return html`<a part=${part} class=${part} href=${url} target="_blank" rel="noopener noreferrer" @click=${onPress}
      >${item.label}</a
    >`;
  }
  return html`<button part=${part} class=${part} type="button" @click=${() => (onPress(), send(item.message ?? item.label))}>
    ${item.label}
  </button>`;
}

function card(c: Card, a: MessageActions): TemplateResult {
  const image = c.imageUrl ? safeHttpUrl(c.imageUrl) : undefined;
  return html`<li part="card" class="card">
    ${image ? html`<img src=${image} alt="" loading="lazy" @error=${hideBroken} />` : nothing}
    <div>
      <strong>${c.title}</strong>
      ${c.subtitle ? html`<p>${c.subtitle}</p>` : nothing}
    </div>
    ${c.buttons.length
      ? html`<div class="chips">
          ${c.buttons.map((b) => action(b, 'card-button', () => a.cardAction(c, b), (text) => a.ask(text)))}
        </div>`
      : nothing}
  </li>`;
}

/** Renders one normalised template; URLs are checked again here, whoever built the template. */
export function renderTemplate(t: Template, a: MessageActions, key: string): TemplateResult | typeof nothing {
  switch (t.type) {
    case 'text':
      return html`<div class="bubble">${renderMarkdown(t.text)}</div>`;
    case 'quick_reply':
      return html`${t.prompt ? html`<div class="bubble">${renderMarkdown(t.prompt)}</div>` : nothing}
        <div class="chips">${t.replies.map((r) => action(r, 'chip', () => a.quickReply(r), (text) => a.ask(text)))}</div>`;
    case 'card':
      return html`<ul class="cards">${t.cards.map((c) => card(c, a))}</ul>`;
    case 'image': {
      const url = safeHttpUrl(t.url);
      return url
        ? html`<img class="image" src=${url} alt=${t.alt} loading="lazy" />`
        : html`<div class="bubble">${t.alt}</div>`;
    }
    case 'code':
      return html`<div class="code">
        <pre tabindex="0"><code>${t.code}</code></pre>
        <button class="icon" type="button" @click=${() => a.copy(key, t.code)}>
          ${copyIcon}<span>${a.copiedId === key ? a.words.copied : a.words.copy}</span>
        </button>
      </div>`;
    default:
      return nothing;
  }
}
