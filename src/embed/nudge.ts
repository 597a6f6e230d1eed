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

// One rule per line: CSS in a template literal is not minified by the build, and this ships in mooni.iife.js.
// Colours follow the element's --mooni-accent / --mooni-surface / --mooni-text when the page sets them.
const styles = css`
aside{position:fixed;right:20px;bottom:96px;z-index:2147483000;max-width:min(20rem,calc(100vw - 40px));box-sizing:border-box;padding:14px 40px 14px 16px;border-radius:14px;background:var(--mooni-surface,#fff);color:var(--mooni-text,#1c1e26);box-shadow:0 8px 32px #14182838;font:15px/1.4 var(--mooni-font,system-ui,sans-serif);animation:in .2s ease-out}
p{margin:0 0 10px}
button{font:inherit;cursor:pointer;border-radius:8px}
.go{border:0;padding:8px 12px;background:var(--mooni-accent,#4f46e5);color:var(--mooni-accent-text,#fff);text-align:start}
.x{position:absolute;top:6px;right:6px;width:32px;height:32px;border:0;background:none;color:inherit;font-size:20px}
button:focus-visible{outline:2px solid var(--mooni-accent,#4f46e5);outline-offset:2px}
@media (prefers-color-scheme:dark){aside{background:var(--mooni-surface,#17181d);color:var(--mooni-text,#eceef4)}}
@keyframes in{from{opacity:0;transform:translateY(8px)}}
@media (prefers-reduced-motion:reduce){aside{animation:none}}
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
