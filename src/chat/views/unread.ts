// The launcher's side of the realtime channel (in the bundle loaded up front; the panel's side is realtime.ts).
import { html, nothing } from 'lit';
import { fill, type ElementStrings } from '../strings.js';

/** "1 unread message" / "3 unread messages". */
export const unreadLabel = (count: number, words: ElementStrings) =>
  fill(count === 1 ? words.unreadOne : words.unreadMany, count);

/**
 * The launcher's unread badge (hidden from assistive technology: the launcher's name and the polite region
 * beside it say the count), and that region, which says it once per new count.
 */
export function renderUnread(count: number, words: ElementStrings) {
  return html`${
    count ? html`<span part="badge" class="badge" aria-label=${unreadLabel(count, words)}>${count}</span>` : nothing
  }<span class="sr" role="status">${count ? unreadLabel(count, words) : ''}</span>`;
}
