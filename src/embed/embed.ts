import type { MooniCloseDetail } from '../chat/events.js';
import type { MooniFrame } from '../chat/mooni-frame.js';
import type { SuggestedAction } from '../mood/types.js';
import type { MoodSnapshot, Tracker } from '../tracker/types.js';
import type * as InterventionView from './intervention-view.js';
import type { EmbedConfig } from './config.js';
import {
  appearsByItself,
  decideIntervention,
  inHoldout,
  INTERVENTION_STATE_KEY,
  interventionFor,
  type InterventionKind,
  type InterventionRecord,
} from './interventions.js';
import { HOOK_ALIASES, type HookBase, type MooniApi, type MooniHookMap, type MooniOptions } from './mooni-api.js';

/** Where the panel would cover the page: every intervention is then the nudge. */
const COMPACT_SCREEN = '(max-width: 480px), (pointer: coarse)';

/** `window.Mooni`'s methods that act on the chat. */
export type EmbedMethods = Pick<MooniApi, 'open' | 'close' | 'toggle' | 'send' | 'say' | 'reset' | 'intervene'>;

const readState = (): InterventionRecord => {
  try {
    const stored: unknown = JSON.parse(sessionStorage[INTERVENTION_STATE_KEY]);
    return stored && typeof stored === 'object' ? stored : {};
  } catch {
    return {}; // none yet (or storage blocked: the rules then hold for this page only)
  }
};

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
  /** Loads what interventions show (mooni-interventions.js beside the script-tag bundle). */
  loadView: () => Promise<typeof InterventionView>,
  /** Keys count as typing for this long; a held-back intervention is reconsidered after it. */
  typingMs = 2500,
): EmbedMethods & { consider(snapshot: MoodSnapshot): void; stop(): void } {
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
  const state = readState();
  const save = () => {
    try {
      // Kept only while the element keeps things (not with persist off, nor with consent pending).
      if (frame.persist) sessionStorage[INTERVENTION_STATE_KEY] = JSON.stringify(state);
    } catch {
      // blocked storage: the rules hold for this page only
    }
  };
  let typedAt = 0;
  let retry: ReturnType<typeof setTimeout> | undefined;
  /** The intervention waiting for the visitor's response: reports it once. */
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
  // Every listener goes with stop().
  const listening = new AbortController();
  const { signal } = listening;
  addEventListener('input', () => (typedAt = Date.now()), { capture: true, signal });

  for (const type of 'open close send quick-reply card-action'.split(' ')) {
    frame.addEventListener(
      'mooni-' + type,
      (event) => {
        const closed = type === 'close';
        if (type === 'send') {
          if (!messages++) {
            startedAt = Date.now();
            // A first message while an intervention waits for its response answers it.
            emit('conversation.started', {
              conversationId: frame.sessionId,
              trigger: settle ? 'intervention' : 'user',
            });
          }
          emit('conversation.message_sent', { text: (event as CustomEvent<{ text: string }>).detail.text });
        }
        if (closed) {
          complete('closed');
          // Closed by the page (Mooni.close(), el.hide()): not the visitor's choice.
          if ((event as CustomEvent<MooniCloseDetail>).detail.source === 'api') return;
          state.closed = true;
          save();
        }
        // The visitor's response: to a bubble, opening the chat; in the chat, answering (true) or closing it (false).
        if ((type === 'open') !== inChat) settle?.(!closed, (closed ? 'dismissed: ' : 'engaged: ') + type);
      },
      { signal },
    );
  }

  frame.addEventListener('mooni-reset', () => complete('reset'), { signal });

  /** Starts waiting for the visitor's response to an intervention, reported once (or as silence). */
  function awaitResponse(action: SuggestedAction, kind: InterventionKind, bubble?: () => HTMLElement | undefined) {
    settle?.(undefined, 'replaced');
    const timer = setTimeout(() => settle?.(undefined, 'no response'), config.feedbackWindow * 1000);
    settle = (wasHelpful, notes) => {
      settle = undefined;
      clearTimeout(timer);
      bubble?.()?.remove();
      tracker?.feedback({ action_taken: action, was_helpful: wasHelpful, notes }).catch(() => {});
      emit('action.feedback', { action, intervention: kind, wasHelpful, notes });
    };
  }

  function perform(action: SuggestedAction, kind: Exclude<InterventionKind, 'none'>) {
    if (appearsByItself(kind)) {
      state.at = Date.now();
      state.count = (state.count ?? 0) + 1;
    }
    if (kind === 'recommendations') state.cards = true;
    save();
    let bubble: HTMLElement | undefined;
    awaitResponse(action, kind, () => bubble);
    const awaited = settle;
    inChat = kind === 'open_chat' || kind === 'recommendations';
    loadView().then(
      (view) => {
        // Settled while the view loaded (replaced, or the embed shut down): nothing to show any more.
        if (settle === awaited)
          bubble = view.present(kind, frame, options, (wasHelpful, notes) => settle?.(wasHelpful, notes));
      },
      () => {}, // the view did not load: nothing shows, and the window ends in silence
    );
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
      pageHidden: document.visibilityState === 'hidden',
      compactScreen: matchMedia(COMPACT_SCREEN).matches,
      interventionCount: state.count,
      cap: options.cap ?? config.cap,
      heldOut: !!tracker && inHoldout(tracker.sessionId, config.holdout),
      cardsWaiting: state.cards,
      actions: options.actions,
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

  const unsubscribe = tracker?.on('mood', (snapshot) => {
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
    /** Undoes everything above (the frame's own listeners go with the frame); the outcome waiting is dropped. */
    stop() {
      listening.abort();
      unsubscribe?.();
      clearTimeout(retry);
      settle?.(undefined, 'shutdown');
    },
    open: () => frame.show(),
    close: () => frame.hide(),
    toggle: () => frame.toggle(),
    send: (text) => frame.send(text),
    say: (message) => frame.say(message),
    reset: () => frame.reset(),
    /** A host's explicit request: no rules, but the outcome is still reported. */
    intervene(action) {
      const kind = interventionFor(action, options.actions);
      if (kind && kind !== 'none') perform(action, kind);
    },
  };
}
