import { css } from 'lit';

// The stylesheet ships inside the script and no minifier touches it: one rule per line, no spaces.
// Internal variables: --_a accent, --_o text on accent, --_b surface, --_f text, --_m muted, --_s soft
// bubble, --_l lines, --_w/--_W warning text/background, --_x error, --_r radius, --_h shadow.
// light-dark() gives both palettes from one block; `theme` only sets the colour scheme.
// This sheet is what the launcher and the panel's frame need; the rest of the panel's look comes with the
// panel module (panel.styles.ts).
export default css`
:host{color-scheme:light dark;--_a:var(--mooni-accent,light-dark(#4f46e5,#8b8ff9));--_o:var(--mooni-accent-text,light-dark(#fff,#11122a));--_b:var(--mooni-surface,light-dark(#fff,#17181d));--_f:var(--mooni-text,light-dark(#1c1e26,#eceef4));--_m:light-dark(#5b6070,#a9aebd);--_s:light-dark(#f1f2f6,#272932);--_l:light-dark(#e1e3ea,#3a3d47);--_w:light-dark(#7a4f00,#ffd27a);--_W:light-dark(#fff4d6,#3a2f12);--_x:light-dark(#b42318,#ff9a8f);--_r:var(--mooni-radius,16px);--_h:0 12px 40px #11142d40;display:block;font:15px/1.45 var(--mooni-font,system-ui,sans-serif);color:var(--_f)}
:host([theme=light]){color-scheme:light}
:host([theme=dark]){color-scheme:dark}
:host([mode=inline]){height:100%}
*{box-sizing:border-box}
[hidden]{display:none!important}
button,textarea{font:inherit;color:inherit}
button{display:inline-flex;align-items:center;justify-content:center;gap:4px;padding:0;border:0;background:none;cursor:pointer}
button:disabled{cursor:default;opacity:.45}
:focus-visible{outline:2px solid var(--_a);outline-offset:2px}
svg{width:20px;height:20px;fill:none;stroke:currentColor;stroke-width:2;stroke-linecap:round;stroke-linejoin:round;flex:none}
.launcher,:host([mode=launcher]) .panel{position:fixed;right:20px;z-index:var(--mooni-z-index,2147483000);box-shadow:var(--_h)}
.launcher{bottom:20px;width:56px;height:56px;border-radius:50%;background:var(--_a);color:var(--_o)}
.launcher svg{width:26px;height:26px}
.panel{display:flex;flex-direction:column;overflow:hidden;height:100%;background:var(--_b);border-radius:var(--_r)}
:host([mode=inline]) .panel{border:1px solid var(--_l)}
.failed{justify-content:center;gap:8px;padding:24px;text-align:center}
:host([mode=launcher]) .panel{bottom:88px;width:min(var(--mooni-panel-width,380px),100vw - 40px);height:min(var(--mooni-panel-height,620px),100vh - 112px);animation:rise .2s ease-out}
@keyframes rise{from{opacity:0;transform:translateY(12px)}}
@media (max-width:480px){:host([mode=launcher]) .panel{inset:0;width:100%;height:100%;border-radius:0}:host([open]) .launcher{display:none}}
@media (prefers-reduced-motion:reduce){*{animation:none!important}}
`;
