import { adoptStyles, css, html, nothing, render } from 'lit';
import { visuallyHidden } from '../chat/visually-hidden.styles.js';

// The bubble's look, a constructable sheet (CSP-safe). Its colours follow the element's colour scheme (set on
// the bubble's host, see BubbleContent.scheme), its button the element's --mooni-accent; its sides are logical,
// so it sits by the launcher on a right-to-left page.
const BUBBLE_STYLES = css`
  aside {
    --bubble-gap: 20px;
    --bubble-radius: 14px;
    position: fixed;
    inset-inline-end: var(--bubble-gap);
    bottom: 96px;
    z-index: 2147480000;
    max-width: min(20rem, calc(100vw - 2 * var(--bubble-gap)));
    box-sizing: border-box;
    padding: 0 16px 16px;
    padding-inline-end: 40px;
    border-radius: var(--bubble-radius);
    background: var(--mooni-surface, Canvas);
    color: var(--mooni-text, CanvasText);
    box-shadow: 0 8px 32px #0004;
    font: 15px/1.4 var(--mooni-font, system-ui, sans-serif);
  }
  strong {
    display: block;
    padding-top: 16px;
  }
  /* The panel's buttons: a pill like its chips, the × a 32 px icon button, the same focus ring. */
  button {
    font: inherit;
    font-size: 14px;
    border: 0;
    border-radius: 99px;
    padding: 6px 12px;
    background: var(--mooni-accent, #4f46e5);
    color: var(--mooni-accent-text, #fff);
  }
  :focus-visible {
    outline: 2px solid var(--mooni-accent, #4f46e5);
    outline-offset: 2px;
  }
  .dismiss {
    position: absolute;
    top: 6px;
    inset-inline-end: 6px;
    width: 32px;
    height: 32px;
    padding: 0;
    border-radius: 8px;
    background: none;
    color: inherit;
    font-size: 20px;
  }
`;

export interface BubbleContent {
  /** What the bubble is, for its landmark name. */
  label: string;
  title?: string;
  /** Said once by the polite live region inside the bubble. */
  text: string;
  action: string;
  dismiss: string;
  lang?: string;
  /** The element's computed `color-scheme` (its `theme`, `host` included); `light dark` when absent. */
  scheme?: string;
  onAction(): void;
  onDismiss(): void;
}

/**
 * A small bubble by the launcher: the nudge and the exit offer. It never takes focus; the visitor reaches it with
 * Tab; Escape (focus inside) or × dismisses it. Its text is announced once: a hidden status region is in the page
 * before the text is put in it, which is when screen readers speak a polite region (the visible text is there
 * from the start, so nothing moves under the pointer).
 */
export function showBubble(content: BubbleContent): HTMLElement {
  const host = document.createElement('div');
  host.dataset.mooniNudge = '';
  if (content.lang) host.lang = content.lang;
  host.style.colorScheme = content.scheme || 'light dark';
  const root = host.attachShadow({ mode: 'open' });
  adoptStyles(root, [visuallyHidden, BUBBLE_STYLES]);
  const view = (said: string) =>
    html`<aside
      aria-label=${content.label}
      @keydown=${(event: KeyboardEvent) => event.key === 'Escape' && content.onDismiss()}
    >
      ${content.title ? html`<strong>${content.title}</strong>` : nothing}
      <p>${content.text}</p>
      <span class="sr" role="status">${said}</span>
      <button class="go" @click=${content.onAction}>${content.action}</button>
      <button class="dismiss" aria-label=${content.dismiss} @click=${content.onDismiss}>×</button>
    </aside>`;
  render(view(''), root);
  document.body.append(host);
  requestAnimationFrame(() => render(view(content.text), root));
  return host;
}
