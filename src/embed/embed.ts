import { adoptStyles, css, html, render } from 'lit';
import type { Card } from '../chat/model.js';
import type { MooniCloseDetail } from '../chat/events.js';
import type { MooniFrame } from '../chat/mooni-frame.js';
import type { SuggestedAction } from '../mood/types.js';
import type { MoodSnapshot, Tracker } from '../tracker/types.js';
import type { EmbedConfig } from './config.js';
import { decideIntervention, interventionFor, type InterventionKind } from './interventions.js';
import {
  HOOK_ALIASES,
  type EmbedTexts,
  type HelpTopic,
  type HookBase,
  type MooniApi,
  type MooniHookMap,
  type MooniOptions,
} from './mooni-api.js';

const TEXTS: EmbedTexts = {
  proactive: "Looks like something isn't working — can I help?",
  nudge: 'Need a hand? Ask us anything.',
  nudgeOpen: 'Ask a question',
  dismiss: 'Dismiss',
  recommendations: 'A few things people often look for:',
  exitTitle: 'Before you go',
  exitSubtitle: 'Is something holding you back? We answer in seconds.',
  exitButton: 'Ask a question',
  exitQuestion: 'I have a question before I decide',
};

const TOPICS: HelpTopic[] = [
  { title: 'Delivery', question: 'How long does delivery take?' },
  { title: 'Returns', question: 'How do I return an item?' },
  { title: 'Payment', question: 'Why did my payment fail?' },
];

/** sessionStorage key of `{ at, closed }`: epoch ms of the last intervention; the user closed the chat. */
const STATE_KEY = 'mooni_embed';

// The nudge's look, a constructable sheet (CSP-safe). Its colours follow the colour scheme, its button the
// element's --mooni-accent.
const NUDGE_STYLES = css`
  aside {
    position: fixed;
    right: 20px;
    bottom: 96px;
    z-index: 2147483000;
    max-width: 20rem;
    padding: 0 40px 16px 16px;
    border-radius: 14px;
    color-scheme: light dark;
    background: var(--mooni-surface, Canvas);
    color: var(--mooni-text, CanvasText);
    box-shadow: 0 8px 32px #0004;
    font: 15px/1.4 var(--mooni-font, system-ui, sans-serif);
  }

  button {
    font: inherit;
    border: 0;
    border-radius: 8px;
    padding: 8px 12px;
    background: var(--mooni-accent, #4f46e5);
    color: var(--mooni-accent-text, #fff);
  }

  .dismiss {
    position: absolute;
    top: 6px;
    right: 6px;
    background: 0;
    color: inherit;
    font-size: 20px;
  }
`;

const card = (title: string, subtitle: string | undefined, label: string, message = label): Card => ({
  title,
  subtitle,
  buttons: [{ type: 'message', label, message }],
});

/** `window.Mooni`'s methods that act on the chat. */
export type EmbedMethods = Pick<MooniApi, 'open' | 'close' | 'toggle' | 'send' | 'say' | 'reset' | 'intervene'>;

/**
 * Everything the embed does around the element: the hooks (mood and conversation), interventions for
 * suggested actions under the rules of `decideIntervention`, and the loop closed with /feedback: engaging
 * within the window is `was_helpful: true`, dismissing is `false`, silence leaves it out.
 */
