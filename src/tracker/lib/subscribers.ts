import type { TrackerEventMap } from '../types.js';

type Listener<K extends keyof TrackerEventMap> = (detail: TrackerEventMap[K]) => void;

/** The callbacks registered with `tracker.on()`, per event type. */
export interface Subscribers {
  /** Adds a callback; returns the function that removes it. */
  on<K extends keyof TrackerEventMap>(type: K, listener: Listener<K>): () => void;
  /** Calls every callback of `type`; one that throws is logged and the others still run. */
  fire<K extends keyof TrackerEventMap>(type: K, detail: TrackerEventMap[K]): void;
}

export const createSubscribers = (): Subscribers => {
  const byType = new Map<keyof TrackerEventMap, Set<(detail: never) => void>>();
  return {
    on(type, listener) {
      const listeners = byType.get(type) || new Set();
      byType.set(type, listeners.add(listener));
      return () => listeners.delete(listener);
    },
    fire(type, detail) {
      byType.get(type)?.forEach((listener) => {
        try {
          // `on` files each callback under the type it was registered for.
          (listener as Listener<typeof type>)(detail);
        } catch (error) {
          console.error(error); // a host callback must not break delivery (nor loop through the error detector)
        }
      });
    },
  };
};
