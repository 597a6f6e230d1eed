export interface LoggedRequest {
  method: string;
  path: string;
  /** 0 when the request was dropped at the network level. */
  status: number;
  at: string;
}

/** The last `capacity` requests, oldest first (a ring buffer). */
export function createRequestLog(capacity = 2000) {
  let ring: LoggedRequest[] = [];
  let next = 0;
  return {
    add(entry: LoggedRequest) {
      if (ring.length < capacity) ring.push(entry);
      else ring[next] = entry;
      next = (next + 1) % capacity;
    },
    items(): LoggedRequest[] {
      return ring.length < capacity ? [...ring] : [...ring.slice(next), ...ring.slice(0, next)];
    },
    clear() {
      ring = [];
      next = 0;
    },
  };
}

export type RequestLog = ReturnType<typeof createRequestLog>;
