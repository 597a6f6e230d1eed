import { css } from 'lit';

// One rule per line: the stylesheet ships inside the script, so it is kept short.

/** The dark palette, for `theme="dark"` and for `auto` under a dark colour-scheme preference. */
const dark = css`
  --_accent: var(--mooni-accent, #8b8ff9);
  --_on: var(--mooni-accent-text, #11122a);
  --_bg: var(--mooni-surface, #17181d);
  --_fg: var(--mooni-text, #eceef4);
  --_muted: #a9aebd;
  --_soft: #272932;
  --_line: #3a3d47;
  --_warn: #ffd27a;
  --_warn-bg: #3a2f12;
  --_bad: #ff9a8f;
  color-scheme: dark;
`;

export default css`
  :host { --_accent: var(--mooni-accent, #4f46e5); --_on: var(--mooni-accent-text, #fff); --_bg: var(--mooni-surface, #fff); --_fg: var(--mooni-text, #1c1e26); --_muted: #5b6070; --_soft: #f1f2f6; --_line: #e1e3ea; --_warn: #7a4f00; --_warn-bg: #fff4d6; --_bad: #b42318; --_r: var(--mooni-radius, 16px); --_shadow: 0 12px 40px rgb(17 20 45 / 0.2), 0 2px 8px rgb(17 20 45 / 0.08); display: block; font: 15px/1.45 var(--mooni-font, system-ui, sans-serif); color: var(--_fg); color-scheme: light }
  :host([theme='dark']) { ${dark} }
  @media (prefers-color-scheme: dark) { :host(:not([theme='light'])) { ${dark} } }
  :host([mode='inline']) { height: 100% }
  * { box-sizing: border-box }
  [hidden] { display: none !important }
  button, textarea { font: inherit; color: inherit }
  button { display: inline-flex; align-items: center; justify-content: center; gap: 4px; padding: 0; border: 0; background: none; cursor: pointer }
  button:disabled { cursor: default; opacity: 0.45 }
  :focus-visible { outline: 2px solid var(--_accent); outline-offset: 2px }
  svg { width: 20px; height: 20px; fill: none; stroke: currentColor; stroke-width: 2; stroke-linecap: round; stroke-linejoin: round; flex: none }
  /* .msg::before says who said it, for screen readers only: generated content costs no DOM node per message. */
  .sr, .msg::before { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap }

  .launcher { position: fixed; right: 20px; bottom: 20px; z-index: var(--mooni-z-index, 2147483000); width: 56px; height: 56px; border-radius: 50%; background: var(--_accent); color: var(--_on); box-shadow: var(--_shadow); transition: transform 0.15s }
  .launcher:hover { transform: scale(1.06) }
  .launcher svg { width: 26px; height: 26px }
  .panel { display: flex; flex-direction: column; overflow: hidden; height: 100%; background: var(--_bg); color: var(--_fg); border-radius: var(--_r) }
  :host([mode='inline']) .panel { border: 1px solid var(--_line) }
  :host([mode='launcher']) .panel { position: fixed; right: 20px; bottom: 88px; z-index: var(--mooni-z-index, 2147483000); width: min(var(--mooni-panel-width, 380px), 100vw - 40px); height: min(var(--mooni-panel-height, 620px), 100vh - 112px); box-shadow: var(--_shadow); animation: rise 0.2s ease-out }
  @keyframes rise { from { opacity: 0; transform: translateY(12px) } }

  header { display: flex; align-items: center; gap: 8px; padding: 14px 12px 14px 16px; background: var(--_accent); color: var(--_on) }
  header :focus-visible { outline-color: currentColor }
  .avatar { display: grid; place-items: center; width: 36px; height: 36px; border-radius: 50%; background: rgb(255 255 255 / 0.22); font-weight: 700 }
  .heading { flex: 1; min-width: 0 }
  h2, .heading p { margin: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap }
  h2 { font-size: 16px; font-weight: 650 }
  .heading p { font-size: 12.5px; opacity: 0.9 }
  .icon { padding: 6px; border-radius: 8px }
  .icon:hover { background: rgb(127 127 127 / 0.16) }

  .log { flex: 1; overflow-y: auto; overscroll-behavior: contain; padding: 16px 14px 8px; display: flex; flex-direction: column; gap: 12px }
  .welcome { margin: auto; padding: 24px; text-align: center; color: var(--_muted) }
  .welcome .avatar { width: 56px; height: 56px; margin: 0 auto 12px; background: var(--_accent); color: var(--_on); font-size: 22px }
  .msg { position: relative; display: flex; flex-direction: column; align-items: flex-start; gap: 6px; max-width: 88%; padding: 4px; margin: -4px; content-visibility: auto; contain-intrinsic-size: auto 60px }
  .msg::before { content: attr(data-who) ': ' }
  .msg:has(.cards, .code) { max-width: 100% }
  .user { align-self: flex-end; align-items: flex-end }
  .bubble { max-width: 100%; padding: 9px 13px; border-radius: 18px 18px 18px 6px; background: var(--_soft); overflow-wrap: anywhere; animation: rise 0.18s ease-out }
  .user .bubble { border-radius: 18px 18px 6px 18px; background: var(--_accent); color: var(--_on); white-space: pre-wrap }
  .warning .bubble { background: var(--_warn-bg); color: var(--_warn); box-shadow: inset 3px 0 currentColor }
  .bubble > :first-child { margin-top: 0 }
  .bubble > :last-child { margin-bottom: 0 }
  .bubble p, .bubble ul, .bubble ol, .bubble pre { margin: 0 0 8px }
  .bubble ul, .bubble ol { padding-left: 20px }
  .bubble a { color: inherit; text-underline-offset: 2px }
  code, pre { font: 13px/1.5 ui-monospace, Menlo, Consolas, monospace }
  .bubble code { padding: 1px 4px; border-radius: 4px; background: rgb(127 127 127 / 0.16) }
  .typing { display: flex; gap: 4px; padding: 13px 14px }
  .typing i { width: 7px; height: 7px; border-radius: 50%; background: var(--_muted); animation: blink 1.2s infinite }
  .typing i:nth-child(2) { animation-delay: 0.15s }
  .typing i:nth-child(3) { animation-delay: 0.3s }
  @keyframes blink { 40% { opacity: 0.3; transform: translateY(-3px) } }

  .note { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 10px; margin: 0; font-size: 13px; color: var(--_bad) }
  .retry { color: var(--_accent); font-weight: 600 }
  .retry svg, .tools svg { width: 16px; height: 16px }
  .faqs { display: grid; gap: 6px }
  .earlier { align-self: center }
  .label { font-size: 12px; font-weight: 600; color: var(--_muted); text-transform: uppercase; letter-spacing: 0.04em }
  .chips { display: flex; flex-wrap: wrap; gap: 6px }
  .chip, .card-button { padding: 6px 12px; border: 1px solid var(--_accent); border-radius: 999px; background: var(--_bg); color: var(--_accent); font-size: 14px; font-weight: 500; text-align: left; text-decoration: none }
  .chip:hover, .card-button:hover { background: var(--_accent); color: var(--_on) }
  .faqs .chip { padding: 4px 11px; border-color: var(--_line); font-size: 13px }
  .tools { display: flex; gap: 2px; font-size: 12px; color: var(--_muted) }
  .tools .icon:hover, [aria-pressed='true'] { color: var(--_fg) }
  [aria-pressed='true'] svg { fill: currentColor; fill-opacity: 0.25 }
  .down svg { transform: rotate(180deg) }

  .cards { display: flex; gap: 10px; margin: 0; padding: 2px 2px 6px; list-style: none; max-width: 100%; overflow-x: auto; scroll-snap-type: x mandatory }
  .card { flex: 0 0 220px; display: flex; flex-direction: column; overflow: hidden; border: 1px solid var(--_line); border-radius: var(--_r); background: var(--_bg); scroll-snap-align: start }
  .card:only-child { flex-basis: 260px }
  .card img { width: 100%; height: 120px; object-fit: cover; background: var(--_soft) }
  .card > div { padding: 10px 12px 0 }
  .card p { margin: 2px 0 0; font-size: 13px; color: var(--_muted) }
  .card .chips { padding: 8px 12px 12px }
  .card-button { padding: 4px 10px; font-size: 13px }
  .image { max-width: 100%; max-height: 240px; border-radius: var(--_r) }
  .code { position: relative; width: 100% }
  pre { margin: 0; padding: 12px 14px; overflow-x: auto; border: 1px solid var(--_line); border-radius: 10px; background: #1e1f29; color: #e8e9f1; white-space: pre }
  .code pre { padding-top: 34px }
  .code .icon { position: absolute; top: 6px; right: 6px; padding: 3px 7px; background: #34364a; color: #e8e9f1; font-size: 12px }
  .code svg { width: 14px; height: 14px }

  .stop { align-self: center; margin: 4px; padding: 5px 14px; border: 1px solid var(--_line); border-radius: 999px; font-size: 13px }
  .stop svg { width: 14px; height: 14px; fill: currentColor }
  form { display: flex; align-items: flex-end; gap: 8px; margin: 4px 12px 12px; padding: 6px 6px 6px 14px; border: 1px solid var(--_line); border-radius: 22px }
  form:focus-within { border-color: var(--_accent); box-shadow: 0 0 0 3px color-mix(in srgb, var(--_accent) 22%, transparent) }
  /* 16px keeps iOS from zooming into the field. */
  textarea { flex: 1; min-height: 36px; max-height: 120px; padding: 7px 0; border: 0; outline: 0; resize: none; background: none; font-size: 16px; line-height: 22px; field-sizing: content }
  textarea:focus-visible { outline: 0 }
  textarea::placeholder { color: var(--_muted); opacity: 1 }
  .send { width: 36px; height: 36px; border-radius: 50%; background: var(--_accent); color: var(--_on) }
  .counter { margin: -8px 20px 8px; font-size: 12px; text-align: right; color: var(--_muted) }
  .low { color: var(--_bad) }

  .sessions { margin: 0; padding: 0; list-style: none; display: grid; gap: 6px }
  .sessions button { display: grid; width: 100%; padding: 10px 12px; border: 1px solid var(--_line); border-radius: 12px; text-align: left }
  .sessions button:hover, [aria-current='true'] { border-color: var(--_accent) }
  .sessions span { font-size: 12px; color: var(--_muted) }

  @media (max-width: 480px) {
    :host([mode='launcher']) .panel { inset: 0; width: 100%; height: 100%; border-radius: 0 }
    :host([open]) .launcher { display: none }
  }
  @media (prefers-reduced-motion: reduce) {
    * { animation: none !important; transition: none !important }
  }
`;
