import type { MoodEvent } from '../../mood/types.js';

const utf8 = new TextEncoder();

/**
 * The head of `queue` that goes in the next request: at most `max` events, and a JSON body of at most
 * `budget` bytes (keepalive requests share 64 KB in flight). Returns the count and the body's size.
 */
export const takeBatch = (queue: MoodEvent[], max: number, budget: number): [count: number, bytes: number] => {
  let n = 0;
  let bytes = 13; // {"events":[]}
  for (; n < queue.length && n < max; n++) {
    const size = utf8.encode(JSON.stringify(queue[n])).length + (n ? 1 : 0);
    if (bytes + size > budget) break;
    bytes += size;
  }
  return [n, bytes];
};
