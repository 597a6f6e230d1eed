/** The parts of the Navigation API the detectors use; TypeScript's DOM types do not have it yet. */
export interface NavigationApi extends EventTarget {
  readonly currentEntry: { readonly index: number };
}

/** A `currententrychange` event: how the entry changed and which entry was left. */
export interface NavigationEntryChange extends Event {
  readonly navigationType: 'push' | 'replace' | 'reload' | 'traverse' | null;
  readonly from: { readonly index: number };
}

/** The page's Navigation API, or undefined where there is none (Safari, older Firefox). */
export const navigationApi = (): NavigationApi | undefined => (globalThis as { navigation?: NavigationApi }).navigation;
