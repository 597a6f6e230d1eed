import type { Card } from '../chat/model.js';
import type { MooniFrame } from '../chat/mooni-frame.js';
import type { SuggestedAction } from '../mood/types.js';
import type { Tracker, MoodSnapshot } from '../tracker/types.js';
import { decideIntervention, INTERVENTIONS, type InterventionKind } from './interventions.js';
import { emit, type EmbedTexts, type HelpTopic, type MooniOptions, type SayMessage } from './mooni-api.js';
import type { EmbedConfig } from './config.js';
import { showNudge } from './nudge.js';


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

const STATE_KEY = 'mooni_embed';

interface SessionState {
  /** Epoch ms of the last intervention. */
  at: number | null;
  /** The user closed the chat. */
  closed: boolean;
}

function load(): SessionState {
  try {
    return { at: null, closed: false, ...JSON.parse(sessionStorage.getItem(STATE_KEY) ?? '{}') };
  } catch {
    return { at: null, closed: false };
  }
}

/**
 * Acts on suggested actions under the rules of `decideIntervention`, and closes the loop with /feedback:
 * engaging within the window is `was_helpful: true`, dismissing is `false`, silence leaves it out.
 */
export function createInterventions(
  frame: MooniFrame,
  tracker: Tracker | null,
  config: EmbedConfig,
  options: MooniOptions,
  /** Keys count as typing for this long; a held-back intervention is reconsidered after it. */
  typingMs = 2500,
) {
  const state = load();
  const save = () => {
    try {
      sessionStorage.setItem(STATE_KEY, JSON.stringify(state));
    } catch {
      // Storage may be blocked; the rules then hold for this page only.
    }
  };
  let lastKeyAt = 0;
  let retry: ReturnType<typeof setTimeout> | undefined;
  let settle: ((wasHelpful: boolean | undefined, notes: string) => void) | null = null;
  let closingByApi = false;
  const sessionId = () => tracker?.sessionId ?? null;

  // Typing is text actually changing (input events are composed, so the chat's own textbox counts too);
  // Escape, Tab or arrows are not typing. Nothing of the event is read but its time.
  addEventListener('input', () => (lastKeyAt = Date.now()), { capture: true, passive: true });
  frame.addEventListener('mooni-close', () => {
    if (closingByApi) return;
    state.closed = true;
    save();
  });

  const texts = (): EmbedTexts => ({ ...TEXTS, ...options.texts });

  function say(kind: InterventionKind): SayMessage {
    const t = texts();
    if (kind === 'open_chat') return t.proactive;
    const cards: Card[] =
      kind === 'recommendations'
        ? (options.recommendations ?? TOPICS).map((topic) => ({
            title: topic.title,
            subtitle: topic.subtitle,
            buttons: [{ type: 'message', label: topic.question, message: topic.question }],
          }))
        : [
            {
              title: t.exitTitle,
              subtitle: t.exitSubtitle,
              buttons: [{ type: 'message', label: t.exitButton, message: t.exitQuestion }],
            },
          ];
    return { text: kind === 'recommendations' ? t.recommendations : undefined, templates: [{ type: 'card', cards }] };
  }

  /** Listens on the element until the user engages or dismisses; `outcomes` maps an event to was_helpful. */
  function watchOutcome(action: SuggestedAction, kind: InterventionKind, outcomes: Record<string, boolean>, cleanup?: () => void) {
    settle?.(undefined, 'replaced by a newer intervention');
    const listeners = Object.entries(outcomes).map(([type, helpful]) => {
      const listener = () => {
        if (type !== 'mooni-close' || !closingByApi) settle?.(helpful, `${helpful ? 'engaged' : 'dismissed'}: ${type.slice(6)}`);
      };
      frame.addEventListener(type, listener);
      return () => frame.removeEventListener(type, listener);
    });
    const timer = setTimeout(() => settle?.(undefined, 'no response'), config.feedbackWindow * 1000);
    settle = (wasHelpful, notes) => {
      settle = null;
      clearTimeout(timer);
      listeners.forEach((off) => off());
      cleanup?.();
      tracker?.feedback({ action_taken: action, was_helpful: wasHelpful, notes }).catch(() => undefined);
      emit('action.feedback', { action, intervention: kind, wasHelpful, notes }, sessionId());
    };
  }

  function perform(action: SuggestedAction, kind: InterventionKind) {
    state.at = Date.now();
    save();
    if (kind === 'nudge') {
      const t = texts();
      const question =
        options.question ?? document.querySelector<HTMLMetaElement>('meta[name="mooni:question"]')?.content;
      const remove = showNudge({
        text: t.nudge,
        action: question || t.nudgeOpen,
        dismissLabel: t.dismiss,
        lang: config.locale,
        onAction: () => {
          // Asked before settling, so the conversation it starts counts as started by the intervention.
          frame.show();
          if (question) frame.send(question);
          settle?.(true, 'engaged: nudge');
        },
        onDismiss: () => settle?.(false, 'dismissed: nudge'),
      });
      watchOutcome(action, kind, { 'mooni-open': true }, remove);
      return;
    }
    frame.show();
    frame.say(say(kind));
    watchOutcome(action, kind, { 'mooni-send': true, 'mooni-quick-reply': true, 'mooni-card-action': true, 'mooni-close': false });
  }

  function consider(snapshot: MoodSnapshot, again = false) {
    clearTimeout(retry);
    const now = Date.now();
    const decision = decideIntervention(snapshot.suggested_action, {
      now,
      lastInterventionAt: state.at,
      cooldownMs: (options.cooldown ?? config.cooldown) * 1000,
      enabled: config.interventions,
      userClosedChat: state.closed,
      typingRecently: now - lastKeyAt < typingMs,
      chatOpen: frame.open || frame.mode === 'inline',
    });
    if (decision.reason === 'no_action') return;
    if (decision.reason === 'typing') {
      retry = setTimeout(() => consider(snapshot, true), typingMs);
      if (again) return;
    }
    const go = emit(
      'action.suggested',
      {
        action: snapshot.suggested_action,
        mood: snapshot.mood,
        confidence: snapshot.confidence,
        signals: snapshot.signals,
        intervention: decision.intervention,
        skipped: decision.reason,
      },
      sessionId(),
      !!decision.intervention,
    );
    if (decision.intervention && go) perform(snapshot.suggested_action, decision.intervention);
  }

  return {
    consider,
    /** A host's explicit request: no rules, but the outcome is still reported. */
    intervene(action: SuggestedAction) {
      const kind = INTERVENTIONS[action];
      if (kind) perform(action, kind);
    },
    /** Whether an intervention is still waiting for the user's response. */
    pending: () => settle != null,
    /** Closes the chat without counting it as the user's choice (the element reports the close in its update). */
    close() {
      closingByApi = true;
      frame.hide();
      void frame.updateComplete.finally(() => (closingByApi = false));
    },
  };
}
