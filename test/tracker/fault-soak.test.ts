import { expect } from '@open-wc/testing';
import { resetMouse, sendMouse } from '@web/test-runner-commands';
import { createTracker } from '../../src/tracker.js';
import type { BatchInfo, DropInfo, MoodEvent, Tracker, TrackerOptions } from '../../src/tracker.js';
import { mockAdmin } from '../support/mock-admin.js';
import { sleep, until } from '../support/wait.js';

/** Every raw event the mock received for a session, duplicates included. */
const received = (sessionId: string) => mockAdmin.sessionEvents<MoodEvent>(sessionId);

/**
 * Real clicks, each at its own grid position, so the position is the event's sequence number. Neighbours are
 * 35 px apart, never a rage burst (30 px).
 */
function clicker() {
  const positions: string[] = [];
  return {
    positions,
    async click(n: number) {
      for (let k = 0; k < n; k++) {
        const seq = positions.length;
        const x = 15 + (seq % 22) * 35;
        const y = 15 + Math.floor(seq / 22) * 35;
        if (y > 580) throw new Error('out of grid positions');
        positions.push(`${x},${y}`);
        await sendMouse({ type: 'click', position: [x, y] });
      }
    },
  };
}

const clicksAt = (events: MoodEvent[]) => events.filter((e) => e.type === 'click').map((e) => `${e.x},${e.y}`);

function countBy(list: unknown[]) {
  const out: Record<string, number> = {};
  for (const v of list) out[String(v)] = (out[String(v)] ?? 0) + 1;
  return out;
}

