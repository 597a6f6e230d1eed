// Scripted behaviours for QA. Where the browser can produce the real signal (clicks, scrolls, route
// changes) the script drives the page and the tracker's own detectors see it; where a real signal takes
// too long to wait for (30 s of idle, a 2 s hover), the script tracks the event directly and says so.
import type { Tracker } from '../src/tracker/types.js';

const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Clicks the Pay button four times in a second, at (almost) the same spot: a rage click. */
async function rageClickPay() {
  const pay = document.getElementById('pay')!;
  pay.scrollIntoView({ block: 'center' });
  await frame();
  const box = pay.getBoundingClientRect();
  for (let i = 0; i < 4; i++) {
    const init = {
      bubbles: true,
      cancelable: true,
      view: window,
      clientX: box.x + box.width / 2 + i * 2,
      clientY: box.y + box.height / 2,
    };
    pay.dispatchEvent(new MouseEvent('mousedown', init));
    pay.dispatchEvent(new MouseEvent('mouseup', init));
    pay.dispatchEvent(new MouseEvent('click', init));
    await sleep(150);
  }
  await sleep(500); // the shop's payment provider declines after 400 ms
}

/** One scroll gesture at a hand's pace (about 40 px per frame), then a pause long enough to end it. */
async function scrollGesture(distance: number) {
  const steps = Math.ceil(Math.abs(distance) / 40);
  for (let i = 0; i < steps; i++) {
    window.scrollBy({ top: distance / steps });
    await frame();
  }
  await sleep(320);
}

/** Scrolls down and back up several times: scrolls and backtracks. */
async function scrollBackAndForth() {
  window.scrollTo({ top: 0 });
  await sleep(300);
  for (const distance of [700, -350, 650, -500, 600, -450]) await scrollGesture(distance);
}

/** Three route changes in a single-page way, with a little scrolling: page views. */
async function browse() {
  const home = location.pathname;
  for (const path of ['/candles/lavender-dusk', '/candles/amber-hearth', '/candles/morning-citrus']) {
    history.pushState(null, '', path);
    await sleep(250);
    await scrollGesture(300);
  }
  history.pushState(null, '', home);
}

export interface Behaviour {
  id: string;
  label: string;
  hint: string;
  run(tracker: Tracker): Promise<void>;
}

export const BEHAVIOURS: Behaviour[] = [
  {
    id: 'rage',
    label: 'Rage-click Pay',
    hint: 'Four quick clicks on the failing Pay button: click, rage_click and error events. Usually frustrated → live chat.',
    run: rageClickPay,
  },
  {
    id: 'scroll',
    label: 'Scroll back and forth',
    hint: 'Real scrolling down and up the page: scroll and backtrack events. Usually confused → nudge.',
    run: scrollBackAndForth,
  },
  {
    id: 'hesitate',
    label: 'Hesitate',
    hint: 'Tracks two long hovers and an input pause (instead of waiting for them). Usually confused → nudge.',
    run: async (tracker) => {
      tracker.track({ type: 'hover', duration_ms: 3500 });
      tracker.track({ type: 'input_pause', duration_ms: 6000 });
      tracker.track({ type: 'hover', duration_ms: 4200 });
      tracker.track({ type: 'backtrack' });
    },
  },
  {
    id: 'browse',
    label: 'Browse pages',
    hint: 'Three single-page route changes with some scrolling: page_view and scroll. Usually browsing → recommendations.',
    run: browse,
  },
  {
    id: 'idle',
    label: 'Go idle',
    hint: 'Tracks 45 s and 60 s of idle and a blur (instead of waiting). Usually disengaged → exit offer.',
    run: async (tracker) => {
      tracker.track({ type: 'idle', duration_ms: 45_000 });
      tracker.track({ type: 'blur' });
      tracker.track({ type: 'idle', duration_ms: 60_000 });
    },
  },
];
