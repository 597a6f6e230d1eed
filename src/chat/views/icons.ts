import { html, type TemplateResult } from 'lit';

/** A 24×24 stroked icon, hidden from assistive technology (its button carries the name). */
const icon = (d: string) => html`<svg viewBox="0 0 24 24" aria-hidden="true"><path d=${d}></path></svg>`;

export const chatIcon = icon('M4 5.5A2.5 2.5 0 0 1 6.5 3h11A2.5 2.5 0 0 1 20 5.5v8a2.5 2.5 0 0 1-2.5 2.5H10l-5 4v-4.2A2.5 2.5 0 0 1 4 13.5z');
export const closeIcon = icon('M6 6l12 12M18 6L6 18');
export const sendIcon = icon('M12 19V5M5.5 11.5 12 5l6.5 6.5');
export const stopIcon = icon('M8 8h8v8H8z');
export const copyIcon = icon('M9 9h10v11H9zM5 15V4h10');
export const thumbIcon = icon('M7 11v9H4v-9zM7 11l4-8c1.6 0 2.6 1.2 2.2 2.8L12.5 10H18a2 2 0 0 1 2 2.4l-1.4 6A2 2 0 0 1 16.6 20H7');
export const historyIcon = icon('M4 12a8 8 0 1 0 2.3-5.7L4 8.6M4 4v4.6h4.6M12 8v4.5l3 1.8');
export const newIcon = icon('M12 5v14M5 12h14');
export const backIcon = icon('M15 5l-7 7 7 7');
export const retryIcon = icon('M20 12a8 8 0 1 1-2.3-5.7L20 8.6M20 4v4.6h-4.6');

/** A button showing only an icon, named by `label` (also its tooltip). */
export const iconButton = (label: string, icon: TemplateResult, onClick: () => void, extra = '') =>
  html`<button class="icon ${extra}" type="button" aria-label=${label} title=${label} @click=${onClick}>${icon}</button>`;
