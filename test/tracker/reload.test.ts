import { expect } from '@open-wc/testing';
import { resetMouse, sendMouse } from '@web/test-runner-commands';
import type { MoodEvent, Tracker } from '../../src/tracker.js';
import { mockAdmin } from '../support/mock-admin.js';
import { sleep, until } from '../support/wait.js';

/**
 * Real page reloads (not a simulated stop()): the built tracker-only bundle runs in a strict-CSP page in an
 * iframe, real clicks land on it, and the iframe's document is reloaded while batches are in flight or the
 * network is down. The iframe shares this tab's sessionStorage, so the reloaded page continues the session.
 */
type TrackerWindow = Window & {
  Mooni?: { tracker?: Tracker };
  __hardening: { violations: unknown[]; errors: string[] };
};

let frame: HTMLIFrameElement | undefined;

async function load(): Promise<TrackerWindow> {
  if (!frame) {
    frame = document.createElement('iframe');
    frame.style.cssText =
      'position:fixed;left:0;top:0;width:800px;height:600px;border:0;z-index:2147483647;background:#fff';
    document.body.append(frame);
  }
  const loaded = new Promise((r) => frame!.addEventListener('load', r, { once: true }));
  if (frame.src) frame.contentWindow!.location.reload();
  else frame.src = '/test/embed/csp/hardening/tracker.html';
  await loaded;
  const w = frame.contentWindow as TrackerWindow;
  await until(() => w.Mooni?.tracker, 'the tracker in the page', 5000);
  return w;
}

const received = (sessionId: string) => mockAdmin.sessionEvents<MoodEvent>(sessionId);
const clicksAt = (events: MoodEvent[]) => events.filter((e) => e.type === 'click').map((e) => `${e.x},${e.y}`);

function clicker() {
  const positions: string[] = [];
  return {
    positions,
    async click(n: number) {
      for (let k = 0; k < n; k++) {
        const seq = positions.length;
        const x = 15 + (seq % 22) * 35;
        const y = 15 + Math.floor(seq / 22) * 35;
        positions.push(`${x},${y}`);
        await sendMouse({ type: 'click', position: [x, y] });
      }
    },
  };
}

describe('hardening: tracker bundle across real page reloads: nothing is lost', function () {
  this.timeout(40000);
  afterEach(async () => {
    frame?.remove();
    frame = undefined;
    await mockAdmin.setFaults(null);
    await resetMouse();
  });

  it('reloads with a batch in flight, then with the network down: every click arrives, duplicates counted', async () => {
    const sessionId = `reload-${crypto.randomUUID()}`;
    sessionStorage.setItem('sm_session_id', sessionId);
    try {
      let w = await load();
      expect(w.Mooni!.tracker!.sessionId).to.equal(sessionId);
      const { positions, click } = clicker();

      // 1. A slow server: 50 clicks send a batch at once (maxBatch), then more clicks, then a reload mid-flight.
      await mockAdmin.setFaults({ mood: { latencyMs: 700 } });
      await click(56);
      await sleep(50);
      w = await load();
      expect(w.Mooni!.tracker!.sessionId, 'the reloaded page continues the session').to.equal(sessionId);

      // 2. The network goes down; clicks; a reload while offline (the pagehide send fails too).
      await mockAdmin.setFaults({ mood: { drop: true } });
      await click(30);
      w = await load();
      await click(10);

      // 3. Back online: the last page sends what every earlier page left in the spool.
      await mockAdmin.setFaults(null);
      await w.Mooni!.tracker!.flush();
      await until(
        async () => {
          const got = new Set(clicksAt(await received(sessionId)));
          return positions.every((p) => got.has(p));
        },
        'every click at the mock',
        15000,
      );
      await sleep(800); // in-flight answers from earlier pages land

      const got = clicksAt(await received(sessionId));
      const distinct = new Set(got);
      console.log(
        `hardening tracker reload: events generated ${positions.length}, received ${got.length} (${distinct.size} distinct), ` +
          `duplicated ${got.length - distinct.size}, missing ${positions.filter((p) => !distinct.has(p)).length}; real reloads 2`,
      );
      expect(
        positions.filter((p) => !distinct.has(p)),
        'lost clicks',
      ).to.deep.equal([]);
      // At least once: a reload re-sends whatever was unsent or in flight (003 has no event id to deduplicate on).
      expect(got.length - distinct.size, 'duplicates stay bounded by what each reload had unsent').to.be.at.most(
        2 * positions.length,
      );
      expect(
        [...distinct].filter((p) => !positions.includes(p)),
        'clicks nobody made',
      ).to.deep.equal([]);
      expect(w.__hardening.violations, 'CSP violations').to.deep.equal([]);
      expect(w.__hardening.errors).to.deep.equal([]);
    } finally {
      stopFramedTracker();
      sessionStorage.removeItem('sm_session_id');
    }
  });
});

function stopFramedTracker() {
  (frame?.contentWindow as TrackerWindow | undefined)?.Mooni?.tracker?.stop();
}
