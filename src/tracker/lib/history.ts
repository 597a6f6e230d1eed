const LISTENERS = Symbol.for('mooni.history-listeners');

/** Which method changed the entry: `pushState` arrives at a new route, `replaceState` stays on the same one. */
export type HistoryMethod = 'pushState' | 'replaceState';
type HistoryListener = (method: HistoryMethod) => void;
type PatchedHistory = History & { [LISTENERS]?: Set<HistoryListener> };

/**
 * Calls `fn` after each `history.pushState` / `replaceState`, for engines without the Navigation API (Safari).
 * The two methods are wrapped once per page, whichever tracker bundles run on it (the wrappers' listeners live on
 * `history` under a global symbol); the wrappers call the page's methods exactly as before and a listener's error
 * never reaches the page's navigation. Returns the function that removes `fn`.
 */
export function onHistoryChange(fn: HistoryListener): () => void {
  const patched = history as PatchedHistory;
  let listeners = patched[LISTENERS];
  if (!listeners) {
    const all = (listeners = patched[LISTENERS] = new Set<HistoryListener>());
    for (const name of ['pushState', 'replaceState'] as const) {
      const original = patched[name];
      patched[name] = function (this: History, ...args: Parameters<History['pushState']>) {
        const result = original.apply(this, args);
        for (const listener of all) {
          try {
            listener(name);
          } catch {
            // The tracker's trouble must not become the page's: the route change already happened.
          }
        }
        return result;
      };
    }
  }
  listeners.add(fn);
  return () => listeners.delete(fn);
}
