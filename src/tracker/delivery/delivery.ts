import type { MoodEvent } from '../../mood/types.js';
import { takeBatch } from '../lib/batch.js';
import { backoff, retryAfterMs } from '../lib/retry.js';
import { keepOnHide, readSpool, writeSpool } from '../lib/spool.js';
import type { DropReason, TrackerOptions, TrackerStats } from '../types.js';
import type { Subscribers } from '../lib/subscribers.js';
import type { SessionRequest } from './request.js';

/** Keepalive bodies share 64 KB in flight: a batch takes at most half, so a second may join when the page hides. */
const BATCH_BYTES = 32768;

/**
 * How a send may go: `queued` (a new event) waits out a retry wait and keeps one batch in flight; `due` (the
 * interval or the retry wait ended, or flush()) ignores the wait; `hiding` (the page goes away) also lets a
 * second batch join the first.
 */
export type SendMode = 'queued' | 'due' | 'hiding';

/** An answer that asks to try again later (status 0: the network failed). */
export const isRetry = (status: number) => !status || status === 429 || status > 499;

/** An answer that refuses the API key: sending stops until the next page. */
export const isRefusal = (status: number) => status === 401 || status === 403;

/** The parts of an /events answer that delivery reads (003): the mood after the batch, a 400's types, a 429's reset. */
export interface EventsAnswer {
  current_mood?: unknown;
  invalid?: unknown;
  reset_at?: unknown;
}

/** The event types a 400 names as invalid: only those are dropped. Undefined: the whole batch is rejected. */
export const invalidTypes = (status: number, answer: EventsAnswer): unknown[] | undefined =>
  status === 400 && Array.isArray(answer.invalid) ? answer.invalid : undefined;

/** Signals that want the mood soon: they are sent at once rather than at the end of the interval. */
const isStrong = (event: MoodEvent) => event.type === 'rage_click' || event.signal === 'error_click';

/** Where unsent events are kept across pages: the IndexedDB spool (src/tracker/lib/spool.ts) unless replaced. */
export interface SpoolStore {
  read: (id: string) => Promise<MoodEvent[] | undefined>;
  /** Replaces a session's events with `events()`, evaluated when the write runs. */
  write: (id: string, events: () => MoodEvent[]) => unknown;
  /** Keeps the events synchronously as the page hides: it may unload before a write lands. */
  keep: (id: string, events: MoodEvent[]) => void;
}

/** What delivery needs from the tracker around it. */
export interface DeliveryLink {
  request: SessionRequest;
  sessionId: () => string;
  /** Sending and storing are allowed now: consent granted, tracker running. */
  allowed: () => boolean;
  /** Reports answers (`batch`) and dropped events (`drop`) to the host's subscribers. */
  fire: Subscribers['fire'];
  /** An accepted batch's answer; true when it named a new mood, whose read takes the next batch's turn. */
  heard: (answer: EventsAnswer) => boolean;
  /** `sent`, `spooled` and `dropped` are kept here. */
  stats: TrackerStats;
  store?: SpoolStore;
}

/**
 * Delivers every event at least once. Events queue and go in batches of at most `maxBatch` events and 32 KB, one
 * in flight at a time so they arrive in order, after `flushIntervalMs` or in the next task when a batch is full;
 * 5xx and network failures are retried with backoff, a 429 after its Retry-After (or reset_at); a 401/403 stops
 * sending.
 * The spool is written behind: unsent events at most once per interval while they change, and at once when the
 * page hides (then also synchronously in sessionStorage, see keepOnHide), a send fails or the tracker stops; a
 * batch in flight when the interval ends only if its answer fails. Once the spool holds events, each answer
 * rewrites it, so the next page does not send them again.
 */
