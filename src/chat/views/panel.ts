import { html, nothing, type TemplateResult } from 'lit';
import type { PanelActions, PanelState, PanelView } from '../panel-contract.js';
import { panelWords } from '../panel-strings.js';
import { MAX_QUESTION } from '../limits.js';
import { fill } from '../strings.js';
import { closeIcon, icon, iconButton } from './icons.js';
import { renderMessage } from './message.js';
import { renderConnection, renderTyping } from './realtime.js';

const backIcon = 'M15 5l-7 7 7 7';
const historyIcon = 'M4 12a8 8 0 1 0 2.3-5.7L4 8.6M4 4v4.6h4.6M12 8v4.5l3 1.8';
const newConversationIcon = 'M12 5v14M5 12h14';
const sendIcon = 'M12 19V5M5.5 11.5 12 5l6.5 6.5';

/** The counter under the textbox shows from this many characters left. */
const COUNTER_FROM = 100;

const avatar = (state: PanelView) =>
  html`<span class="avatar" aria-hidden="true">${state.tenantName[0]?.toUpperCase()}</span>`;

/**
 * When a past session was last active, to the minute (seconds only clutter a list of conversations), in the
 * element's language; a `lang` that Intl does not know falls back to the browser's.
 */
const sessionTimes = new Map<string, Intl.DateTimeFormat>();
function sessionTime(lang: string, at: number): string {
  let format = sessionTimes.get(lang);
  if (!format) {
    const style = { dateStyle: 'medium', timeStyle: 'short' } as const;
    try {
      format = new Intl.DateTimeFormat(lang || undefined, style);
    } catch {
      format = new Intl.DateTimeFormat(undefined, style);
    }
    sessionTimes.set(lang, format);
  }
  return format.format(at);
}

function pastSessions(state: PanelView, actions: PanelActions) {
  const { sessions, words } = state;
  const content =
    sessions === 'failed'
      ? html`<p class="note">${words.historyFailed}</p>`
      : sessions?.length === 0
        ? html`<p class="welcome">${words.noHistory}</p>`
        : html`
            <ul class="sessions">
              ${sessions?.map(
                ({ id, title, at }) => html`
                  <li>
                    <button
                      aria-current=${id === state.sessionId ? 'true' : nothing}
                      @click=${() => actions.pickSession(id)}
                    >
                      <strong>${title}</strong>
                      ${at ? html`<span>${sessionTime(state.lang, at)}</span>` : nothing}
                    </button>
                  </li>
                `,
              )}
            </ul>
          `;
  return html`<div class="log" role="region" aria-labelledby="history" aria-busy=${!sessions}>
    <h3 id="history">${words.history}</h3>
    ${content}
  </div>`;
}

/** The empty conversation: a greeting, and the questions the page suggests as chips. */
function welcome(state: PanelView, actions: PanelActions) {
  const chips = state.suggestions.map(
    (question) => html`<button part="chip" class="chip" @click=${() => actions.ask(question)}>${question}</button>`,
  );
  const suggested = chips.length
    ? html`<div class="chips" role="group" aria-labelledby="welcome">${chips}</div>`
    : nothing;
  return html`<div class="welcome">${avatar(state)}<p id="welcome">${state.words.welcome}</p>${suggested}</div>`;
}