export function createEmbed(
  frame: MooniFrame,
  tracker: Tracker | null,
  config: EmbedConfig,
  options: MooniOptions,
  /** Keys count as typing for this long; a held-back intervention is reconsidered after it. */
  typingMs = 2500,
): EmbedMethods & { consider(snapshot: MoodSnapshot): void } {
  /**
   * Dispatches a hook on `window`, and under its earlier name when it has one; false when a subscriber vetoed it
   * (a throwing one stops nothing).
   */
  const emit = <K extends keyof MooniHookMap>(
    type: K,
    payload: Omit<MooniHookMap[K], keyof HookBase>,
    cancelable?: boolean,
  ) => {
    const detail = { timestamp: new Date().toISOString(), sessionId: tracker?.sessionId ?? null, ...payload };
    const alias = (HOOK_ALIASES as Partial<Record<string, string>>)[type];
    if (alias) dispatchEvent(new CustomEvent('mooni:' + alias, { detail }));
    return dispatchEvent(new CustomEvent('mooni:' + type, { detail, cancelable }));
  };
  let state: { at?: number; closed?: boolean } = {};
  try {
    state = JSON.parse(sessionStorage[STATE_KEY]);
  } catch {
    // none yet (or storage blocked: the rules then hold for this page only)
  }
  const save = () => {
    try {
      sessionStorage[STATE_KEY] = JSON.stringify(state);
    } catch {}
  };
  let typedAt = 0;
  let retry: ReturnType<typeof setTimeout> | undefined;
  /** The intervention waiting for the user's response: reports it once. */
  let settle: ((wasHelpful: boolean | undefined, notes: string) => void) | undefined;
  let inChat = false;
  let messages = 0;
  let startedAt = 0;
  let previousMood = tracker?.mood?.mood ?? null;

  const complete = (reason: 'closed' | 'reset') => {
    if (messages) {
      const durationMs = Date.now() - startedAt;
      emit('conversation.completed', { conversationId: frame.sessionId, reason, messages, durationMs });
    }
    messages = 0;
  };

  // Typing is text actually changing (input events are composed, so the chat's own textbox counts too);
  // Escape, Tab or arrows are not typing. Nothing of the event is read but its time.
  addEventListener('input', () => (typedAt = Date.now()), true);

  for (const type of 'open close send quick-reply card-action'.split(' ')) {
    frame.addEventListener('mooni-' + type, (event) => {
      const closed = type === 'close';
      if (type === 'send') {
        if (!messages++) {
          startedAt = Date.now();
          // A first message while an intervention waits for its response answers it.
          emit('conversation.started', { conversationId: frame.sessionId, trigger: settle ? 'intervention' : 'user' });
        }
        emit('conversation.message_sent', { text: (event as CustomEvent<{ text: string }>).detail.text });
      }
      if (closed) {
        complete('closed');
        // Closed by the page (Mooni.close(), el.hide()): not the user's choice.
        if ((event as CustomEvent<MooniCloseDetail>).detail.source === 'api') return;
        state.closed = true;
        save();
      }
      // The user's response: to the nudge, opening the chat; in the chat, answering (true) or closing it (false).
      if ((type === 'open') !== inChat) settle?.(!closed, (closed ? 'dismissed: ' : 'engaged: ') + type);
    });
  }

  function perform(action: SuggestedAction, kind: InterventionKind) {
    settle?.(undefined, 'replaced');
    state.at = Date.now();
    save();
    const t = { ...TEXTS, ...options.texts };
    const timer = setTimeout(() => settle?.(undefined, 'no response'), config.feedbackWindow * 1000);
    let nudge: HTMLElement | undefined;
    settle = (wasHelpful, notes) => {
      settle = undefined;
      clearTimeout(timer);
      nudge?.remove();
      tracker?.feedback({ action_taken: action, was_helpful: wasHelpful, notes }).catch(() => {});
      emit('action.feedback', { action, intervention: kind, wasHelpful, notes });
    };
    inChat = kind !== 'nudge';
    if (inChat) {
      frame.show();
      frame.say(
        kind === 'open_chat'
          ? t.proactive
          : kind === 'recommendations'
            ? {
                text: t.recommendations,
                templates: [
                  {
                    type: 'card',
                    cards: (options.recommendations ?? TOPICS).map((h) => card(h.title, h.subtitle, h.question)),
                  },
                ],
              }
            : {
                templates: [{ type: 'card', cards: [card(t.exitTitle, t.exitSubtitle, t.exitButton, t.exitQuestion)] }],
              },
      );
      return;
    }
    // The nudge: a small bubble by the launcher. It never takes focus; Escape (focus inside) or × dismisses it.
    const question =
      options.question ?? document.querySelector<HTMLMetaElement>('meta[name="mooni:question"]')?.content;
    const dismiss = () => settle?.(false, 'dismissed: nudge');
    // Asked before settling, so the conversation it starts counts as started by the intervention.
    const go = () => (question ? frame.send(question) : frame.show(), settle?.(true, 'engaged: nudge'));
    nudge = document.createElement('div');
    nudge.dataset.mooniNudge = '';
    if (frame.lang) nudge.lang = frame.lang;
    const root = nudge.attachShadow({ mode: 'open' });
    adoptStyles(root, [NUDGE_STYLES]);
    render(
      html`
        <aside aria-label=${t.nudge} @keydown=${(e: KeyboardEvent) => e.key === 'Escape' && dismiss()}>
          <p role="status">${t.nudge}</p>
          <button class="go" @click=${go}>${question || t.nudgeOpen}</button>
          <button class="dismiss" aria-label=${t.dismiss} @click=${dismiss}>×</button>
        </aside>
      `,
      root,
    );
    document.body.append(nudge);
  }

  function consider(snapshot: MoodSnapshot, again?: boolean) {
    clearTimeout(retry);
    const now = Date.now();
    const { suggested_action: action, mood, confidence, signals } = snapshot;
    const { intervention, reason } = decideIntervention(action, {
      now,
      lastInterventionAt: state.at,
      cooldownMs: (options.cooldown ?? config.cooldown) * 1000,
      enabled: config.interventions,
      userClosedChat: state.closed,
      typingRecently: now - typedAt < typingMs,
      chatOpen: frame.showing,
    });
    if (reason === 'no_action') return;
    if (reason === 'typing') {
      retry = setTimeout(() => consider(snapshot, true), typingMs);
      if (again) return;
    }
    if (
      emit('action.suggested', { action, mood, confidence, signals, intervention, skipped: reason }, !!intervention) &&
      intervention
    )
      perform(action, intervention);
  }

  tracker?.on('mood', (snapshot) => {
    const { mood, confidence, signals } = snapshot;
    if (mood === previousMood) return;
    emit('session.mood_changed', {
      mood,
      previousMood,
      confidence,
      signals,
      suggestedAction: snapshot.suggested_action,
      eventCount: snapshot.event_count,
    });
    previousMood = mood;
    consider(snapshot);
  });

  return {
    consider,
    open: () => frame.show(),
    close: () => frame.hide(),
    toggle: () => frame.toggle(),
    send: (text) => frame.send(text),
    say: (message) => frame.say(message),
    reset() {
      complete('reset');
      frame.reset();
    },
    /** A host's explicit request: no rules, but the outcome is still reported. */
    intervene(action) {
      const kind = interventionFor(action);
      if (kind) perform(action, kind);
    },
  };
}
