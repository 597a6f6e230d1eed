import type { MoodEvent } from '../../mood/types.js';

/**
 * How many events from the head of `queue` go in the next request: at most `max`, and a JSON body of at
 * most `budget` bytes (keepalive requests share 64 KB in flight).
 */
const utf8 = new TextEncoder();

export const takeBatch = (queue: MoodEvent[], max: number, budget: number): number => {
  let n = 0;
  let bytes = 13; // {"events":[]}
  for (; n < queue.length && n < max; n++) {
    const size = utf8.encode(JSON.stringify(queue[n])).length + (n ? 1 : 0);
    if (bytes + size > budget) break;
    bytes += size;
  }
  return n;
};