describe('hardening: tracker: nothing is lost through 30 % 5xx, a 429 window, an outage and a reload mid-batch', function () {
  this.timeout(60000);
  let stage: HTMLElement;
  beforeEach(() => {
    stage = document.createElement('div');
    stage.style.cssText = 'position:fixed;inset:0;z-index:1';
    document.body.append(stage);
  });
  afterEach(async () => {
    stage.remove();
    await mockAdmin.setFaults(null);
    await resetMouse();
  });

  it('every generated event reaches the mock; duplicates are counted', async () => {
    const sessionId = `hardening-${crypto.randomUUID()}`;
    let inFlight = 0;
    const statuses: BatchInfo['status'][] = [];
    const drops: DropInfo[] = [];
    const options: TrackerOptions = {
      apiKey: 'sm_demo_key',
      sessionId,
      flushIntervalMs: 60,
      maxBatch: 4,
      retryBaseMs: 30,
      retryMaxMs: 250,
      detectors: { hover: false, idle: false, focus: false, inputPause: false },
      fetch: (url, init) => (inFlight++, fetch(url, init).finally(() => inFlight--)),
    };
    const start = () => {
      const t = createTracker(options);
      t.on('batch', (b) => statuses.push(b.status));
      t.on('drop', (d) => drops.push(d));
      return t;
    };
    const { positions, click } = clicker();
    const drained = (t: Tracker) =>
      until(() => t.stats.queued === 0, `the queue to drain (answers ${JSON.stringify(countBy(statuses))})`, 15000);
    let t = start();
    const trackers = [t];
    try {
      // 1. 30 % of requests fail with a 5xx, for as long as it takes to see several of them.
      await mockAdmin.setFaults({ mood: { status: 503, rate: 0.3 } });
      // The grid holds 374 positions and the later stages take 66, so the loop may use up to 300 of them.
      while (positions.length < 40 || statuses.filter((s) => s === 503).length < 4) {
        await click(4);
        await sleep(30);
        if (positions.length >= 300) break;
      }
      await drained(t);
      const fivexx = statuses.filter((s) => s === 503).length;
      expect(
        fivexx,
        `5xx answers seen after ${positions.length} clicks (${JSON.stringify(countBy(statuses))})`,
      ).to.be.at.least(3);
      expect(statuses.filter((s) => s === 200).length, '2xx answers seen').to.be.at.least(3);

      // 2. A 429 window: three answers in a row ask to wait a second (retry-after and reset_at).
      await mockAdmin.setFaults({ mood: { status: 429, retryAfterSec: 1, count: 3 } });
      const windowStart = Date.now();
      const before429 = statuses.length;
      await click(16);
      await drained(t);
      const in429 = statuses.slice(before429);
      expect(
        in429.filter((s) => s === 429),
        'the 429 window',
      ).to.have.length(3);
      expect(Date.now() - windowStart, 'waited out each reset').to.be.greaterThan(2500);

      // 3. Offline: every request fails at the network level.
      await mockAdmin.setFaults({ mood: { drop: true } });
      const sentBeforeOutage = t.stats.sent;
      await click(20);
      await until(() => statuses.filter((s) => s === 'network_error').length >= 3, 'network errors', 8000);
      expect(t.stats.sent, 'nothing is accepted while offline').to.equal(sentBeforeOutage);
      expect(t.stats.queued).to.be.at.least(20);

      // 4. Back online but slow; the page reloads while a batch is in flight (nothing flushed, answers lost).
      await mockAdmin.setFaults({ mood: { latencyMs: 500 } });
      window.dispatchEvent(new Event('online'));
      await until(() => inFlight > 0, 'a batch in flight', 3000);
      await click(6);
      t.stop();
      await mockAdmin.setFaults({ mood: { status: 503, rate: 0.3 } });
      t = start();
      trackers.push(t);
      await click(24);
      await drained(t);
      await mockAdmin.setFaults(null);
      await until(
        async () => {
          const got = new Set(clicksAt(await received(sessionId)));
          return positions.every((p) => got.has(p));
        },
        'every generated click at the mock',
        15000,
      );
      await t.flush();
      await sleep(600); // the old page's in-flight answers land (and count as duplicates if resent)

      const got = clicksAt(await received(sessionId));
      const distinct = new Set(got);
      const missing = positions.filter((p) => !distinct.has(p));
      const strangers = [...distinct].filter((p) => !positions.includes(p));
      const duplicates = got.length - distinct.size;
      console.log(
        `hardening tracker: events generated ${positions.length}, received ${got.length} (${distinct.size} distinct), ` +
          `duplicated ${duplicates}, missing ${missing.length}; answers ${JSON.stringify(countBy(statuses))}`,
      );
      expect(missing, 'lost events').to.deep.equal([]);
      expect(strangers, 'events nobody generated').to.deep.equal([]);
      expect(drops, 'drops').to.deep.equal([]);
      expect(duplicates, 'duplicates come only from the batch in flight at the reload').to.be.at.most(2 * 4);
    } finally {
      trackers.forEach((x) => x.stop());
    }
  });

  it('the spool is bounded: past spoolCap the oldest are dropped, counted in stats and reported by onDrop and `drop`', async () => {
    const sessionId = `hardening-cap-${crypto.randomUUID()}`;
    const statuses: BatchInfo['status'][] = [];
    const onDrop: [MoodEvent[], string][] = [];
    const dropEvents: DropInfo[] = [];
    const t = createTracker({
      apiKey: 'sm_demo_key',
      sessionId,
      spoolCap: 20,
      maxBatch: 100,
      flushIntervalMs: 50,
      retryBaseMs: 30000, // after the first failure nothing is in flight until the network is back
      detectors: { hover: false, idle: false, focus: false, inputPause: false, pageView: false },
      onDrop: (events, reason) => onDrop.push([events, reason]),
    });
    t.on('batch', (b) => statuses.push(b.status));
    t.on('drop', (d) => dropEvents.push(d));
    const { positions, click } = clicker();
    try {
      await mockAdmin.setFaults({ mood: { drop: true } });
      await click(1);
      await until(() => statuses.includes('network_error'), 'the first failed send', 3000);
      await click(34);
      expect(t.stats.dropped).to.deep.equal({ spool_cap: 15 });
      expect(t.stats.queued).to.equal(20);
      const dropped = onDrop.flatMap(([events]) => clicksAt(events));
      expect(dropped, 'the oldest are dropped').to.deep.equal(positions.slice(0, 15));
      expect(onDrop.every(([, reason]) => reason === 'spool_cap')).to.equal(true);
      expect(dropEvents.flatMap((d) => clicksAt(d.events))).to.deep.equal(positions.slice(0, 15));
      await until(() => t.stats.spooled === 20, 'the IndexedDB spool to hold the capped 20', 3000);

      await mockAdmin.setFaults(null);
      window.dispatchEvent(new Event('online'));
      await until(async () => clicksAt(await received(sessionId)).length >= 20, 'the kept 20 at the mock', 5000);
      const got = clicksAt(await received(sessionId));
      expect(got).to.deep.equal(positions.slice(15));
      console.log(
        `hardening spool cap: generated ${positions.length}, cap 20, dropped ${t.stats.dropped.spool_cap} (reported), delivered ${got.length}`,
      );
    } finally {
      t.stop();
    }
  });
});
