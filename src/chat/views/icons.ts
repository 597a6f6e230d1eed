import { html, type TemplateResult } from 'lit';

/** A 24×24 stroked icon, hidden from assistive technology (its button carries the name). */
export const icon = (d: string): TemplateResult =>
  html`<svg viewBox="0 0 24 24" aria-hidden="true"><path d=${d}></path></svg>`;

/** A button showing only an icon, named by `label` (also its tooltip). */
export const iconButton = (
  label: string,
  d: string,
  onClick: (event: Event) => void,
  extra?: unknown,
  cls = '',
): TemplateResult =>
  html`<button class="icon ${cls}" aria-label=${label} title=${label} @click=${onClick}>${icon(d)}${extra}</button>`;

export const closeIcon = 'M6 6l12 12M18 6L6 18';
