import { html, nothing, type TemplateResult } from 'lit';
import type { ElementStrings } from '../strings.js';
import { closeIcon, icon } from './icons.js';
import { renderUnread, unreadLabel } from './unread.js';

const chatIcon =
  'M4 5.5A2.5 2.5 0 0 1 6.5 3h11A2.5 2.5 0 0 1 20 5.5v8a2.5 2.5 0 0 1-2.5 2.5H10l-5 4v-4.2A2.5 2.5 0 0 1 4 13.5z';

/**
 * The floating button of launcher mode; it controls the panel once there is one. Messages that arrived while
 * it was closed (realtime) show as a badge, in its name, and once in a polite status region.
 */
export function renderLauncher(
  words: ElementStrings,
  open: boolean,
  hasPanel: boolean,
  onClick: () => void,
  unread = 0,
) {
  const label = open ? words.closeChat : words.openChat;
  return html`
    <button
      part="launcher"
      class="launcher"
      aria-expanded=${open}
      aria-controls=${hasPanel ? 'panel' : nothing}
      aria-label=${unread ? `${label}, ${unreadLabel(unread, words)}` : label}
      @click=${onClick}
    >
      ${icon(open ? closeIcon : chatIcon)}
    </button>
    ${renderUnread(unread, words)}
  `;
}

/** What shows instead of the panel when its module could not be loaded: it says so and offers to retry. */
export function renderFailedPanel(
  words: ElementStrings,
  options: { launcher: boolean; name: string; onEscape: () => void; onRetry: () => void },
): TemplateResult {
  const onKeydown = (event: KeyboardEvent) => {
    if (event.key === 'Escape' && options.launcher) options.onEscape();
  };
  return html`
    <section
      id="panel"
      part="panel"
      class="panel failed"
      role=${options.launcher ? 'dialog' : 'region'}
      aria-label=${options.name}
      @keydown=${onKeydown}
    >
      <p>${words.unavailable}</p>
      <button class="retry" @click=${options.onRetry}>${words.retry}</button>
    </section>
  `;
}