function conversation(state: PanelView, actions: PanelActions) {
  const { words } = state;
  // What is sent is trimmed (001), so that is what counts; a longer question is kept whole, never cut.
  const length = state.draft.trim().length;
  const over = length > MAX_QUESTION;
  const counted = MAX_QUESTION - length <= COUNTER_FROM;
  const count = over ? fill(words.overLimit, length) : fill(words.charsLeft, MAX_QUESTION - length);
  // Asking while an answer streams stops that answer (then marked Stopped): said before, not discovered after.
  const stops = state.busy && length > 0;
  const described = [counted && 'counter', stops && 'stops'].filter(Boolean).join(' ');
  const onKeydown = (event: KeyboardEvent) => {
    if (event.key !== 'Enter' || event.shiftKey || event.isComposing) return;
    event.preventDefault();
    actions.submit();
  };
  const onSubmit = (event: Event) => {
    event.preventDefault();
    actions.submit();
  };
  // The log is not live: chunks would be read out one by one. The status region says each answer once.
  return html`
    <div
      part="log"
      class="log"
      role="log"
      aria-live="off"
      aria-label=${words.messages}
      tabindex="0"
      @scroll=${() => actions.scrolled()}
    >
      ${renderConnection(state.connection, words)}
      ${state.messages.length ? nothing : welcome(state, actions)}
      ${
        state.unrendered
          ? html`<button class="chip earlier" @click=${() => actions.earlier()}>${words.earlier}</button>`
          : nothing
      }
      ${state.messages.slice(state.unrendered).map((message) => renderMessage(state, actions, message))}
      ${renderTyping(state.typing, words)}
      ${
        state.ended
          ? html`
            <div class="welcome ended">
              <p>${words.ended}</p>
              <button class="chip" part="chip" @click=${() => actions.newConversation()}>${words.startAgain}</button>
            </div>
          `
          : nothing
      }
    </div>
    ${state.busy ? html`<button class="stop" @click=${() => actions.stopAnswer()}>${words.stop}</button>` : nothing}
    <form @submit=${onSubmit}>
      <textarea
        part="input"
        rows="1"
        dir="auto"
        enterkeyhint="send"
        aria-label=${words.question}
        aria-invalid=${over}
        placeholder=${state.placeholder || words.placeholder}
        aria-describedby=${described || nothing}
        .value=${state.draft}
        @input=${(event: Event) => actions.edit((event.target as HTMLTextAreaElement).value)}
        @keydown=${onKeydown}
      ></textarea>
      <button part="send-button" class="send" aria-label=${words.send} ?disabled=${!length || over}>
        ${icon(sendIcon)}
      </button>
    </form>
    ${stops ? html`<p id="stops" class="counter">${words.sendStops}</p>` : nothing}
    ${counted ? html`<p id="counter" class="counter ${over ? 'over' : ''}">${count}</p>` : nothing}
  `;
}

function headerButtons(state: PanelView, actions: PanelActions) {
  const { words } = state;
  const historyButton =
    state.view === 'history'
      ? iconButton(words.back, backIcon, () => actions.showChat(), nothing, 'back')
      : state.userId
        ? iconButton(words.history, historyIcon, () => actions.showHistory())
        : nothing;
  return html`
    ${historyButton} ${iconButton(words.newConversation, newConversationIcon, () => actions.newConversation())}
    ${state.mode === 'launcher' ? iconButton(words.closeChat, closeIcon, () => actions.close()) : nothing}
  `;
}

/**
 * The panel: header, the log of messages (or the past sessions), Stop, the question form and its counter,
 * and the polite status region.
 */
export function renderPanel(snapshot: PanelState, actions: PanelActions): TemplateResult {
  const state: PanelView = { ...snapshot, words: panelWords(snapshot.words) };
  const launcher = state.mode === 'launcher';
  const onKeydown = (event: KeyboardEvent) => {
    if (event.key !== 'Escape' || !launcher || !state.showing) return;
    event.stopPropagation();
    actions.escape();
  };
  return html`
    <section
      id="panel"
      part="panel"
      class="panel"
      role=${launcher ? 'dialog' : 'region'}
      aria-labelledby="title"
      ?hidden=${!state.showing}
      @keydown=${onKeydown}
    >
      <div class="header" part="header">
        ${avatar(state)}
        <div class="heading">
          <h2 id="title">${state.tenantName}</h2>
          <p>${state.answering}</p>
        </div>
        ${headerButtons(state, actions)}
      </div>
      ${state.view === 'history' ? pastSessions(state, actions) : conversation(state, actions)}
      <div class="sr" role="status">${state.said}</div>
    </section>
  `;
}
