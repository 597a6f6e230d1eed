import { expect } from '@open-wc/testing';
import { resetMouse, sendMouse } from '@web/test-runner-commands';
import { createTracker } from '../../src/tracker.js';
import type { BatchInfo, Tracker, TrackerOptions } from '../../src/tracker.js';
import { until } from '../support/wait.js';
import { ofType, received, setFaults, stage } from './helpers.js';

let seen: unknown[] = [];

/** Waits for `check`; a timeout names the answers seen so far. */
const untilSeen = (check: () => boolean | Promise<boolean>, ms: number, what: string) =>
  until(check, () => `${what} (answers so far: ${JSON.stringify(countBy(seen))})`, ms);

describe('tracker delivery under faults: nothing is lost', () => {
  afterEach(async () => {
    await setFaults(null);
    await resetMouse();
  });

  it('500s, a 429 with a reset, a network outage and a reload mid-batch: every click arrives', async () => {
    const area = stage('<div style="position:fixed;left:0;top:0;width:800px;height:600px"></div>');
    const sessionId = `fault-${crypto.randomUUID()}`;
    let inFlight = 0;
    const options: TrackerOptions = {
      apiKey: 'sm_demo_key',
      sessionId,
      flushIntervalMs: 100,
      retryBaseMs: 50,
      retryMaxMs: 300,
      maxBatch: 8,
      // the real fetch, counted, to know when a batch is in flight and when each batch was sent
      fetch: (url, init) => {
        if (String(url).endsWith('/events')) sentAt.push(Date.now());
        inFlight++;
        return fetch(url, init).finally(() => inFlight--);
      },
    };
    const sentAt: number[] = [];
    let answered429At = 0;
    const statuses: BatchInfo['status'][] = (seen = []);
    const watch = (t: Tracker) =>
      t.on('batch', (b) => {
        statuses.push(b.status);
        if (b.status === 429) answered429At ||= Date.now();
      });
    const generated: string[] = [];
    /** Real clicks at distinct positions, 35 px apart so they never form a rage burst: the position tags the click. */
    const clicks = async (n: number) => {
      for (let k = 0; k < n; k++) {
        const i = generated.length;
        const x = 20 + (i % 20) * 35;
        const y = 20 + Math.floor(i / 20) * 35;
        generated.push(`${x},${y}`);
        await sendMouse({ type: 'click', position: [x, y] });
      }
    };
    let t = createTracker(options);
    watch(t);
    try {
      // 1. the server fails every request for a while
      await setFaults({ status: 500, rate: 1 });
      await clicks(12);
      await untilSeen(() => statuses.filter((s) => s === 500).length >= 3, 5000, 'three 500s');
      expect(t.stats.sent).to.equal(0);

      // 2. then it answers 429 once, asking to wait a second
      await setFaults({ status: 429, rate: 1, count: 1, retryAfterSec: 1 });
      await clicks(6);
      await untilSeen(() => statuses.includes(429), 5000, 'a 429');
      // Timed from the 429's answer to the next batch sent, both as they happen: the test itself notices the 429
      // only after its clicks, which take a while in Firefox and WebKit.
      const nextSent = () => sentAt.find((at) => at >= answered429At);
      await untilSeen(() => nextSent() !== undefined, 5000, 'the request after the 429');
      expect(nextSent()! - answered429At, 'waited for the reset').to.be.greaterThan(950);
      await untilSeen(() => t.stats.queued === 0, 5000, 'the backlog to drain');

      // 3. the network goes away
      await setFaults({ drop: true, rate: 1 });
      await clicks(10);
      await untilSeen(() => statuses.filter((s) => s === 'network_error').length >= 2, 5000, 'network errors');

      // 4. the network is back but slow, and the page reloads while a batch is in flight
      await setFaults({ latencyMs: 400 });
      await clicks(9);
      window.dispatchEvent(new Event('online'));
      await untilSeen(() => inFlight > 0, 2000, 'a batch in flight');
      const cut = { inFlight, queued: t.stats.queued };
      t.stop(); // a reload: in-flight answers are lost, nothing is flushed
      await setFaults(null);
      t = createTracker(options); // the next page: same sessionStorage id, same spool
      watch(t);
      await clicks(3);
      await untilSeen(
        async () => {
          const got = new Set(ofType(await received(sessionId), 'click').map((e) => `${e.x},${e.y}`));
          return generated.every((g) => got.has(g));
        },
        8000,
        'every generated click at the mock',
      );
      await t.flush();
      await untilSeen(() => inFlight === 0, 5000, 'the old page’s requests to settle too'); // so duplicates are counted

      const clicksGot = ofType(await received(sessionId), 'click').map((e) => `${e.x},${e.y}`);
      const distinct = new Set(clicksGot);
      const missing = generated.filter((g) => !distinct.has(g));
      const strangers = [...distinct].filter((g) => !generated.includes(g));
      console.log(
        `fault test: generated ${generated.length} clicks, received ${clicksGot.length} (${distinct.size} distinct, ` +
          `${clicksGot.length - distinct.size} duplicates), missing ${missing.length}; answers ${JSON.stringify(countBy(statuses))}; ` +
          `at the reload ${cut.inFlight} requests were in flight and ${cut.queued} events unconfirmed`,
      );
      expect(missing).to.deep.equal([]);
      expect(strangers).to.deep.equal([]);
      expect(t.stats.dropped).to.deep.equal({});
    } finally {
      t.stop();
      area.remove();
    }
  });
});

function countBy(list: unknown[]) {
  const out: Record<string, number> = {};
  for (const v of list) out[String(v)] = (out[String(v)] ?? 0) + 1;
  return out;
}
