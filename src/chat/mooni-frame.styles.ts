import { css } from 'lit';

/** The dark palette, for `theme="dark"` and for `auto` under a dark colour-scheme preference. */
const dark = css`
    --_accent: var(--mooni-accent, #8b8ff9);
    --_on-accent: var(--mooni-accent-text, #11122a);
    --_surface: var(--mooni-surface, #17181d);
    --_text: var(--mooni-text, #eceef4);
    --_muted: #a9aebd;
    --_soft: #25272f;
    --_line: #33363f;
    --_warn: #ffd27a;
    --_warn-bg: #3a2f12;
    --_danger: #ff9a8f;
    --_shadow: 0 12px 40px rgb(0 0 0 / 0.5);
    color-scheme: dark;
`;

export default css`
  :host {
    --_accent: var(--mooni-accent, #4f46e5);
    --_on-accent: var(--mooni-accent-text, #fff);
    --_surface: var(--mooni-surface, #fff);
    --_text: var(--mooni-text, #1c1e26);
    --_muted: #5b6070;
    --_soft: #f1f2f6;
    --_line: #e3e5ec;
    --_warn: #8a5a00;
    --_warn-bg: #fff6e0;
    --_danger: #b42318;
    --_shadow: 0 12px 40px rgb(17 20 45 / 0.18), 0 2px 8px rgb(17 20 45 / 0.08);
    --_r: var(--mooni-radius, 16px);
    display: block;
    font: 15px/1.45 var(--mooni-font, system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif);
    color: var(--_text);
    color-scheme: light;
  }
  :host([theme='dark']) {
    ${dark}
  }
  @media (prefers-color-scheme: dark) {
    :host(:not([theme='light'])) {
      ${dark}
    }
  }
  :host([mode='inline']) {
    height: 100%;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  [hidden] {
    display: none !important;
  }
  button,
  textarea {
    font: inherit;
    color: inherit;
  }
  button {
    cursor: pointer;
  }
  button:disabled {
    cursor: default;
    opacity: 0.45;
  }
  :focus-visible {
    outline: 2px solid var(--_accent);
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
  .sr {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }

  .launcher {
    position: fixed;
    right: 20px;
    bottom: 20px;
    z-index: var(--mooni-z-index, 2147483000);
    display: grid;
    place-items: center;
    width: 56px;
    height: 56px;
    border: 0;
    border-radius: 50%;
    background: var(--_accent);
    color: var(--_on-accent);
    box-shadow: var(--_shadow);
    transition: transform 0.15s ease;
  }
  .launcher:hover {
    transform: scale(1.06);
  }
  .launcher svg {
    width: 26px;
    height: 26px;
  }

  .panel {
    display: flex;
    flex-direction: column;
    overflow: hidden;
    background: var(--_surface);
    color: var(--_text);
  }
  :host([mode='launcher']) .panel {
    position: fixed;
    right: 20px;
    bottom: 88px;
    z-index: var(--mooni-z-index, 2147483000);
    width: min(var(--mooni-panel-width, 380px), calc(100vw - 40px));
    height: min(var(--mooni-panel-height, 620px), calc(100vh - 112px));
    border-radius: var(--_r);
    box-shadow: var(--_shadow);
    transform-origin: bottom right;
    animation: rise 0.2s ease-out;
  }
  :host([mode='inline']) .panel {
    height: 100%;
    border: 1px solid var(--_line);
    border-radius: var(--_r);
  }
  @keyframes rise {
    from {
      opacity: 0;
      transform: translateY(12px) scale(0.98);
    }
  }

  header {
    display: flex;
    align-items: center;
    gap: 10px;
    padding: 14px 12px 14px 16px;
    background: var(--_accent);
    color: var(--_on-accent);
  }
  .avatar {
    display: grid;
    place-items: center;
    width: 36px;
    height: 36px;
    border-radius: 50%;
    background: rgb(255 255 255 / 0.22);
    font-weight: 700;
    flex: none;
  }
  .heading {
    flex: 1;
    min-width: 0;
  }
  h2 {
    margin: 0;
    font-size: 16px;
    font-weight: 650;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }
  .heading p {
    margin: 0;
    font-size: 12.5px;
    opacity: 0.9;
    white-space: nowrap;
    overflow: hidden;
    text-overflow: ellipsis;
  }
  .icon-button {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    padding: 6px;
    border: 0;
    border-radius: 8px;
    background: transparent;
  }
  .icon-button:hover {
    background: rgb(127 127 127 / 0.16);
  }
  header :focus-visible {
    outline-color: currentColor;
  }

  .log {
    flex: 1;
    overflow-y: auto;
    overscroll-behavior: contain;
    padding: 16px 14px 8px;
    display: flex;
    flex-direction: column;
    gap: 12px;
  }
  .welcome {
    margin: auto;
    padding: 24px;
    text-align: center;
    color: var(--_muted);
  }
  .msg {
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: 6px;
    max-width: 88%;
  }
  .msg:has(.cards, .code) {
    max-width: 100%;
  }
  .msg.user {
    align-self: flex-end;
    align-items: flex-end;
  }
  .bubble {
    max-width: 100%;
    padding: 9px 13px;
    border-radius: calc(var(--_r) + 2px) calc(var(--_r) + 2px) calc(var(--_r) + 2px) 6px;
    background: var(--_soft);
    overflow-wrap: anywhere;
    animation: fade 0.18s ease-out;
  }
  .user .bubble {
    border-radius: calc(var(--_r) + 2px) calc(var(--_r) + 2px) 6px calc(var(--_r) + 2px);
    background: var(--_accent);
    color: var(--_on-accent);
    white-space: pre-wrap;
  }
  .warning .bubble {
    background: var(--_warn-bg);
    color: var(--_warn);
    box-shadow: inset 3px 0 0 currentColor;
  }
  @keyframes fade {
    from {
      opacity: 0;
      transform: translateY(4px);
    }
  }
  .bubble > :first-child {
    margin-top: 0;
  }
  .bubble > :last-child {
    margin-bottom: 0;
  }
  .bubble p,
  .bubble ul,
  .bubble ol {
    margin: 0 0 8px;
  }
  .bubble ul,
  .bubble ol {
    padding-left: 20px;
  }
  .bubble a {
    color: inherit;
    text-underline-offset: 2px;
  }
  .bubble code {
    font: 0.9em ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    padding: 1px 4px;
    border-radius: 4px;
    background: rgb(127 127 127 / 0.16);
  }
  .typing {
    display: flex;
    gap: 4px;
    padding: 13px 14px;
  }
  .typing i {
    width: 7px;
    height: 7px;
    border-radius: 50%;
    background: var(--_muted);
    animation: blink 1.2s infinite ease-in-out;
  }
  .typing i:nth-child(2) {
    animation-delay: 0.15s;
  }
  .typing i:nth-child(3) {
    animation-delay: 0.3s;
  }
  @keyframes blink {
    0%,
    80%,
    100% {
      opacity: 0.3;
      transform: translateY(0);
    }
    40% {
      opacity: 1;
      transform: translateY(-3px);
    }
  }

  .note {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 4px 10px;
    margin: 0;
    font-size: 13px;
    color: var(--_danger);
  }
  .link-button {
    display: inline-flex;
    align-items: center;
    gap: 4px;
    padding: 2px 4px;
    border: 0;
    background: none;
    color: var(--_accent);
    font-weight: 600;
  }
  .link-button svg {
    width: 16px;
    height: 16px;
  }
  .faqs {
    display: flex;
    flex-direction: column;
    gap: 6px;
  }
  .faq-title {
    font-size: 12px;
    font-weight: 600;
    color: var(--_muted);
    text-transform: uppercase;
    letter-spacing: 0.04em;
  }
  .chips,
  .card-actions {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
  }
  .chip,
  .card-button {
    display: inline-flex;
    align-items: center;
    padding: 6px 12px;
    border: 1px solid var(--_accent);
    border-radius: 999px;
    background: var(--_surface);
    color: var(--_accent);
    font-size: 14px;
    font-weight: 500;
    text-align: left;
    text-decoration: none;
  }
  .chip:hover,
  .card-button:hover {
    background: var(--_accent);
    color: var(--_on-accent);
  }
  .tools {
    display: flex;
    gap: 2px;
    color: var(--_muted);
  }
  .tools .icon-button:hover {
    color: var(--_text);
  }
  .tools svg {
    width: 16px;
    height: 16px;
  }
  .tools span {
    font-size: 12px;
  }
  .down svg {
    transform: rotate(180deg);
  }
  [aria-pressed='true'] {
    color: var(--_accent);
  }
  [aria-pressed='true'] svg {
    fill: currentColor;
    fill-opacity: 0.25;
  }

  .cards {
    display: flex;
    gap: 10px;
    margin: 0;
    padding: 2px 2px 6px;
    list-style: none;
    max-width: 100%;
    overflow-x: auto;
    scroll-snap-type: x mandatory;
  }
  .card {
    flex: 0 0 220px;
    display: flex;
    flex-direction: column;
    overflow: hidden;
    border: 1px solid var(--_line);
    border-radius: var(--_r);
    background: var(--_surface);
    box-shadow: 0 1px 3px rgb(17 20 45 / 0.08);
    scroll-snap-align: start;
  }
  .cards:not(.several) .card {
    flex-basis: 260px;
  }
  .card img {
    width: 100%;
    height: 120px;
    object-fit: cover;
    background: var(--_soft);
  }
  .card-body {
    padding: 10px 12px 4px;
  }
  .card-body p {
    margin: 2px 0 0;
    font-size: 13px;
    color: var(--_muted);
  }
  .card-actions {
    padding: 8px 12px 12px;
  }
  .card-button {
    padding: 4px 10px;
    font-size: 13px;
  }
  .image {
    max-width: 100%;
    max-height: 240px;
    border-radius: var(--_r);
  }
  .code {
    position: relative;
    width: 100%;
  }
  pre {
    margin: 0;
    padding: 12px 14px;
    overflow-x: auto;
    border-radius: 10px;
    background: #1e1f29;
    color: #e8e9f1;
    font: 13px/1.5 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace;
    white-space: pre;
  }
  .code .icon-button {
    position: absolute;
    top: 6px;
    right: 6px;
    padding: 3px 7px;
    background: #34364a;
    color: #e8e9f1;
    font-size: 12px;
  }
  .code svg {
    width: 14px;
    height: 14px;
  }
  .ended {
    align-self: center;
    display: flex;
    flex-direction: column;
    align-items: center;
    gap: 8px;
    color: var(--_muted);
    font-size: 14px;
  }
  .ended p {
    margin: 0;
  }

  .stop {
    align-self: center;
    display: inline-flex;
    align-items: center;
    gap: 6px;
    margin: 4px 0;
    padding: 5px 14px;
    border: 1px solid var(--_line);
    border-radius: 999px;
    background: var(--_surface);
    font-size: 13px;
    box-shadow: 0 1px 4px rgb(17 20 45 / 0.1);
  }
  .stop svg {
    width: 14px;
    height: 14px;
    fill: currentColor;
  }
  .composer {
    display: flex;
    align-items: flex-end;
    gap: 8px;
    margin: 4px 12px 12px;
    padding: 6px 6px 6px 14px;
    border: 1px solid var(--_line);
    border-radius: calc(var(--_r) + 6px);
    background: var(--_surface);
  }
  .composer:focus-within {
    border-color: var(--_accent);
    box-shadow: 0 0 0 3px color-mix(in srgb, var(--_accent) 22%, transparent);
  }
  textarea {
    flex: 1;
    min-height: 36px;
    max-height: 120px;
    padding: 7px 0;
    border: 0;
    outline: 0;
    resize: none;
    background: transparent;
    /* 16px keeps iOS from zooming into the field. */
    font-size: 16px;
    line-height: 22px;
    field-sizing: content;
  }
  textarea:focus-visible {
    outline: none;
  }
  textarea::placeholder {
    color: var(--_muted);
    opacity: 1;
  }
  .send {
    display: grid;
    place-items: center;
    width: 36px;
    height: 36px;
    border: 0;
    border-radius: 50%;
    background: var(--_accent);
    color: var(--_on-accent);
  }
  .counter {
    margin: -8px 20px 8px;
    font-size: 12px;
    text-align: right;
    color: var(--_muted);
  }
  .counter.low {
    color: var(--_danger);
  }

  .history h3 {
    margin: 0;
    font-size: 13px;
    color: var(--_muted);
  }
  .sessions {
    margin: 0;
    padding: 0;
    list-style: none;
    display: flex;
    flex-direction: column;
    gap: 6px;
  }
  .sessions button {
    display: flex;
    flex-direction: column;
    width: 100%;
    padding: 10px 12px;
    border: 1px solid var(--_line);
    border-radius: 12px;
    background: var(--_surface);
    text-align: left;
  }
  .sessions button:hover,
  .sessions [aria-current='true'] {
    border-color: var(--_accent);
  }
  .sessions span {
    font-size: 12px;
    color: var(--_muted);
  }

  @media (max-width: 480px) {
    :host([mode='launcher']) .panel {
      inset: 0;
      width: 100%;
      height: 100%;
      border-radius: 0;
    }
    :host([mode='launcher'][open]) .launcher {
      display: none;
    }
  }
  @media (prefers-reduced-motion: reduce) {
    *,
    *::before,
    *::after {
      animation: none !important;
      transition: none !important;
    }
  }
`;