export const createDelivery = (options: TrackerOptions, link: DeliveryLink) => {
  const maxBatch = options.maxBatch || 50;
  const intervalMs = options.flushIntervalMs || 5000;
  const store = link.store || { read: readSpool, write: writeSpool, keep: keepOnHide };
  /** Batches in flight and their answers (true when delivery may go on at once). */
  const flying = new Map<MoodEvent[], Promise<boolean>>();
  let queue: MoodEvent[] = [];
  let timer: ReturnType<typeof setTimeout> | undefined;
  let spoolTimer: ReturnType<typeof setTimeout> | undefined;
  let fullBatchTimer: ReturnType<typeof setTimeout> | undefined;
  let attempt = 0;
  let waitUntil = 0;
  let refused = false;
  let stopped = false;
  let lastEarlySend = 0;
  /** Events the spool holds after its last write. */
  let spooled = 0;
  let writing = false;
  let spoolAfterAnswer = false;

  const pending = () => [...flying.keys(), queue].flat();

  const drop = (events: MoodEvent[], reason: DropReason) => {
    if (!events[0]) return;
    link.stats.dropped[reason] = (link.stats.dropped[reason] || 0) + events.length;
    options.onDrop?.(events, reason);
    link.fire('drop', { events, reason });
  };

  /** Writes the spool now; a write still waiting to run takes this one's changes. */
  const save = () => {
    clearTimeout(spoolTimer);
    spoolTimer = undefined;
    spoolAfterAnswer = false;
    if (!link.allowed()) return;
    const id = link.sessionId();
    store.keep(id, []); // what a hide kept is older than this write
    if (writing || !(spooled || pending()[0])) return;
    writing = true;
    store.write(id, () => {
      writing = false;
      const events = id === link.sessionId() ? pending() : [];
      link.stats.spooled = spooled = events.length;
      return events;
    });
  };

  /** The one send timer: the flush interval, or the end of a retry wait. Either way it sends when it fires. */
  const arm = (ms: number) => {
    clearTimeout(timer);
    timer = setTimeout(() => ((timer = undefined), send('due')), Math.min(ms, 2e9));
  };

  /**
   * A full batch goes in a task of its own: a fetch costs a third of a millisecond, too much to add to the input
   * handler whose event filled the batch.
   */
  const sendFullBatch = () => {
    fullBatchTimer = undefined;
    send('queued');
  };

  const schedule = () =>
    queue[maxBatch - 1] ? (fullBatchTimer ??= setTimeout(sendFullBatch)) : timer || arm(intervalMs);

  const answer = (batch: MoodEvent[], status: number, body: EventsAnswer, retryAfter: string | null) => {
    if (stopped || !flying.delete(batch)) return false;
    const retry = isRetry(status);
    const accepted = status > 199 && status < 300;
    link.fire('batch', { events: batch, status: status || 'network_error' });
    let kept = batch;
    if (isRefusal(status)) {
      if (!refused) console.warn('Mooni: API key refused');
      refused = true;
    } else if (retry) {
      const ms =
        (status === 429 && retryAfterMs(retryAfter, body.reset_at, Date.now())) ||
        backoff(attempt++, options.retryBaseMs || 1000, options.retryMaxMs || 6e4);
      waitUntil = Date.now() + ms;
      arm(ms);
    } else if (!accepted) {
      const invalid = invalidTypes(status, body);
      kept = invalid ? batch.filter((event) => !invalid.includes(event.type)) : [];
      drop(invalid ? batch.filter((event) => invalid.includes(event.type)) : batch, invalid ? 'invalid' : 'rejected');
    } else {
      attempt = 0; // a wait set by a concurrent 429 still holds
      kept = [];
      link.stats.sent += batch.length;
      if (link.heard(body)) arm(2 * intervalMs);
    }
    queue.unshift(...kept);
    if (retry || spoolAfterAnswer || spooled) save();
    if (retry || refused) return false;
    if (queue[0]) schedule();
    return true;
  };

  /** Sends the head of the queue as one request, unless there is nothing to send or `mode` says wait. */
  const send = (mode: SendMode) => {
    let count: number;
    // Cheap checks first: with a full queue, every new event comes here.
    if (
      !stopped &&
      !refused &&
      link.allowed() &&
      flying.size < (mode === 'hiding' ? 2 : 1) &&
      (mode !== 'queued' || Date.now() >= waitUntil) &&
      (count = takeBatch(queue, maxBatch, BATCH_BYTES))
    ) {
      const batch = queue.splice(0, count);
      const reply = link.request('/events', {
        method: 'POST',
        body: JSON.stringify({ events: batch }),
        keepalive: true,
      });
      const answered = reply.then(
        async (response) => {
          const body = (await response.json().catch(() => 0)) || {};
          return answer(batch, response.status, body, response.headers.get('retry-after'));
        },
        () => answer(batch, 0, {}, null),
      );
      flying.set(batch, answered);
      return answered;
    }
  };

  const sendAll = () => {
    while (send('hiding'));
  };

  return {
    /** Queues an event, dropping the oldest past `spoolCap`; when allowed, schedules its send and its spooling. */
    add(event: MoodEvent) {
      const over = queue.push(event) - (options.spoolCap || 1000);
      if (over > 0) drop(queue.splice(0, over), 'spool_cap');
      if (!link.allowed()) return;
      schedule();
      // A batch in flight when the interval ends is spooled only if its answer says it failed.
      spoolTimer ||= setTimeout(
        () => (flying.size ? ((spoolTimer = undefined), (spoolAfterAnswer = true)) : save()),
        intervalMs,
      );
      // At most one early request per interval, so a burst of strong signals makes one.
      if (isStrong(event) && Date.now() - lastEarlySend >= intervalMs) {
        lastEarlySend = Date.now();
        setTimeout(() => send('queued'));
      }
    },
    /** Takes over what an earlier page of this session left in the spool, and sends it. */
    async resume() {
      const unsent = (await store.read(link.sessionId())) || [];
      spooled = unsent.length;
      if (!unsent[0] || stopped) return;
      queue = unsent.concat(queue);
      save(); // what the last page left on hide is in this page's memory only until this write
      send('queued');
    },
    /** Sends everything it may at once: the network is back, consent was given. */
    sendAll,
    /** The page hides or goes away: what is unsent is spooled and sent now, with keepalive. */
    leave() {
      save();
      if (link.allowed()) store.keep(link.sessionId(), pending());
      sendAll();
    },
    /** Sends everything queued, batch after batch (waiting for the answer in flight first), and waits. */
    async flush() {
      for (let reply; (reply = send('due') || (queue[0] && flying.values().next().value));) if (!(await reply)) break;
      await Promise.all(flying.values());
    },
    /** Everything not yet accepted, in flight first, in order. */
    pending,
    /** Drops everything unsent (answers in flight are then ignored) and empties the session's spool. */
    discard(reason: DropReason) {
      drop(pending(), reason);
      flying.clear();
      queue = [];
      link.stats.spooled = spooled = 0;
      store.write(link.sessionId(), () => []);
    },
    /** Spools what is unsent, then sends nothing more. */
    stop() {
      save();
      stopped = true;
      clearTimeout(timer);
    },
  };
};
