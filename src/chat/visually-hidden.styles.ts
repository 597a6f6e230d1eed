import { css } from 'lit';

// Text for screen readers only (the polite status regions, a message's "who said it"): out of sight and out of
// the layout, but in the accessibility tree. One sheet, adopted by every shadow root that has such text: the
// element's (its launcher and the panel module's content) and the embed's bubble. A named export, so the lazy
// modules take the bundle's copy through the shared runtime (src/embed/panel-runtime.ts).
export const visuallyHidden = css`
  .sr {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
`;
