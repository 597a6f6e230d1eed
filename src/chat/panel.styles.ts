import { css } from 'lit';

// The panel's content: header, log, messages, templates, composer, past sessions. It ships in the panel
// module, loaded on demand, and uses the --frame-* properties that mooni-frame.styles.ts sets on :host, and
// these of its own. Sides are logical (inline-start/end, block-start/end), so the panel mirrors under
// dir="rtl"; the safe-area insets are physical, and so are the properties that pad them.
export default css`
  :host {
    --frame-muted: light-dark(#5b6070, #a9aebd);
    --frame-soft-background: light-dark(#f1f2f6, #272932);
    --frame-warning-text: light-dark(#7a4f00, #ffd27a);
    --frame-warning-background: light-dark(#fff4d6, #3a2f12);
    --frame-accent-edge: 3px;
    --frame-ring-reach: 4px;
    /*
     * Every inherited text property, pinned: a host page's rules for all elements ("* { line-height: 3 }") reach
     * the host element and beat :host's normal declarations, and all of the panel would inherit them. The
     * --mooni-* properties stay the page's way in. Here, not with the launcher: only text needs it.
     */
    font: 15px/1.45 var(--mooni-font, system-ui, sans-serif) !important;
    letter-spacing: normal !important;
    word-spacing: normal !important;
    text-transform: none !important;
    text-indent: 0 !important;
    text-align: start !important;
    text-shadow: none !important;
    white-space: normal !important;
    color: var(--frame-text) !important;
  }

  /* A div, not <header>: inside the dialog a <header> would be a second banner landmark beside the host page's. */
  .header {
    display: flex;
    align-items: center;
    gap: 8px;
    padding-block: 14px;
    padding-inline: 16px 12px;
    background: var(--frame-accent);
    color: var(--frame-accent-text);
  }

  .header :focus-visible {
    outline-color: currentColor;
  }

  .avatar {
    display: grid;
    place-items: center;
    width: 36px;
    height: 36px;
    border-radius: 50%;
    background: #fff3;
    font-weight: 700;
  }

  .heading {
    flex: 1;
    min-width: 0;
  }

  h2, .heading p {
    margin: 0;
    overflow: hidden;
    text-overflow: ellipsis;
    white-space: nowrap;
  }

  h2 {
    font-size: 16px;
  }

  .heading p {
    font-size: 13px;
  }

  .icon {
    padding: 6px;
    border-radius: 8px;
  }

  .icon:hover {
    background: #8882;
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
    color: var(--frame-muted);
  }

  .welcome .chips {
    justify-content: center;
    margin-top: 12px;
  }

  .welcome .avatar {
    width: 56px;
    height: 56px;
    margin: 0 auto 12px;
    background: var(--frame-accent);
    color: var(--frame-accent-text);
    font-size: 22px;
  }

  .msg {
    position: relative;
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: 6px;
    max-width: 88%;
  }

  /*
   * Each paragraph of a message, chip, card or past session reads in its own direction (an English answer in a
   * Hebrew panel, a Hebrew one in an English panel), as dir="auto" would, while the box keeps the panel's: its tail,
   * stripe and place still mirror with the panel.
   */
  .bubble, .bubble *, .chip, .card-button, .card>div, .sessions button {
    unicode-bidi: plaintext;
  }

  .msg:has(.cards, .code) {
    max-width: 100%;
  }

  .user {
    align-self: flex-end;
    align-items: flex-end;
  }

  .bubble {
    max-width: 100%;
    padding: 9px 13px;
    border-radius: 18px;
    border-end-start-radius: 6px;
    background: var(--frame-soft-background);
    overflow-wrap: anywhere;
    animation: rise .18s ease-out;
  }

  .user .bubble {
    border-end-start-radius: 18px;
    border-end-end-radius: 6px;
    background: var(--frame-accent);
    color: var(--frame-accent-text);
    white-space: pre-wrap;
  }

  /* A straight accent: square corners on its side, so the edge does not follow a curve. */
  .warning .bubble {
    border-inline-start: var(--frame-accent-edge) solid;
    border-start-start-radius: 0;
    border-end-start-radius: 0;
    background: var(--frame-warning-background);
    color: var(--frame-warning-text);
  }

  .bubble>* {
    margin: 0 0 8px;
  }

  .bubble>:last-child {
    margin: 0;
  }

  .bubble ul, .bubble ol {
    padding-inline-start: 20px;
  }

  .bubble a {
    color: inherit;
  }

  code, pre {
    font: 13px/1.5 ui-monospace, Menlo, Consolas, monospace;
  }

  .bubble code {
    padding: 1px 4px;
    border-radius: 4px;
    background: #8882;
  }

  .connection {
    margin: 0 0 8px;
    padding: 6px 10px;
    border-radius: 8px;
    background: var(--frame-warning-background);
    color: var(--frame-warning-text);
    font-size: 13px;
    text-align: center;
  }

  .agent-typing {
    margin: 4px 0;
    color: var(--frame-muted);
    font-size: 13px;
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
    background: var(--frame-muted);
    animation: blink 1.2s infinite;
  }

  .typing i+i {
    animation-delay: .15s;
  }

  .typing i+i+i {
    animation-delay: .3s;
  }

  @keyframes blink {
    40% {
      opacity: .3;
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
    color: var(--frame-error);
  }

  .retry {
    color: var(--frame-accent);
    font-weight: 600;
  }

  .tools svg, .code svg {
    width: 16px;
    height: 16px;
  }

  .faqs {
    display: grid;
    gap: 6px;
  }

  .earlier {
    align-self: center;
  }

  .label {
    font-size: 12px;
    font-weight: 600;
    color: var(--frame-muted);
  }

  .chips {
    display: flex;
    flex-wrap: wrap;
    gap: 6px;
  }

  .chip, .card-button {
    padding: 6px 12px;
    border: 1px solid var(--frame-accent);
    border-radius: 99px;
    background: var(--frame-surface);
    color: var(--frame-accent);
    font-size: 14px;
    text-align: start;
    text-decoration: none;
  }

  .chip-image {
    width: 20px;
    height: 20px;
    margin-block: -2px;
    margin-inline: 0 6px;
    border-radius: 4px;
    object-fit: cover;
    vertical-align: middle;
  }

  .chip:hover, .card-button:hover {
    background: var(--frame-accent);
    color: var(--frame-accent-text);
  }

  .faqs .chip, .card-button {
    padding: 4px 10px;
    font-size: 13px;
  }

  .faqs .chip {
    border-color: var(--frame-line);
  }

  .tools {
    display: flex;
    gap: 2px;
    font-size: 12px;
    color: var(--frame-muted);
  }

  .tools .icon:hover, [aria-pressed=true] {
    color: var(--frame-text);
  }

  /* Pressed is a solid thumb in a ring, not only a darker one. */
  [aria-pressed=true] {
    box-shadow: inset 0 0 0 1.5px;
  }

  [aria-pressed=true] svg {
    fill: currentColor;
  }

  .down svg {
    rotate: 180deg;
  }

  /* Arrows that point back or forth mirror; the others (send, up) do not. */
  :host(:dir(rtl)) .back svg {
    scale: -1 1;
  }

  /* Room inside the scroller for a focused card's ring, which would be cut off at its edge. */
  .cards {
    display: flex;
    gap: 10px;
    margin: 0;
    padding: var(--frame-ring-reach) var(--frame-ring-reach) 6px;
    list-style: none;
    max-width: 100%;
    overflow-x: auto;
    scroll-padding-inline: var(--frame-ring-reach);
  }

  .card {
    flex: 0 0 220px;
    display: flex;
    flex-direction: column;
    overflow: hidden;
    border: 1px solid var(--frame-line);
    border-radius: var(--frame-radius);
  }

  .card img {
    width: 100%;
    height: 120px;
    object-fit: cover;
  }

  .card>div {
    padding: 10px 12px 0;
  }

  .card p {
    margin: 2px 0 0;
    font-size: 13px;
    color: var(--frame-muted);
  }

  .card .chips {
    padding: 8px 12px 12px;
  }

  .image {
    max-width: 100%;
    max-height: 240px;
    border-radius: var(--frame-radius);
  }

  .code {
    position: relative;
    width: 100%;
  }

  pre {
    padding: 12px 14px;
    overflow-x: auto;
    border-radius: 10px;
    background: #1e1f29;
    color: #e8e9f1;
    white-space: pre;
  }

  .code pre {
    margin: 0;
    padding-top: 34px;
  }

  .code .icon {
    position: absolute;
    top: 6px;
    inset-inline-end: 6px;
    padding: 3px 7px;
    background: #34364a;
    color: #e8e9f1;
    font-size: 12px;
  }

  .stop {
    align-self: center;
    margin: 4px;
    padding: 5px 14px;
    border: 1px solid var(--frame-line);
    border-radius: 99px;
    font-size: 13px;
  }

  form {
    display: flex;
    align-items: flex-end;
    gap: 8px;
    margin: 4px 12px 12px;
    padding: 6px;
    padding-inline-start: 14px;
    border: 1px solid var(--frame-line);
    border-radius: 22px;
  }

  form:focus-within {
    border-color: var(--frame-accent);
    box-shadow: 0 0 0 1px var(--frame-accent);
  }

  textarea {
    flex: 1;
    min-height: 36px;
    max-height: 120px;
    padding: 7px 0;
    border: 0;
    resize: none;
    background: none;
    font-size: 16px;
    line-height: 22px;
    field-sizing: content;
  }

  textarea, textarea:focus-visible {
    outline: 0;
  }

  textarea::placeholder {
    color: var(--frame-muted);
    opacity: 1;
  }

  .send {
    width: 36px;
    height: 36px;
    border-radius: 50%;
    background: var(--frame-accent);
    color: var(--frame-accent-text);
  }

  .counter {
    margin: -8px 20px 8px;
    font-size: 12px;
    text-align: end;
    color: var(--frame-muted);
  }

  .counter.over {
    color: var(--frame-warning-text);
    font-weight: 600;
  }

  .sessions {
    margin: 0;
    padding: 0;
    list-style: none;
    display: grid;
    gap: 6px;
  }

  #history {
    margin: 0;
    font-size: 15px;
  }

  /* Rows read from their start edge (a button centres its content by default). */
  .sessions button {
    display: grid;
    justify-items: start;
    justify-content: stretch;
    width: 100%;
    padding: 10px 12px;
    border: 1px solid var(--frame-line);
    border-radius: 12px;
    text-align: start;
  }

  .sessions button:hover, [aria-current=true] {
    border-color: var(--frame-accent);
  }

  /* The conversation shown now: a thick start edge, not only another border colour. */
  .sessions [aria-current=true] {
    border-inline-start-width: var(--frame-accent-edge);
  }

  .sessions span {
    font-size: 12px;
    color: var(--frame-muted);
  }

  :host([mode=launcher]) .panel {
    animation: rise .2s ease-out;
  }

  @keyframes rise {
    from {
      opacity: 0;
      transform: translateY(12px);
    }
  }

  /*
   * Full screen on a phone: the panel is sized to the visual viewport (the part of the page the on-screen keyboard
   * leaves), which the viewport controller writes on it, so the composer and the newest message stay in sight. The
   * insets keep it clear of notches and the home indicator; with the keyboard up, the bottom one is not needed.
   */
  @media (max-width: 480px) {
    :host([mode=launcher]) .panel {
      inset: 0;
      top: var(--viewport-top, 0px);
      width: 100%;
      height: var(--viewport-height, 100%);
      border-radius: 0;
      padding-right: env(safe-area-inset-right);
      padding-bottom: var(--viewport-bottom-inset, env(safe-area-inset-bottom));
      padding-left: env(safe-area-inset-left);
    }

    :host([mode=launcher]) .header {
      padding-top: calc(14px + env(safe-area-inset-top));
    }

    :host([open]) .launcher {
      display: none;
    }
  }

  @media (prefers-reduced-motion: reduce) {
    * {
      animation: none !important;
    }
  }
`;
