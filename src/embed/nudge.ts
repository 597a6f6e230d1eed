import { adoptStyles, css, html, render } from 'lit';

export interface NudgeOptions {
  text: string;
  /** The button's label: a question to ask, or a plain "open the chat" label. */
  action: string;
  dismissLabel: string;
  lang?: string;
  onAction(): void;
  onDismiss(): void;
}

const styles = css`
  aside {
    position: fixed;
    right: 1.25rem;
    bottom: 6rem;
    z-index: 2147483000;
    max-width: min(20rem, calc(100vw - 2.5rem));
    box-sizing: border-box;
    padding: 0.875rem 2.5rem 0.875rem 1rem;
    border-radius: 0.875rem;
    background: #fff;
    color: #1f2330;
    box-shadow: 0 0.5rem 2rem rgb(20 24 40 / 0.22);
    font: 0.9375rem/1.4 system-ui, sans-serif;
    animation: in 0.2s ease-out;
  }
  p {
    margin: 0 0 0.625rem;
  }
  button {
    font: inherit;
    cursor: pointer;
    border-radius: 0.5rem;
  }
  .go {
    border: 0;
    padding: 0.5rem 0.75rem;
    background: #4b3fd8;
    color: #fff;
    text-align: start;
  }
  .x {
    position: absolute;
    top: 0.375rem;
    right: 0.375rem;
    width: 2rem;
    height: 2rem;
    border: 0;
    background: none;
    color: inherit;
    font-size: 1.25rem;
  }
  button:focus-visible {
    outline: 2px solid #4b3fd8;
    outline-offset: 2px;
  }
  @media (prefers-color-scheme: dark) {
    aside {
      background: #23263a;
      color: #eef0fa;
    }
  }
  @keyframes in {
    from {
      opacity: 0;
      transform: translateY(0.5rem);
    }
  }
  @media (prefers-reduced-motion: reduce) {
    aside {
      animation: none;
    }
  }
`;

/**
 * The small help bubble by the launcher. It never takes focus; Escape (with focus inside) or the close
 * button dismisses it. Returns a function that removes it without calling back.
 */
export function showNudge(options: NudgeOptions): () => void {
  const host = document.createElement('div');
  host.dataset.mooniNudge = '';
  if (options.lang) host.lang = options.lang;
  const root = host.attachShadow({ mode: 'open' });
  adoptStyles(root, [styles]);
  const remove = () => host.remove();
  const done = (callback: () => void) => () => {
    remove();
    callback();
  };
  const dismiss = done(options.onDismiss);
  render(
    html`<aside aria-label=${options.text} @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && dismiss()}>
      <p role="status">${options.text}</p>
      <button class="go" @click=${done(options.onAction)}>${options.action}</button>
      <button class="x" aria-label=${options.dismissLabel} @click=${dismiss}>×</button>
    </aside>`,
    root,
  );
  document.body.append(host);
  return remove;
}
