import type * as Signals from '../tracker/derived-signals.js';
import type { Detector } from '../tracker/types.js';

export { DEAD_CLICK_DEFAULTS } from '../tracker/detectors/dead-click.js';
export { EXCESSIVE_SCROLL_DEFAULTS } from '../tracker/detectors/excessive-scroll.js';
export { QUICK_BACK_DEFAULTS } from '../tracker/detectors/quick-back.js';

/**
 * The script-tag builds' derived-signal detectors (they replace src/tracker/detectors/dead-click.ts,
 * quick-back.ts and excessive-scroll.ts there): each starts the real one from mooni-signals.js, loaded once from
 * beside the script, and stops it (or keeps it from starting) when the tracker stops. If the module cannot be
 * loaded, the tracker goes on without derived signals.
 */
// Read while the classic script runs; afterwards document.currentScript is another script or null.
const base = (document.currentScript as HTMLScriptElement | null)?.src || location.href;
let signals: Promise<typeof Signals> | undefined;

type Signal = keyof typeof Signals;

const beside = <K extends Signal>(name: K) =>
  ((emit, options) => {
    let stop: (() => void) | undefined;
    let stopped = false;
    (signals ||= import(/* @vite-ignore */ new URL('mooni-signals.js', base).href)).then(
      (module) => stopped || (stop = (module[name] as Detector<typeof options>)(emit, options)),
      () => {},
    );
    return () => {
      stopped = true;
      stop?.();
    };
  }) as Detector<Parameters<(typeof Signals)[K]>[1]>;

export const deadClick = beside('deadClick');
export const quickBack = beside('quickBack');
export const excessiveScroll = beside('excessiveScroll');
