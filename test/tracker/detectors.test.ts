import { expect } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import { ofType, received, sleep, stage, start, stopAll } from './helpers.js';

/** Mocha fails the running test from window.onerror; these tests raise errors on purpose. */
function withoutMochaErrorHook(fn: () => void) {
  const hook = window.onerror;
  window.onerror = null;
  try {
    fn();
  } finally {
    window.onerror = hook;
  }
}

const click = (x: number, y: number) => sendMouse({ type: 'click', position: [x, y] });

describe('tracker detectors with real input, checked at the mock backend', () => {
  let area: HTMLElement;
  beforeEach(() => {
    area = stage(`
      <div style="position:fixed;left:0;top:0;width:600px;height:400px;background:#eee"></div>
      <div data-mooni-ignore style="position:fixed;left:620px;top:0;width:100px;height:100px"></div>
      <input id="field" style="position:fixed;left:620px;top:150px;width:120px;height:30px">
      <button id="btn" style="position:fixed;left:620px;top:250px;width:120px;height:40px">Buy</button>`);
  });
  afterEach(async () => {
    stopAll();
    area.remove();
    await resetMouse();
  });

  it('sends a click with viewport coordinates and one rage_click per burst of 3', async () => {
    const t = start();
    for (const x of [100, 110, 120, 125]) await click(x, 200); // 4 clicks, |dx| ≤ 10: one burst
    await sleep(1100); // the burst is judged once it settles: nothing on the page answered it
    await t.flush();
    const got = await received(t.sessionId);
    expect(ofType(got, 'click').map((e) => [e.x, e.y])).to.deep.equal([
      [100, 200],
      [110, 200],
      [120, 200],
      [125, 200],
    ]);
    const rage = ofType(got, 'rage_click');
    expect(rage.length, 'the fourth click does not fire again').to.equal(1);
    expect([rage[0]!.x, rage[0]!.y]).to.deep.equal([120, 200]);
    expect(got.every((e) => typeof e.ts === 'number' && Math.abs(e.ts - Date.now() / 1000) < 60)).to.equal(true);
  });

  it('rage-click distance boundary with real clicks: 30 px apart is a burst, 31 px is not', async () => {
    const t = start();
    for (const x of [100, 130, 160]) await click(x, 50); // inside: |dx| = 30
    for (const x of [300, 331, 362]) await click(x, 300); // outside: |dx| = 31
    await sleep(1100);
    await t.flush();
    const rage = ofType(await received(t.sessionId), 'rage_click');
    expect(rage.map((e) => e.x)).to.deep.equal([160]);
  });

  it('rage-click interval is an option: clicks slower than intervalMs do not burst', async () => {
    const t = start({ detectors: { rageClick: { intervalMs: 150 } } });
    for (const x of [100, 100, 100]) {
      await click(x, 100);
      await sleep(250);
    }
    for (const x of [200, 200, 200]) await click(x, 100);
    await sleep(1100);
    await t.flush();
    const got = await received(t.sessionId);
    expect(ofType(got, 'click').length).to.equal(6);
    expect(ofType(got, 'rage_click').map((e) => e.x)).to.deep.equal([200]);
  });

  it('ignores clicks on [data-mooni-ignore] and in text fields', async () => {
    const t = start();
    for (let i = 0; i < 3; i++) await click(650, 50);
    for (let i = 0; i < 3; i++) await click(660, 165);
    await t.flush();
    const got = await received(t.sessionId);
    expect(ofType(got, 'click')).to.deep.equal([]);
    expect(ofType(got, 'rage_click')).to.deep.equal([]);
  });

  it('reports focus, blur and an input pause from key timing only, never the keys', async () => {
    const t = start({ detectors: { inputPause: { thresholdMs: 200 } } });
    await click(660, 165);
    await sendKeys({ type: 'se' });
    await sleep(350);
    await sendKeys({ type: 'cret' });
    await sendKeys({ press: 'Tab' });
    await t.flush();
    const got = await received(t.sessionId);
    const types = got.map((e) => e.type).filter((x) => x !== 'page_view');
    expect(types).to.deep.equal(['focus', 'input_pause', 'blur']);
    const pause = ofType(got, 'input_pause')[0]!;
    expect(pause.duration_ms).to.be.within(200, 2000);
    expect(JSON.stringify(got)).not.to.match(/secret|cret|"se"/);
  });

  it('does not report a pause shorter than the threshold, nor one across fields', async () => {
    const t = start({ detectors: { inputPause: { thresholdMs: 400 } } });
    await click(660, 165);
    await sendKeys({ type: 'ab' });
    await sleep(100);
    await sendKeys({ type: 'cd' });
    await t.flush();
    expect(ofType(await received(t.sessionId), 'input_pause')).to.deep.equal([]);
  });

  it('reports a long hover on a button when the mouse leaves without pressing', async () => {
    const t = start({ detectors: { hover: { thresholdMs: 200 } } });
    await sendMouse({ type: 'move', position: [680, 270] });
    await sleep(300);
    await sendMouse({ type: 'move', position: [300, 200] });
    // a hover that ends in a click is not confusion
    await sendMouse({ type: 'move', position: [680, 270] });
    await sleep(300);
    await click(680, 270);
    await sendMouse({ type: 'move', position: [300, 200] });
    // a short hover does not count
    await sendMouse({ type: 'move', position: [680, 270] });
    await sendMouse({ type: 'move', position: [300, 200] });
    await t.flush();
    const hovers = ofType(await received(t.sessionId), 'hover');
    expect(hovers.length).to.equal(1);
    expect(hovers[0]!.duration_ms).to.be.within(200, 3000);
  });

  it('reports idle time when activity resumes', async () => {
    const t = start({ detectors: { idle: { thresholdMs: 250 } } });
    await sendMouse({ type: 'move', position: [10, 10] });
    await sendMouse({ type: 'move', position: [20, 20] });
    await sleep(400);
    await sendMouse({ type: 'move', position: [30, 30] });
    await sendMouse({ type: 'move', position: [40, 40] });
    await t.flush();
    const idle = ofType(await received(t.sessionId), 'idle');
    expect(idle.length).to.equal(1);
    expect(idle[0]!.duration_ms).to.be.within(250, 3000);
  });

  it('reports an idle gap when the page hides, and back_nav on a return from the back/forward cache', async () => {
    const t = start({ detectors: { idle: { thresholdMs: 150 } } });
    await sendMouse({ type: 'move', position: [10, 10] });
    await sleep(250);
    Object.defineProperty(document, 'hidden', { value: true, configurable: true });
    try {
      document.dispatchEvent(new Event('visibilitychange'));
    } finally {
      delete (document as { hidden?: boolean }).hidden;
    }
    window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: true }));
    window.dispatchEvent(new PageTransitionEvent('pageshow', { persisted: false }));
    await t.flush();
    const got = await received(t.sessionId);
    expect(ofType(got, 'idle').length).to.equal(1);
    expect(ofType(got, 'idle')[0]!.duration_ms).to.be.within(150, 3000);
    // The plain back_nav once (a quick_back may ride along: the restore came within 5 s of arriving).
    expect(ofType(got, 'back_nav').filter((e) => !e.signal).length).to.equal(1);
  });

  it('reports errors: uncaught, unhandled rejection and tracker.error(), messages cut to 512', async () => {
    const t = start();
    withoutMochaErrorHook(() => {
      window.dispatchEvent(new ErrorEvent('error', { message: 'TypeError: x is undefined' }));
      window.dispatchEvent(
        new PromiseRejectionEvent('unhandledrejection', {
          promise: Promise.resolve(),
          reason: new Error('fetch failed'),
        }),
      );
    });
    t.error('Payment failed');
    t.error('x'.repeat(600));
    await t.flush();
    const messages = ofType(await received(t.sessionId), 'error').map((e) => e.message);
    expect(messages.slice(0, 3)).to.deep.equal(['TypeError: x is undefined', 'fetch failed', 'Payment failed']);
    expect(messages[3]!.length).to.equal(512);
  });

  it('sends page_view on start and on SPA route changes, without query and fragment; back_nav on back', async () => {
    const home = location.href;
    const clean = (u: string) => u.replace(/[?#].*/, '');
    const t = start();
    try {
      history.pushState({}, '', `${location.pathname}?email=someone@example.com#x${location.search}`);
      const route = new URL('checkout', location.href).pathname + location.search;
      history.pushState({}, '', route);
      await new Promise<void>((resolve) => {
        addEventListener('popstate', () => resolve(), { once: true });
        history.back();
      });
      await t.flush();
      const got = await received(t.sessionId);
      expect(ofType(got, 'page_view').map((e) => e.url)).to.deep.equal([
        clean(home),
        new URL('checkout', clean(home)).href,
        clean(home),
      ]);
      const backs = ofType(got, 'back_nav');
      expect(backs.filter((e) => !e.signal).length).to.equal(1);
      // Back within 5 s of arriving at the route, with no interaction: a quick back too.
      expect(backs.filter((e) => e.signal === 'quick_back').length).to.equal(1);
      expect(JSON.stringify(got)).not.to.contain('someone@example.com');
    } finally {
      history.replaceState({}, '', home);
    }
  });

  it('without the Navigation API (Safari), pushState and replaceState are page views; history is wrapped once', async () => {
    const home = location.href;
    const clean = (u: string) => u.replace(/[?#].*/, '');
    // Hides the engine's Navigation API where it has one, so every engine takes the path Safari takes.
    const navigation = Object.getOwnPropertyDescriptor(window, 'navigation');
    Object.defineProperty(window, 'navigation', { value: undefined, configurable: true });
    try {
      const first = start();
      const wrapped = history.pushState;
      const second = start();
      expect(history.pushState, 'a second tracker does not wrap it again').to.equal(wrapped);
      history.pushState({}, '', new URL('checkout', location.href).pathname + location.search);
      history.replaceState({}, '', `${new URL('paid', location.href).pathname}?order=42`);
      await Promise.all([first.flush(), second.flush()]);
      const expected = [clean(home), new URL('checkout', clean(home)).href, new URL('paid', clean(home)).href];
      for (const t of [first, second]) {
        expect(ofType(await received(t.sessionId), 'page_view').map((e) => e.url)).to.deep.equal(expected);
      }
    } finally {
      if (navigation) Object.defineProperty(window, 'navigation', navigation);
      else delete (window as { navigation?: unknown }).navigation;
      history.replaceState({}, '', home);
    }
  });

  it('sends one scroll per gesture with speed and direction, and a backtrack after a long way down', async () => {
    const tall = stage('<div style="height:6000px"></div>');
    const t = start({ detectors: { scroll: { gestureEndMs: 120 }, backtrack: { gestureEndMs: 120, minDownPx: 500 } } });
    try {
      (document.activeElement as HTMLElement | null)?.blur();
      await sendKeys({ press: 'End' });
      await sleep(1000);
      await sendKeys({ press: 'Home' });
      await sleep(1000);
      await t.flush();
      const got = await received(t.sessionId);
      const scrolls = ofType(got, 'scroll');
      expect(scrolls.map((e) => e.direction)).to.deep.equal(['down', 'up']);
      for (const s of scrolls) expect(s.speed).to.be.greaterThan(0);
      expect(ofType(got, 'backtrack').length).to.equal(1);
    } finally {
      scrollTo(0, 0);
      tall.remove();
    }
  });

  it('a scroll the keyboard made counts at the pace of a second, one as long without a key at its own speed', async () => {
    const tall = stage('<div style="height:12000px"></div>');
    const t = start({ detectors: { scroll: { gestureEndMs: 120 } } });
    try {
      (document.activeElement as HTMLElement | null)?.blur();
      await sendKeys({ press: 'PageDown' });
      await sleep(700);
      const paged = scrollY;
      // Past the 500 ms in which a gesture still counts as the key's; no key starts this one.
      scrollTo({ top: paged + 5000, behavior: 'smooth' });
      await sleep(2000);
      await t.flush();
      const [byKey, byScript] = ofType(await received(t.sessionId), 'scroll');
      expect(paged, 'Page Down scrolled').to.be.greaterThan(100);
      expect(byKey!.speed, 'one page in at least a second').to.be.at.most(paged);
      expect(byScript!.speed, 'a long smooth scroll without a key reads as fast scrolling').to.be.greaterThan(2000);
    } finally {
      scrollTo(0, 0);
      tall.remove();
    }
  });

  it('stop() removes every listener: real input after stop reaches nothing', async () => {
    const t = start();
    const seen: string[] = [];
    t.on('event', (e) => seen.push(e.type));
    t.stop();
    await click(100, 100);
    await click(100, 100);
    await click(100, 100);
    withoutMochaErrorHook(() => window.dispatchEvent(new ErrorEvent('error', { message: 'late' })));
    expect(seen).to.deep.equal([]);
    expect(t.stats.detected).to.equal(1); // the page_view on start
  });
});
