import type { MoodEvent } from '../mood/types.js';
import { createDelivery } from './delivery/delivery.js';
import { createSessionRequest, hostCall } from './delivery/request.js';
import { listen } from './lib/listen.js';
import { createLocalScoring, type EngineLoader } from './lib/local-scoring.js';
import { createMood } from './lib/mood-state.js';
import { asSent, privacySignal } from './lib/privacy.js';
import { session, uuid } from './lib/session.js';
import { createSubscribers } from './lib/subscribers.js';
import { startDetectors } from './start-detectors.js';
import type { Tracker, TrackerOptions, TrackerStats } from './types.js';

/**
 * Starts the behaviour tracker: detectors feed a queue that is sent in batches to SessionMood (or, in 'local'
 * mode, scored by the mood engine in the page). Unsent events, in flight or not, are kept in a write-behind
 * IndexedDB spool, so a reload or an outage loses nothing: delivery is at least once.
 */
export function createTracker(options: TrackerOptions = {}, loadEngine?: EngineLoader): Tracker {
  if (options.sessionId?.[256]) throw Error('Mooni: sessionId > 256 chars');
  const remote = options.mode !== 'local';
  const strip = options.stripUrlQuery ?? true;
  const stats = { detected: 0, sent: 0, spooled: 0, dropped: {}, requests: 0 } as TrackerStats; // + queued, on read
  let granted = options.consent !== 'pending';
  let sessionId = options.sessionId || session() || uuid();
  // A server render has no page to watch: the tracker is inert there, so creating one during SSR is harmless.
  let stopped = typeof document === 'undefined' || ((options.respectPrivacySignals ?? true) && privacySignal());
  const stops: (() => void)[] = [];
  const subscribers = createSubscribers();
  const request = createSessionRequest(options, stats, () => sessionId);
  const mood = createMood(subscribers.fire, () => !stopped);
  const local = createLocalScoring(loadEngine, mood, () => sessionId);
  const delivery = createDelivery(options, {
    request,
    sessionId: () => sessionId,
    allowed: () => remote && granted && !stopped,
    fire: subscribers.fire,
    heard: (answer) => mood.heard(answer, request),
    stats,
  });

  const add = (event: MoodEvent) => {
    if (stopped) return;
    const stamped = asSent(event, strip);
    stats.detected++;
    subscribers.fire('event', stamped);
    if (!remote) return local.score(stamped);
    delivery.add(stamped);
  };

  /** Keeps the tab's id and takes over what an earlier page of this session left unsent. */
  const resume = () => {
    if (sessionId !== options.sessionId) session(sessionId); // a host's own id stays the host's
    if (remote) delivery.resume();
  };

  const stop = () => {
    delivery.stop();
    stopped = true;
    stops.splice(0).map((stopDetector) => stopDetector());
  };

  if (!stopped) {
    if (!remote) local.load();
    if (granted) resume();
    // Errors as the tracker records them (window errors and tracker.error()), for detectors that follow clicks.
    const errors = (listener: (message: string) => void) =>
      subscribers.on('event', (e) => e.type === 'error' && !e.signal && listener(e.message ?? ''));
    stops.push(
      ...startDetectors(add, options.detectors, { strip, errors }),
      listen(document, 'visibilitychange', () => document.hidden && delivery.leave()),
      listen(window, 'pagehide', delivery.leave),
      listen(window, 'online', delivery.sendAll),
    );
  }

  const tracker: Tracker = {
    get sessionId() {
      return sessionId;
    },
    get mood() {
      return mood.snapshot;
    },
    get stats() {
      stats.queued = delivery.pending().length;
      return stats;
    },
    track: add,
    error: (message) => add({ type: 'error', message: String(message) }),
    flush: delivery.flush,
    feedback: async (body) => {
      if (remote && granted && !stopped)
        await hostCall(request('/feedback', { method: 'POST', body: JSON.stringify(body) }));
    },
    async forget() {
      const old = sessionId;
      delivery.discard('forget');
      sessionId = uuid();
      if (granted) session(sessionId);
      mood.reset();
      local.reset();
      if (remote && granted && !stopped) await hostCall(request('', { method: 'DELETE' }, old));
    },
    consent(yes) {
      if (!yes) {
        delivery.discard('consent');
        granted = false;
        stop();
      } else if (!granted && !stopped) {
        granted = true;
        resume();
        delivery.sendAll();
      }
    },
    stop,
    on: subscribers.on,
    onAction: (callback) => subscribers.on('action', callback),
  };
  return tracker;
}
