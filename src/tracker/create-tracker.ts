import { applyEvent, createMoodState, readMood } from '../mood/engine.js';
import type { MoodEvent } from '../mood/types.js';
import { backNav } from './detectors/back-nav.js';
import { backtrack } from './detectors/backtrack.js';
import { click } from './detectors/click.js';
import { error } from './detectors/error.js';
import { focus } from './detectors/focus.js';
import { hover } from './detectors/hover.js';
import { idle } from './detectors/idle.js';
import { inputPause } from './detectors/input-pause.js';
import { pageView } from './detectors/page-view.js';
import { scroll } from './detectors/scroll.js';
import { takeBatch } from './lib/batch.js';
import { all, listen } from './lib/listen.js';
import { cleanUrl, privacySignal } from './lib/privacy.js';
import { backoff, retryAfterMs } from './lib/retry.js';
import { readSession, saveSession, uuid } from './lib/session.js';
import { readSpool, writeSpool } from './lib/spool.js';
import type { DropReason, MoodSnapshot, Tracker, TrackerOptions, TrackerStats } from './types.js';

/** Every detector with its documented defaults (see DetectorOptions). */
const DETECTORS: Record<string, [(emit: (e: MoodEvent) => void, o: any) => () => void, object]> = {
  rageClick: [click, { clicks: 3, intervalMs: 1000, distancePx: 30 }],
  scroll: [scroll, { gestureEndMs: 200 }],
  backtrack: [backtrack, { minDownPx: 500, minUpPx: 100, gestureEndMs: 200 }],
  backNav: [backNav, {}],
  pageView: [pageView, {}],
  error: [error, {}],
  idle: [idle, { thresholdMs: 30000 }],
  hover: [hover, { thresholdMs: 2000 }],
  inputPause: [inputPause, { thresholdMs: 3000 }],
  focus: [focus, {}],
};

/** keepalive requests may carry 64 KB in flight in total. */
const KEEPALIVE_BYTES = 65536;

/**
 * Starts the behaviour tracker: detectors feed a queue that is sent in batches to SessionMood (or, in
 * 'local' mode, to the mood engine in the page). Every unsent event is also in an IndexedDB spool, so a
 * reload or an outage loses nothing; delivery is at least once.
 */
