import { css } from 'lit';

// The launcher's and the panel frame's look. The rest of the panel's look ships with the panel module
// (panel.styles.ts), which reads the --frame-* properties set here on :host: each one is the documented
// --mooni-* property when the page sets it, else the built-in palette (the colours only the panel's content
// uses are set in panel.styles.ts). light-dark() gives both palettes
// from one block; `theme` only sets the colour scheme. The build minifies this literal. What only the panel's
// content needs (its animation, full screen on a phone, reduced motion) is in panel.styles.ts: a panel that failed
// to load keeps its place beside the launcher, which stays to close it. Sides are logical
// (inline-start/end), so the whole element mirrors under dir="rtl"; `position` names a physical side.
export default css`
  :host {
    color-scheme: light dark;
    --frame-accent: var(--mooni-accent, light-dark(#4f46e5, #8b8ff9));
    --frame-accent-text: var(--mooni-accent-text, light-dark(#fff, #11122a));
    --frame-surface: var(--mooni-surface, light-dark(#fff, #17181d));
    --frame-text: var(--mooni-text, light-dark(#1c1e26, #eceef4));
    --frame-line: light-dark(#e1e3ea, #3a3d47);
    --frame-error: light-dark(#b42318, #ff9a8f);
    --frame-radius: var(--mooni-radius, 16px);
    --frame-shadow: 0 12px 40px #11142d40;
    --frame-offset-x: var(--mooni-offset-x, calc(20px + max(env(safe-area-inset-left), env(safe-area-inset-right))));
    --frame-offset-y: var(--mooni-offset-y, calc(20px + env(safe-area-inset-bottom)));
    display: block;
    font: 15px/1.45 var(--mooni-font, system-ui, sans-serif);
    color: var(--frame-text);
  }

  :host([theme=light]) {
    color-scheme: light;
  }

  :host([theme=dark]) {
    color-scheme: dark;
  }

  :host([mode=inline]) {
    height: 100%;
  }

  * {
    box-sizing: border-box;
  }

  [hidden] {
    display: none !important;
  }

  button, textarea {
    font: inherit;
    color: inherit;
  }

  button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 4px;
    padding: 0;
    border: 0;
    background: none;
    cursor: pointer;
  }

  button:disabled {
    cursor: default;
    opacity: .45;
  }

  :focus-visible {
    outline: 2px solid var(--frame-accent);
    outline-offset: 2px;
  }

  svg {
    width: 20px;
    height: 20px;
    fill: none;
    stroke: currentColor;
    stroke-width: 2;
    stroke-linecap: round;
    stroke-linejoin: round;
    flex: none;
  }

  .launcher, :host([mode=launcher]) .panel, .badge {
    position: fixed;
    inset-inline-end: var(--frame-offset-x);
    /* Six significant digits: the literal minifier rounds longer numbers inside var() (2147483000 became 2147480000) */
    z-index: var(--mooni-z-index, 2147480000);
    box-shadow: var(--frame-shadow);
  }

  :host([position=left]) :is(.launcher, .panel, .badge) {
    right: auto;
    left: var(--frame-offset-x);
  }

  :host([position=right]) :is(.launcher, .panel, .badge) {
    right: var(--frame-offset-x);
    left: auto;
  }

  .launcher {
    bottom: var(--frame-offset-y);
    width: 56px;
    height: 56px;
    border-radius: 50%;
    background: var(--frame-accent);
    color: var(--frame-accent-text);
  }

  .launcher svg {
    width: 26px;
    height: 26px;
  }

  .badge {
    bottom: calc(var(--frame-offset-y) + 40px);
    min-width: 22px;
    height: 22px;
    padding: 0 6px;
    border: 2px solid var(--frame-surface);
    border-radius: 11px;
    background: var(--frame-error);
    color: var(--frame-surface);
    font-size: 12px;
    font-weight: 700;
    line-height: 18px;
    text-align: center;
    pointer-events: none;
  }

  .panel {
    display: flex;
    flex-direction: column;
    overflow: hidden;
    height: 100%;
    background: var(--frame-surface);
    border-radius: var(--frame-radius);
  }

  :host([mode=inline]) .panel {
    border: 1px solid var(--frame-line);
  }

  .failed {
    justify-content: center;
    gap: 8px;
    padding: 24px;
    text-align: center;
  }

  :host([mode=launcher]) .panel {
    bottom: calc(var(--frame-offset-y) + 68px);
    width: min(var(--mooni-panel-width, 380px), 100vw - 2 * var(--frame-offset-x));
    height: min(var(--mooni-panel-height, 620px), 100vh - var(--frame-offset-y) - 92px);
  }
`;
