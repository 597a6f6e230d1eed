import type * as MoodEngine from '../mood/engine.js';
import type { MoodEvent } from '../mood/types.js';
import { backNav } from './detectors/back-nav.js';
import { backtrack } from './detectors/backtrack.js';
import { click } from './detectors/click.js';
import { errorClick } from './detectors/error-click.js';
import { DEAD_CLICK_DEFAULTS, deadClick } from './detectors/dead-click.js';
import { error } from './detectors/error.js';
import { EXCESSIVE_SCROLL_DEFAULTS, excessiveScroll } from './detectors/excessive-scroll.js';
import { focus } from './detectors/focus.js';
import { hover } from './detectors/hover.js';
import { idle } from './detectors/idle.js';
import { inputPause } from './detectors/input-pause.js';
import { pageView } from './detectors/page-view.js';
import { QUICK_BACK_DEFAULTS, quickBack } from './detectors/quick-back.js';
import { scroll } from './detectors/scroll.js';
import { takeBatch } from './lib/batch.js';
import { listen } from './lib/listen.js';
import { cleanUrl, privacySignal } from './lib/privacy.js';
import { backoff, retryAfterMs } from './lib/retry.js';
import { session, uuid } from './lib/session.js';
import { readSpool, writeSpool } from './lib/spool.js';
import type { DropReason, MoodSnapshot, Tracker, TrackerOptions, TrackerStats } from './types.js';

/** Every detector with its documented defaults (see DetectorOptions). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- legacy tracker typing, to be replaced by the tracker module split
const DETECTORS: [string, (emit: (e: MoodEvent) => void, o: any) => () => void, object?][] = [
  ['rageClick', click, { clicks: 3, intervalMs: 1000, distancePx: 30, settleMs: 1000 }],
  ['scroll', scroll, { gestureEndMs: 200 }],
  ['backtrack', backtrack, { minDownPx: 500, minUpPx: 100, gestureEndMs: 200 }],
  ['backNav', backNav],
  ['pageView', pageView],
  ['deadClick', deadClick, DEAD_CLICK_DEFAULTS],
  ['quickBack', quickBack, QUICK_BACK_DEFAULTS],
  ['excessiveScroll', excessiveScroll, EXCESSIVE_SCROLL_DEFAULTS],
  ['error', error],
  ['idle', idle, { thresholdMs: 30000 }],
  ['hover', hover, { thresholdMs: 2000 }],
  ['inputPause', inputPause, { thresholdMs: 3000 }],
  ['focus', focus],
  ['errorClick', errorClick, { windowMs: 1000 }],
];

/** Signals that want the mood soon: they are sent at once rather than at the end of the interval. */
const isStrong = (event: MoodEvent) => event.type === 'rage_click' || event.signal === 'error_click';

/** Loads the mood engine for 'local' mode, only when that mode is used (it is not part of tracker.iife.js). */
export type EngineLoader = () => Promise<typeof MoodEngine>;

/**
 * Starts the behaviour tracker: detectors feed a queue that is sent in batches to SessionMood (or, in
 * 'local' mode, to the mood engine in the page). Every unsent event, in flight or not, is also in an
 * IndexedDB spool, so a reload or an outage loses nothing: delivery is at least once.
 */
