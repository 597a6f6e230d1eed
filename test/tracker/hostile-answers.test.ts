import { expect } from '@open-wc/testing';
import { createTracker } from '../../src/tracker.js';
import type { MoodEvent, Tracker } from '../../src/tracker.js';
import { mockAdmin } from '../support/mock-admin.js';
import { sleep, until } from '../support/wait.js';
import { watchWindow } from '../support/watch-window.js';

/**
 * A SessionMood answer mangled on its way back (a proxy, a captive portal, a broken deploy). 2xx answers are
 * forwarded to the real mock first, so the events really arrive; only the answer the tracker reads is hostile.
 */
type Mangle = { name: string; forward: boolean; events: () => Response; mood?: () => Response };

const json = (body: string, status = 200, headers: Record<string, string> = {}) =>
  new Response(body, { status, headers: { 'content-type': 'application/json', ...headers } });

const MANGLES: Mangle[] = [
  {
    name: 'HTML with 200',
    forward: true,
    events: () =>
      new Response('<html><script>window.__pwned=1</script></html>', { headers: { 'content-type': 'text/html' } }),
  },
  { name: 'invalid JSON with 200', forward: true, events: () => json('{"accepted":') },
  { name: 'JSON null with 200', forward: true, events: () => json('null') },
  { name: 'JSON array with 200', forward: true, events: () => json('[1,2]') },
  { name: 'JSON string with 200', forward: true, events: () => json('"ok"') },
  { name: 'empty body with 204', forward: true, events: () => new Response(null, { status: 204 }) },
  {
    name: 'a mood of the wrong type',
    forward: true,
    events: () => json('{"accepted":1,"current_mood":{"evil":true}}'),
    mood: () =>
      json(
        '{"mood":{"x":1},"confidence":"high","signals":"<img src=x onerror=window.__pwned=1>","suggested_action":["open_chat"]}',
      ),
  },
  {
    name: 'a changed mood whose read is garbage',
    forward: true,
    events: () => json('{"accepted":1,"current_mood":"frustrated"}'),
    mood: () => json('<html>', 200),
  },
  {
    name: 'a changed mood whose read is null',
    forward: true,
    events: () => json('{"current_mood":"confused"}'),
    mood: () => json('null'),
  },
  {
    name: '429 with garbage retry-after and reset_at',
    forward: false,
    events: () => json('{"reset_at":"not a date"}', 429, { 'retry-after': 'soon' }),
  },
  { name: '429 with a negative retry-after', forward: false, events: () => json('{}', 429, { 'retry-after': '-5' }) },
  { name: '429 with body null', forward: false, events: () => json('null', 429) },
  {
    name: '503 with HTML',
    forward: false,
    events: () => new Response('<h1>down</h1>', { status: 503, headers: { 'content-type': 'text/html' } }),
  },
  { name: '502 with body null', forward: false, events: () => json('null', 502) },
];

const received = (id: string) => mockAdmin.sessionEvents<MoodEvent>(id);

describe('hardening: tracker: mangled SessionMood answers never throw, and no event is lost', function () {
  this.timeout(20000);
  let watch: ReturnType<typeof watchWindow>;
  let tracker: Tracker | undefined;
  beforeEach(() => {
    window.__pwned = undefined;
    watch = watchWindow();
  });
  afterEach(() => {
    tracker?.stop();
    watch.stop();
  });

  for (const mangle of MANGLES) {
    it(mangle.name, async () => {
      const sessionId = `hostile-${crypto.randomUUID()}`;
      let mangled = 0;
      const t = (tracker = createTracker({
        apiKey: 'sm_demo_key',
        sessionId,
        flushIntervalMs: 20,
        retryBaseMs: 20,
        retryMaxMs: 100,
        detectors: {
          hover: false,
          idle: false,
          focus: false,
          inputPause: false,
          pageView: false,
          scroll: false,
          backtrack: false,
        },
        fetch: async (url, init) => {
          const isMood = url.endsWith('/mood');
          const hostile = isMood ? mangle.mood : mangled < 2 ? mangle.events : undefined;
          if (!hostile) return fetch(url, init);
          if (!isMood) mangled++;
          if (mangle.forward) await (await fetch(url, init)).arrayBuffer();
          return hostile();
        },
      }));
      const sent: number[] = [];
      for (let i = 0; i < 6; i++) {
        t.track({ type: 'click', x: 1000 + i, y: 7 });
        sent.push(1000 + i);
        await sleep(30);
      }
      await until(
        async () => {
          const got = new Set((await received(sessionId)).filter((e) => e.type === 'click').map((e) => e.x));
          return sent.every((x) => got.has(x));
        },
        `every event at the mock (stats ${JSON.stringify(t.stats)})`,
        8000,
      );
      await t.flush();
      await until(() => t.stats.queued === 0, 'an empty queue', 3000);
      await sleep(50);
      expect(watch.errors, 'uncaught errors').to.deep.equal([]);
      expect(window.__pwned).to.equal(undefined);
      expect(t.stats.dropped).to.deep.equal({});
      if (t.mood) expect(typeof t.mood.mood, 'a mood label is a string').to.equal('string');
    });
  }
});