export function createTracker(o: TrackerOptions = {}): Tracker {
  const remote = o.mode != 'local';
  const send: (url: string, init: RequestInit) => Promise<Response> = o.fetch ?? ((u, i) => fetch(u, i));
  const base = (o.apiBase ?? '').replace(/\/$/, '');
  const maxBatch = o.maxBatch ?? 50;
  const every = o.flushIntervalMs ?? 5000;
  const cap = o.spoolCap ?? 1000;
  const strip = o.stripUrlQuery ?? true;
  const stats: TrackerStats = { detected: 0, sent: 0, queued: 0, spooled: 0, dropped: {}, requests: 0 };
  const subs: Record<string, Set<(d: any) => void>> = {};
  const inFlight = new Map<MoodEvent[], [bytes: number, answer: Promise<boolean>]>();
  if (o.sessionId && o.sessionId.length > 256) throw new Error('Mooni tracker: sessionId is longer than 256 characters');
  let sid = o.sessionId || readSession() || uuid();
  let granted = o.consent != 'pending';
  let dead = (o.respectPrivacySignals ?? true) && privacySignal();
  let queue: MoodEvent[] = [];
  let timer: ReturnType<typeof setTimeout> | 0 = 0;
  let attempt = 0;
  let waitUntil = 0;
  let refused = false;
  let writing = false;
  let moodLabel: string | undefined = 'neutral'; // a session starts neutral: no read until that changes
  let snapshot: MoodSnapshot | undefined;
  let local = createMoodState();

  const fire = (type: string, detail: unknown) =>
    subs[type]?.forEach((cb) => {
      try {
        cb(detail);
      } catch (e) {
        console.error(e); // a host callback must not break delivery (nor loop through the error detector)
      }
    });

  const pending = () => [...inFlight.keys()].flat().concat(queue);

  const persist = () => {
    if (remote && granted && !writing) {
      writing = true;
      const id = sid;
      writeSpool(id, () => {
        writing = false;
        const events = id == sid ? pending() : [];
        stats.spooled = events.length;
        return events;
      });
    }
  };

  const drop = (events: MoodEvent[], reason: DropReason) => {
    if (!events.length) return;
    stats.dropped[reason] = (stats.dropped[reason] ?? 0) + events.length;
    o.onDrop?.(events, reason);
    fire('drop', { events, reason });
  };

  const arm = (ms: number) => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      timer = 0;
      post();
    }, Math.min(ms, 2147483647));
  };

  const req = (path: string, init: RequestInit = {}, id = sid) => {
    stats.requests++;
    return send(`${base}/v1/sessions/${encodeURIComponent(id)}${path}`, {
      ...init,
      headers: { 'X-Api-Key': o.apiKey ?? '', 'Content-Type': 'application/json' },
    });
  };

  const setMood = (s: MoodSnapshot) => {
    if (dead) return;
    snapshot = s;
    moodLabel = s.mood;
    fire('mood', s);
    dispatchEvent(new CustomEvent('mooni-mood', { detail: s }));
    if (s.suggested_action != 'no_action') fire('action', s);
  };

  const moodChanged = (label: string | undefined) => {
    if (!label || label == moodLabel) return;
    moodLabel = label;
    req('/mood')
      .then((r) => (r.ok ? r.json() : Promise.reject()))
      .then(setMood, () => (moodLabel = snapshot?.mood ?? 'neutral'));
  };

  /** Handles one answer; true when delivery may go on at once. */
  const answer = (batch: MoodEvent[], status: number | 'network_error', body: any, retryAfter: string | null) => {
    if (dead || !inFlight.has(batch)) return false;
    inFlight.delete(batch);
    fire('batch', { events: batch, status });
    const ok = status == 200 || status == 201;
    let go = true;
    if (ok) {
      attempt = waitUntil = 0;
      stats.sent += batch.length;
      moodChanged(body.current_mood);
    } else if (status == 401 || status == 403) {
      if (!refused) console.warn(`Mooni tracker: the API key was refused (${status}); sending stopped.`);
      refused = true;
      go = false;
      queue.unshift(...batch);
    } else if (status == 429 || status == 'network_error' || status >= 500) {
      queue.unshift(...batch);
      const ms = (status == 429 && retryAfterMs(retryAfter, body.reset_at, Date.now())) || backoff(attempt++, o.retryBaseMs ?? 1000, o.retryMaxMs ?? 60000);
      waitUntil = Date.now() + ms;
      arm(ms);
      go = false;
    } else {
      const bad: unknown = body.invalid;
      if (status == 400 && Array.isArray(bad)) {
        drop(batch.filter((e) => bad.includes(e.type)), 'invalid');
        queue.unshift(...batch.filter((e) => !bad.includes(e.type)));
      } else drop(batch, 'rejected');
    }
    persist();
    if (go) {
      if (queue.length >= maxBatch) post();
      else if (queue.length && !timer) arm(every);
    }
    return go;
  };

  /** Sends the head of the queue as one request, unless there is nothing to send or delivery must wait. */
  const post = (now?: boolean): Promise<boolean> | undefined => {
    let bytes = KEEPALIVE_BYTES;
    for (const [b] of inFlight.values()) bytes -= b;
    const [n, size] = takeBatch(queue, maxBatch, bytes);
    if (dead || !granted || refused || !n || (!now && Date.now() < waitUntil)) return;
    const batch = queue.splice(0, n);
    const p = req('/events', { method: 'POST', body: JSON.stringify({ events: batch }), keepalive: true }).then(
      async (r) => answer(batch, r.status, await r.json().catch(() => ({})), r.headers.get('retry-after')),
      () => answer(batch, 'network_error', {}, null),
    );
    inFlight.set(batch, [size, p]);
    return p;
  };

  const postAll = () => {
    while (post(true));
  };

  const add = (event: MoodEvent) => {
    if (dead) return;
    const e: MoodEvent = { ...event, ts: event.ts ?? Date.now() / 1000 };
    if (e.url) e.url = cleanUrl(e.url, strip);
    if (e.message) e.message = e.message.slice(0, 512);
    stats.detected++;
    fire('event', e);
    if (!remote) {
      applyEvent(local, e, e.ts);
      const r = readMood(local, e.ts);
      if (r.mood != moodLabel) setMood({ session_id: sid, ...r, updated_at: new Date().toISOString() });
      return;
    }
    queue.push(e);
    if (queue.length > cap) drop(queue.splice(0, queue.length - cap), 'spool_cap');
    if (!granted) return;
    persist();
    if (queue.length >= maxBatch) post();
    else if (!timer) arm(every);
  };

  /** Takes over what an earlier page of this session left unsent, then sends it. */
  const resume = () => {
    saveSession(sid);
    if (remote)
      readSpool(sid).then((old) => {
        if (old?.length && !dead) {
          queue = old.concat(queue);
          persist();
          post();
        }
      });
  };

  const stops: (() => void)[] = [];
  if (!dead) {
    if (granted) resume();
    for (const k in DETECTORS) {
      const d = o.detectors?.[k as keyof typeof o.detectors];
      const [start, defaults] = DETECTORS[k]!;
      if (d !== false) stops.push(start(add, { ...defaults, ...d, strip }));
    }
    stops.push(
      listen(document, 'visibilitychange', () => document.hidden && postAll()),
      listen(window, 'pagehide', postAll),
      listen(window, 'online', () => post(true)),
    );
  }
  const stop = () => {
    dead = true;
    all(...stops)();
    clearTimeout(timer);
  };

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
      let p;
      while ((p = post(true)) && (await p));
      await Promise.all([...inFlight.values()].map(([, a]) => a));
    },
    async feedback(body) {
      if (!remote || dead || !granted) return;
      const r = await req('/feedback', { method: 'POST', body: JSON.stringify(body) });
      if (!r.ok) throw new Error(`Mooni tracker: feedback failed (${r.status})`);
    },
    async forget() {
      const old = sid;
      drop(pending(), 'forget');
      queue = [];
      inFlight.clear();
      writeSpool(old, () => []);
      sid = uuid();
      if (granted) saveSession(sid);
      snapshot = undefined;
      moodLabel = 'neutral';
      local = createMoodState();
      if (remote && granted && !dead) {
        const r = await req('', { method: 'DELETE' }, old);
        if (!r.ok && r.status != 404) throw new Error(`Mooni tracker: erasing the session failed (${r.status})`);
      }
    },
    consent(yes) {
      if (yes && !granted && !dead) {
        granted = true;
        resume();
        persist();
        post(true);
      } else if (!yes) {
        drop(queue, 'consent');
        queue = [];
        if (granted) writeSpool(sid, () => []);
        granted = false;
        stop();
      }
    },
    stop,
    on(type, cb) {
      (subs[type] ||= new Set()).add(cb);
      return () => subs[type]!.delete(cb);
    },
    onAction: (cb) => tracker.on('action', cb),
  };
  return tracker;
}
