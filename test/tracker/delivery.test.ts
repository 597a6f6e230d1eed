import { expect } from '@open-wc/testing';
import { createStore, get } from 'idb-keyval';
import type { MoodEvent, MoodSnapshot } from '../../src/tracker.js';
import { createTracker } from '../../src/tracker.js';
import { mockAdmin } from '../support/mock-admin.js';
import { until } from '../support/wait.js';
import { ofType, received, setFaults, sleep, start, stopAll } from './helpers.js';

const spool = createStore('mooni-tracker', 'spool');
const clickAt = (x: number): MoodEvent => ({ type: 'click', x, y: 1 });

describe('tracker delivery', () => {
  afterEach(stopAll);

  it('sends on its own after flushIntervalMs, one request for what accumulated', async () => {
    const t = start({ flushIntervalMs: 150 });
    const batches: number[] = [];
    t.on('batch', (b) => batches.push(b.events.length));
    for (const x of [1, 2, 3]) t.track(clickAt(x));
    expect(t.stats.requests).to.equal(0);
    await until(async () => (await received(t.sessionId)).length === 4, 'the condition', 3000);
    expect(batches).to.deep.equal([4]);
    expect(t.stats.sent).to.equal(4);
    expect(t.stats.queued).to.equal(0);
  });

  it('sends at once when maxBatch events are queued, in order', async () => {
    const t = start({ maxBatch: 5 });
    const batches: number[] = [];
    t.on('batch', (b) => batches.push(b.events.length));
    for (let x = 1; x <= 12; x++) t.track(clickAt(x)); // with the page_view: 13 events
    await until(async () => (await received(t.sessionId)).length === 10, 'the condition', 3000);
    expect(batches).to.deep.equal([5, 5]);
    expect(t.stats.queued).to.equal(3);
    await t.flush();
    const xs = ofType(await received(t.sessionId), 'click').map((e) => e.x);
    expect(xs).to.deep.equal([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  it('flush() sends everything queued, batch after batch, one at a time and in order', async () => {
    let inFlight = 0;
    let most = 0;
    const t = start({
      maxBatch: 3,
      fetch: (u, i) => {
        if (i?.method !== 'POST') return fetch(u, i); // mood reads are not batches
        most = Math.max(most, ++inFlight);
        return fetch(u, i).finally(() => inFlight--);
      },
    });
    for (let x = 1; x <= 20; x++) t.track(clickAt(x));
    await t.flush();
    expect(t.stats.queued).to.equal(0);
    expect(ofType(await received(t.sessionId), 'click').map((e) => e.x)).to.deep.equal(
      [...Array(20)].map((_, i) => i + 1),
    );
    expect(most).to.equal(1);
  });

  it('sends everything with keepalive when the page hides', async () => {
    const inits: RequestInit[] = [];
    const t = start({ fetch: (u, i) => (i?.method === 'POST' && inits.push(i), fetch(u, i)) });
    t.track(clickAt(7));
    Object.defineProperty(document, 'hidden', { value: true, configurable: true });
    try {
      document.dispatchEvent(new Event('visibilitychange'));
    } finally {
      delete (document as { hidden?: boolean }).hidden;
    }
    expect(inits.length).to.equal(1);
    expect(inits[0]!.keepalive).to.equal(true);
    t.track(clickAt(8));
    window.dispatchEvent(new PageTransitionEvent('pagehide'));
    expect(inits.length, 'a second request may join the first when the page goes away').to.equal(2);
    await until(async () => ofType(await received(t.sessionId), 'click').length === 2, 'the condition', 3000);
    expect(
      inits.every((i) => i.keepalive && (i.headers as Record<string, string>)['X-Api-Key'] === 'sm_demo_key'),
    ).to.equal(true);
  });

  it('a 400 naming a type drops only those events and reports them via onDrop', async () => {
    const drops: [MoodEvent[], string][] = [];
    const t = start({ onDrop: (events, reason) => drops.push([events, reason]) });
    t.track(clickAt(1));
    t.track({ type: 'page_visit' } as unknown as MoodEvent);
    t.track(clickAt(2));
    await t.flush();
    expect(drops.length).to.equal(1);
    expect(drops[0]![1]).to.equal('invalid');
    expect(drops[0]![0].map((e) => e.type)).to.deep.equal(['page_visit']);
    expect(t.stats.dropped).to.deep.equal({ invalid: 1 });
    const got = await received(t.sessionId);
    expect(ofType(got, 'click').map((e) => e.x)).to.include.members([1, 2]);
    expect(got.some((e) => (e.type as string) === 'page_visit')).to.equal(false);
    expect(t.stats.queued).to.equal(0);
  });

  it('a 401 stops sending, warns once and keeps the events', async () => {
    const warnings: unknown[] = [];
    const warn = console.warn;
    console.warn = (...a: unknown[]) => warnings.push(a);
    try {
      const t = start({ apiKey: 'sm_not_a_key' });
      t.track(clickAt(1));
      await t.flush();
      t.track(clickAt(2));
      await t.flush();
      expect(t.stats.requests).to.equal(1);
      expect(warnings.length).to.equal(1);
      expect(t.stats.queued).to.equal(3);
      expect(t.stats.dropped).to.deep.equal({});
    } finally {
      console.warn = warn;
    }
  });

  it('consent pending keeps events in memory only; consent(true) sends them', async () => {
    const t = start({ consent: 'pending' });
    t.track(clickAt(1));
    await t.flush();
    await sleep(50);
    expect(t.stats.requests).to.equal(0);
    expect(await received(t.sessionId)).to.deep.equal([]);
    expect(await get(t.sessionId, spool)).to.equal(undefined);
    t.consent(true);
    await t.flush();
    expect((await received(t.sessionId)).map((e) => e.type)).to.deep.equal(['page_view', 'click']);
  });

  it('consent(false) discards what waited, sends nothing and stops', async () => {
    const drops: string[] = [];
    const t = start({ consent: 'pending', onDrop: (_e, reason) => drops.push(reason) });
    t.track(clickAt(1));
    t.consent(false);
    t.track(clickAt(2));
    await t.flush();
    expect(drops).to.deep.equal(['consent']);
    expect(t.stats.dropped).to.deep.equal({ consent: 2 });
    expect(t.stats.requests).to.equal(0);
    expect(t.stats.detected).to.equal(2);
  });

  it('Global Privacy Control makes the tracker inert unless the host overrides', async () => {
    Object.defineProperty(navigator, 'globalPrivacyControl', { value: true, configurable: true });
    try {
      const inert = start();
      inert.track(clickAt(1));
      await inert.flush();
      expect(inert.stats.detected).to.equal(0);
      expect(inert.stats.requests).to.equal(0);
      const overridden = start({ respectPrivacySignals: false });
      overridden.track(clickAt(1));
      await overridden.flush();
      expect(ofType(await received(overridden.sessionId), 'click').length).to.equal(1);
    } finally {
      delete (navigator as { globalPrivacyControl?: boolean }).globalPrivacyControl;
    }
  });

  it('caps what waits unsent: the oldest events are dropped and counted', async () => {
    const drops: [number, string][] = [];
    const t = start({
      consent: 'pending',
      spoolCap: 5,
      onDrop: (events, reason) => drops.push([events.length, reason]),
    });
    for (let x = 1; x <= 8; x++) t.track(clickAt(x)); // with the page_view: 9 events
    expect(t.stats.queued).to.equal(5);
    expect(t.stats.dropped).to.deep.equal({ spool_cap: 4 });
    expect(drops).to.deep.equal([
      [1, 'spool_cap'],
      [1, 'spool_cap'],
      [1, 'spool_cap'],
      [1, 'spool_cap'],
    ]);
    t.consent(true);
    await t.flush();
    expect(ofType(await received(t.sessionId), 'click').map((e) => e.x)).to.deep.equal([4, 5, 6, 7, 8]);
  });

  it('keeps unsent events in IndexedDB and sends them from the next tracker of the session', async () => {
    await setFaults({ drop: true });
    try {
      const first = start({ retryBaseMs: 60000 });
      first.track(clickAt(41));
      await first.flush(); // the network fails: the events stay spooled
      expect(first.stats.sent).to.equal(0);
      await until(
        async () => ((await get(first.sessionId, spool)) as MoodEvent[] | undefined)?.length === 2,
        'the condition',
        3000,
      );
      first.stop();
      await setFaults(null);
      const next = start({ sessionId: first.sessionId });
      await until(async () => ofType(await received(first.sessionId), 'click').length === 1, 'the condition', 3000);
      await next.flush();
      await until(async () => (await get(first.sessionId, spool)) === undefined, 'the condition', 3000);
      expect((await received(first.sessionId)).map((e) => e.type)).to.deep.equal(['page_view', 'click', 'page_view']);
    } finally {
      await setFaults(null);
    }
  });

  it('keeps its session id in sessionStorage sm_session_id', () => {
    sessionStorage.removeItem('sm_session_id');
    const a = createTracker({ apiKey: 'sm_demo_key', flushIntervalMs: 600000 });
    a.stop();
    expect(a.sessionId).to.match(/^[0-9a-f-]{36}$/);
    expect(sessionStorage.getItem('sm_session_id')).to.equal(a.sessionId);
    const b = createTracker({ apiKey: 'sm_demo_key', flushIntervalMs: 600000 });
    b.stop();
    expect(b.sessionId).to.equal(a.sessionId);
    expect(() => createTracker({ sessionId: 'x'.repeat(257) })).to.throw(/256/);
  });

  it('a changed mood is read once from /mood and handed to the host', async () => {
    const t = start();
    const moods: MoodSnapshot[] = [];
    const actions: MoodSnapshot[] = [];
    const dom: MoodSnapshot[] = [];
    const onDom = (e: CustomEvent<MoodSnapshot>) => dom.push(e.detail);
    addEventListener('mooni-mood', onDom);
    t.on('mood', (s) => moods.push(s));
    t.onAction((s) => actions.push(s));
    try {
      for (let i = 0; i < 4; i++) t.track({ type: 'rage_click', x: 10 * i, y: 10 });
      t.error('Payment failed');
      t.error('Payment failed again');
      t.track({ type: 'back_nav' });
      await t.flush();
      await until(() => moods.length > 0, 'the condition', 3000);
      expect(moods[0]!.mood).to.equal('frustrated');
      expect(moods[0]!.session_id).to.equal(t.sessionId);
      expect(moods[0]!.suggested_action).to.equal('show_live_chat');
      expect(actions).to.deep.equal(moods);
      expect(dom).to.deep.equal(moods);
      expect(t.mood).to.deep.equal(moods[0]);
      t.error('still failing');
      await t.flush();
      await sleep(50);
      expect(moods.length, 'same mood: no second read').to.equal(1);
      const log = await mockAdmin.log();
      expect(log.filter((i) => i.method === 'GET' && i.path === `/v1/sessions/${t.sessionId}/mood`).length).to.equal(1);
    } finally {
      removeEventListener('mooni-mood', onDom);
    }
  });

  it('feedback() posts to /feedback and rejects bad input', async () => {
    const t = start();
    await t.flush();
    await t.feedback({ action_taken: 'show_live_chat', was_helpful: true, notes: 'opened chat' });
    const stored = JSON.stringify(await mockAdmin.feedback(t.sessionId));
    expect(stored).to.contain('show_live_chat');
    let failed: unknown;
    await t.feedback({} as { action_taken: string }).catch((e) => (failed = e));
    expect(String(failed)).to.match(/400/);
  });

  it('forget() erases the session on the server, clears the spool and starts a new id', async () => {
    const t = start();
    t.track(clickAt(1));
    await t.flush();
    const old = t.sessionId;
    await t.forget();
    expect(t.sessionId).not.to.equal(old);
    expect(sessionStorage.getItem('sm_session_id')).to.equal(t.sessionId);
    expect((await fetch(`/v1/sessions/${old}/mood`, { headers: { 'X-Api-Key': 'sm_demo_key' } })).status).to.equal(404);
    expect(await get(old, spool)).to.equal(undefined);
    t.track(clickAt(2));
    await t.flush();
    expect(ofType(await received(t.sessionId), 'click').map((e) => e.x)).to.deep.equal([2]);
  });

  it("mode 'local' scores the mood in the page and makes no request", async () => {
    const calls: string[] = [];
    const t = start({
      mode: 'local',
      fetch: (u) => (calls.push(u), Promise.reject(new Error('no network in local mode'))),
    });
    const moods: MoodSnapshot[] = [];
    t.on('mood', (s) => moods.push(s));
    for (let i = 0; i < 4; i++) t.track({ type: 'rage_click', x: 10, y: 10 });
    t.error('Payment failed');
    t.error('Payment failed');
    await t.flush();
    await until(() => moods.at(-1)?.mood === 'frustrated', 'the condition', 3000); // the engine chunk loads on first use
    expect(moods.at(-1)!.suggested_action).to.equal('show_live_chat');
    expect(moods.at(-1)!.session_id).to.equal(t.sessionId);
    expect(t.mood).to.equal(moods.at(-1));
    await t.feedback({ action_taken: 'show_live_chat' });
    await t.forget();
    expect(calls).to.deep.equal([]);
    expect(t.stats.sent).to.equal(0);
  });
});