export function createTracker(o: TrackerOptions = {}, loadEngine?: EngineLoader): Tracker {
  const remote = o.mode !== 'local';
  const maxBatch = o.maxBatch || 50;
  const interval = o.flushIntervalMs || 5000;
  const strip = o.stripUrlQuery ?? true;
  // `queued` is filled in when read.
  const stats = { detected: 0, sent: 0, spooled: 0, dropped: {}, requests: 0 } as TrackerStats;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- legacy tracker typing, to be replaced by the tracker module split
  const subs: Record<string, Set<(d: any) => void>> = {};
  /**
   * Batches in flight and their answers: one at a time, so they arrive in order; when the page hides, a
   * second may join. Each is at most 32 KB, as keepalive bodies share 64 KB.
   */
  const flying = new Map<MoodEvent[], Promise<unknown>>();
  const stops: (() => void)[] = [];
  if (o.sessionId?.[256]) throw Error('Mooni: sessionId > 256 chars');
  let granted = o.consent !== 'pending';
  let sid = o.sessionId || session() || uuid();
  // A server render has no page to watch: the tracker is inert there, so creating one during SSR is harmless.
  let dead = typeof document === 'undefined' || ((o.respectPrivacySignals ?? true) && privacySignal());
  let queue: MoodEvent[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let attempt = 0;
  let waitUntil = 0;
  let refused: unknown;
  let writing: unknown;
  let label: string | undefined = 'neutral'; // a session starts neutral: no mood read until that changes
  let snapshot: MoodSnapshot | undefined;
  let engine: typeof MoodEngine | undefined;
  let scorer: ReturnType<typeof MoodEngine.createScorer> | undefined;
  let early: MoodEvent[] = []; // local mode: events detected while the engine loads
  let lastEarlySend = 0;

  const fire = (type: string, detail: unknown) =>
    subs[type]?.forEach((cb) => {
      try {
        cb(detail);
      } catch (e) {
        console.error(e); // a host callback must not break delivery (nor loop through the error detector)
      }
    });

  const pending = () => [...flying.keys(), queue].flat();

  /** Writes the spool once for any number of changes made before the write runs. */
  const persist = () => {
    if (remote && granted && !writing) {
      writing = 1;
      const id = sid;
      writeSpool(id, () => {
        writing = 0;
        const events = id === sid ? pending() : [];
        stats.spooled = events.length;
        return events;
      });
    }
  };

  const drop = (events: MoodEvent[], reason: DropReason) => {
    if (events[0]) {
      stats.dropped[reason] = (stats.dropped[reason] || 0) + events.length;
      o.onDrop?.(events, reason);
      fire('drop', { events, reason });
    }
  };

  /** The one timer: the flush interval, or the end of a retry wait. Either way it sends when it fires. */
  const arm = (ms: number) => {
    clearTimeout(timer);
    timer = setTimeout(
      () => {
        timer = undefined;
        post(1);
      },
      Math.min(ms, 2e9),
    );
  };

  const schedule = () => (queue[maxBatch - 1] ? post() : timer || arm(interval));

  const req = (path: string, init?: RequestInit, id = sid) => {
    stats.requests++;
    return (o.fetch || fetch)(`${(o.apiBase || '').replace(/\/$/, '')}/v1/sessions/${encodeURIComponent(id)}${path}`, {
      ...init,
      headers: { 'X-Api-Key': o.apiKey || '', 'Content-Type': 'application/json' },
    });
  };

  /** feedback() and forget(): a request the host awaits; 404 (no such session) is not an error. */
  const call = async (path: string, init: RequestInit, id?: string) => {
    const { status } = await req(path, init, id);
    if (status > 299 && status !== 404) throw Error(`Mooni: HTTP ${status}`);
  };

  const setMood = (s: MoodSnapshot) => {
    if (!dead) {
      label = (snapshot = s).mood;
      fire('mood', s);
      dispatchEvent(new CustomEvent('mooni-mood', { detail: s }));
      if (s.suggested_action !== 'no_action') fire('action', s);
    }
  };

  /** Handles one answer (status 0: network failure); true when delivery may go on at once. */
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- legacy tracker typing, to be replaced by the tracker module split
  const answer = (batch: MoodEvent[], status: number, body: any, retryAfter?: string | null) => {
    if (dead || !flying.delete(batch)) return;
    fire('batch', { events: batch, status: status || 'network_error' });
    const retry = !status || status === 429 || status > 499;
    if (status === 401 || status === 403) {
      if (!refused) console.warn('Mooni: API key refused');
      refused = 1;
    } else if (retry) {
      const ms =
        // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- set on every path that reaches here; to be removed by the tracker module split
        (status === 429 && retryAfterMs(retryAfter!, body.reset_at, Date.now())) ||
        backoff(attempt++, o.retryBaseMs || 1000, o.retryMaxMs || 6e4);
      waitUntil = Date.now() + ms;
      arm(ms);
    } else if (status > 299) {
      // 400 naming invalid types drops those; any other client error drops the batch
      const invalid: unknown[] | 0 = status === 400 && body.invalid?.map ? body.invalid : 0;
      drop(invalid ? batch.filter((e) => invalid.includes(e.type)) : batch, invalid ? 'invalid' : 'rejected');
      batch = invalid ? batch.filter((e) => !invalid.includes(e.type)) : [];
    } else {
      attempt = 0; // a wait set by a concurrent 429 still holds
      stats.sent += batch.length;
      const mood = body.current_mood;
      if (mood && mood !== label) {
        label = mood;
        // The read takes the next batch's turn: at most one request per interval while the user keeps going.
        arm(2 * interval);
        req('/mood')
          .then((r) => (r.ok ? r.json() : 0))
          .then((s) => (typeof s?.mood === 'string' ? setMood(s) : Promise.reject()))
          .catch(() => (label = snapshot?.mood ?? 'neutral'));
      }
      batch = [];
    }
    queue.unshift(...batch);
    persist();
    if (!retry && !refused) {
      if (queue[0]) schedule();
      return 1;
    }
  };

  /**
   * Sends the head of the queue as one request, unless there is nothing to send or delivery must wait.
   * `force`: 1 ignores a retry wait, 2 (the page hides) also allows a second request in flight.
   */
  const post = (force?: number): Promise<unknown> | undefined => {
    let n;
    // Cheap checks first: with a full queue, every new event comes here.
    if (
      !dead &&
      granted &&
      !refused &&
      // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- set on every path that reaches here; to be removed by the tracker module split
      flying.size < (force! >> 1) + 1 &&
      (force || Date.now() >= waitUntil) &&
      (n = takeBatch(queue, maxBatch, 32768))
    ) {
      const batch = queue.splice(0, n);
      const p = req('/events', { method: 'POST', body: JSON.stringify({ events: batch }), keepalive: true }).then(
        async (r) => answer(batch, r.status, (await r.json().catch(() => 0)) || {}, r.headers.get('retry-after')),
        () => answer(batch, 0, {}),
      );
      flying.set(batch, p);
      return p;
    }
  };

  const postAll = () => {
    while (post(2));
  };

  const add = (event: MoodEvent) => {
    if (dead) return;
    const e: MoodEvent = { ...event, ts: event.ts ?? Date.now() / 1000 };
    if (e.url) e.url = cleanUrl(e.url, strip);
    if (e.message) e.message = e.message.slice(0, 512);
    stats.detected++;
    fire('event', e);
    if (remote) {
      drop(queue.splice(0, queue.push(e) - (o.spoolCap || 1000)), 'spool_cap');
      if (granted) {
        persist();
        schedule();
        // At most one early request per interval, so a burst of strong signals makes one.
        if (isStrong(e) && Date.now() - lastEarlySend >= interval) {
          lastEarlySend = Date.now();
          setTimeout(post);
        }
      }
    } else score(e);
  };

  const score = (e: MoodEvent) => {
    if (!engine) return early.push(e);
    const r = (scorer ||= engine.createScorer())(e);
    if (r.mood !== label) setMood({ session_id: sid, ...r, updated_at: new Date().toISOString() });
  };

  /** Keeps the tab's id and takes over what an earlier page of this session left unsent. */
  const resume = () => {
    if (sid !== o.sessionId) session(sid); // a host's own id stays the host's
    if (remote)
      readSpool(sid).then((old) => {
        if (old?.[0] && !dead) {
          queue = old.concat(queue);
          persist();
          post();
        }
      });
  };

  const stop = () => {
    dead = true;
    stops.map((s) => s());
    clearTimeout(timer);
  };

  if (!dead) {
    if (!remote)
      loadEngine?.().then(
        (m) => {
          engine = m;
          early.splice(0).map(score);
        },
        () => console.warn('Mooni: no mood engine'),
      );
    if (granted) resume();
    // Errors as the tracker records them (window errors and tracker.error()), for detectors that follow clicks.
    const errors = (listener: (message: string) => void) => {
      const onEvent = (e: MoodEvent) => e.type === 'error' && !e.signal && listener(e.message ?? '');
      (subs.event ||= new Set()).add(onEvent);
      return () => subs.event.delete(onEvent);
    };
    for (const [name, start, defaults] of DETECTORS) {
      const d = o.detectors?.[name as 'idle'];
      if (d !== false) stops.push(start(add, { ...defaults, ...d, strip, errors }));
    }
    stops.push(
      listen(document, 'visibilitychange', () => document.hidden && postAll()),
      listen(window, 'pagehide online', postAll),
    );
  }

  const tracker: Tracker = {
    get sessionId() {
      return sid;
    },
    get mood() {
      return snapshot;
    },
    get stats() {
      stats.queued = pending().length;
      return stats;
    },
    track: add,
    error: (message) => add({ type: 'error', message: String(message) }),
    async flush() {
      // batch after batch: when one is in flight, wait for its answer first
      for (let p; (p = post(1) || (queue[0] && flying.values().next().value));) if (!(await p)) break;
      await Promise.all(flying.values());
    },
    feedback: async (body) => {
      if (remote && granted && !dead) await call('/feedback', { method: 'POST', body: JSON.stringify(body) });
    },
    async forget() {
      const old = sid;
      drop(pending(), 'forget');
      queue = [];
      flying.clear();
      writeSpool(old, () => []);
      sid = uuid();
      if (granted) session(sid);
      snapshot = undefined;
      label = 'neutral';
      scorer = undefined;
      early = [];
      if (remote && granted && !dead) await call('', { method: 'DELETE' }, old);
    },
    consent(yes) {
      if (!yes) {
        drop(queue.splice(0), 'consent');
        flying.clear();
        persist(); // of nothing: clears the spool
        granted = false;
        stop();
      } else if (!granted && !dead) {
        granted = true;
        resume();
        postAll();
      }
    },
    stop,
    on(type, cb) {
      (subs[type] ||= new Set()).add(cb);
      // eslint-disable-next-line @typescript-eslint/no-non-null-assertion -- set on every path that reaches here; to be removed by the tracker module split
      return () => subs[type]!.delete(cb);
    },
    onAction: (cb) => tracker.on('action', cb),
  };
  return tracker;
}
