/**
 * The script-tag entry (dist/mooni.iife.js): registers `<mooni-frame>`, inserts a launcher unless the page
 * has one, starts the tracker unless one runs, turns suggested actions into interventions, and makes
 * `window.Mooni` (replaying calls queued before load). A second copy on the page does nothing.
 */
import type { MooniFrame } from '../chat/mooni-frame.js';
import '../chat/mooni-frame.js';
import { createTracker } from '../tracker.js';
import type { FetchLike } from '../chat/model.js';
import type { MoodLabel } from '../mood/types.js';
import type { Tracker } from '../tracker/types.js';
import { findScript, parseConfig } from './config.js';
import { createInterventions } from './intervention-runner.js';
import { emit, off, on, replay, type MooniApi, type QueuedCall } from './mooni-api.js';

const LOADED = Symbol.for('mooni.embed');
type Host = Partial<Omit<MooniApi, 'q'>> & { q?: QueuedCall[] | MooniApi['q']; [LOADED]?: true };
const page = window as unknown as { Mooni?: Host; MooniMockFetch?: FetchLike };
const mooni = (page.Mooni ??= {});

function start() {
  const script = findScript();
  const config = parseConfig({ ...script?.dataset });
  const options = (mooni.config ??= {});
  const fetcher = config.mock ? page.MooniMockFetch : undefined;
  if (config.mock && !fetcher) console.warn('Mooni: data-mock="in-page" needs window.MooniMockFetch');

  let frame = document.querySelector('mooni-frame') as MooniFrame | null;
  if (!frame) {
    frame = document.createElement('mooni-frame');
    for (const [name, value] of Object.entries(config.frame)) frame.setAttribute(name, value);
    if (config.locale) frame.lang = config.locale;
  }
  if (fetcher) Object.assign(frame, { fetcher });
  if (options.strings) Object.assign(frame, { strings: options.strings });
  if (!frame.isConnected) document.body.append(frame);

  let tracker: Tracker | null = mooni.tracker ?? null;
  if (!tracker && config.tracker && (config.moodKey || config.trackerMode === 'local')) {
    tracker = createTracker({
      apiKey: config.moodKey,
      apiBase: config.moodBase,
      mode: config.trackerMode,
      fetch: fetcher,
      consent: config.consentPending ? 'pending' : 'granted',
    });
  }
  const sessionId = () => tracker?.sessionId ?? null;

  // Registered before the interventions' own listeners, so a first message still sees its intervention pending.
  let conversation: { at: number; messages: number } | null = null;
  const complete = (reason: 'closed' | 'reset') => {
    if (!conversation) return;
    const { at, messages } = conversation;
    conversation = null;
    emit('conversation.completed', { reason, messages, durationMs: Date.now() - at }, sessionId());
  };
  frame.addEventListener('mooni-send', (event) => {
    if (!conversation) {
      conversation = { at: Date.now(), messages: 0 };
      emit('conversation.started', { trigger: interventions.pending() ? 'intervention' : 'user' }, sessionId());
    }
    conversation.messages++;
    emit('message.sent', { text: (event as CustomEvent<{ text: string }>).detail.text }, sessionId());
  });
  frame.addEventListener('mooni-close', () => complete('closed'));

  const interventions = createInterventions(frame, tracker, config, options);
  let previous: MoodLabel | null = tracker?.mood?.mood ?? null;
  tracker?.on('mood', (snapshot) => {
    if (snapshot.mood === previous) return;
    emit(
      'mood.changed',
      {
        mood: snapshot.mood,
        previousMood: previous,
        confidence: snapshot.confidence,
        signals: snapshot.signals,
        suggestedAction: snapshot.suggested_action,
        eventCount: snapshot.event_count,
      },
      sessionId(),
    );
    previous = snapshot.mood;
    interventions.consider(snapshot);
  });

  const el = frame;
  const queued = Array.isArray(mooni.q) ? mooni.q : [];
  const api: Omit<MooniApi, 'config'> = {
    version: typeof __MOONI_VERSION__ === 'string' ? __MOONI_VERSION__ : 'dev',
    tracker,
    frame: el,
    open: () => el.show(),
    close: interventions.close,
    toggle: () => (el.open ? interventions.close() : el.show()),
    send: (text) => el.send(text),
    say: (message) => el.say(message),
    reset() {
      complete('reset');
      el.reset();
    },
    intervene: interventions.intervene,
    on,
    off,
    q: { push: (...calls) => replay(mooni, calls) },
  };
  Object.assign(mooni, api);
  replay(mooni, queued);
}

if (!mooni[LOADED]) {
  mooni[LOADED] = true;
  if (document.body) start();
  else addEventListener('DOMContentLoaded', start, { once: true });
}
