import { listen } from './listen.js';

/**
 * Calls `end(dy, ms, startedAt)` once per scroll gesture of the page (`startedAt` on the events' clock). A scroll
 * callback only stamps the time; one timer, re-armed for the remainder, finds the end after `gapMs` without
 * callbacks, and reads the position only then.
 */
export const onScrollGesture = (end: (dy: number, ms: number, startedAt: number) => void, gapMs: number) => {
  let y = scrollY;
  let start = 0;
  let last = 0;
  let timer: ReturnType<typeof setTimeout> | 0 = 0;
  const check = () => {
    const quiet = performance.now() - last;
    if (quiet < gapMs) return void (timer = setTimeout(check, gapMs - quiet));
    timer = 0;
    const dy = scrollY - y;
    y += dy;
    if (dy) end(dy, last - start, start);
  };
  const stop = listen(
    window,
    'scroll',
    (e: Event) => {
      last = e.timeStamp;
      if (!timer) {
        start = last;
        timer = setTimeout(check, gapMs);
      }
    },
    false,
  );
  return () => {
    stop();
    clearTimeout(timer);
  };
};
