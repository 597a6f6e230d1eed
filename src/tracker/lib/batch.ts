import type { MoodEvent } from '../../mood/types.js';

/**
 * How many events from the head of `queue` go in the next request: at most `max`, and a JSON body of at
 * most `budget` bytes (keepalive requests share 64 KB in flight).
 */
const utf8 = new TextEncoder();

export const takeBatch = (queue: MoodEvent[], max: number, budget: number): number => {
  const count = Math.min(queue.length, max);
  // A character takes at most 3 bytes in UTF-8: when that bound fits, no event's bytes need counting.
  let bound = 12; // {"events":[]}, less the comma the first event does not need
  for (let n = 0; n < count; n++) bound += 3 * JSON.stringify(queue[n]).length + 1;
  if (bound <= budget) return count;
  let n = 0;
  let bytes = 13;
  for (; n < count; n++) {
    const size = utf8.encode(JSON.stringify(queue[n])).length + (n ? 1 : 0);
    if (bytes + size > budget) break;
    bytes += size;
  }
  return n;
};
