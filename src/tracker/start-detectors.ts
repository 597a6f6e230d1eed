// The derived-signal detectors are imported as './detectors/…' from this folder: the script-tag build swaps
// exactly those specifiers for loaders of mooni-signals.js (scripts/script-tag-build.mjs).
import { backNav } from './detectors/back-nav.js';
import { backtrack } from './detectors/backtrack.js';
import { click } from './detectors/click.js';
import { DEAD_CLICK_DEFAULTS, deadClick } from './detectors/dead-click.js';
import { errorClick } from './detectors/error-click.js';
import { error } from './detectors/error.js';
import { EXCESSIVE_SCROLL_DEFAULTS, excessiveScroll } from './detectors/excessive-scroll.js';
import { focus } from './detectors/focus.js';
import { hover } from './detectors/hover.js';
import { idle } from './detectors/idle.js';
import { inputPause } from './detectors/input-pause.js';
import { pageView } from './detectors/page-view.js';
import { QUICK_BACK_DEFAULTS, quickBack } from './detectors/quick-back.js';
import { scroll } from './detectors/scroll.js';
import type { Detector, DetectorOptions, Emit, ErrorFeed, TrackerOptions } from './types.js';

/** What every detector is given besides its own options. */
interface Shared {
  /** Send URLs without query string and fragment. */
  strip: boolean;
  errors: ErrorFeed;
}

type Start = (emit: Emit, overrides: object | undefined, shared: Shared) => () => void;

/** A detector with its documented defaults, which the host's options override key by key. */
const withDefaults =
  <O extends object>(start: Detector<O & Shared>, defaults: O): Start =>
  (emit, overrides, shared) =>
    start(emit, { ...defaults, ...overrides, ...shared });

/** Every detector, in start order, with its defaults (see DetectorOptions). */
const DETECTORS: Record<keyof DetectorOptions, Start> = {
  rageClick: withDefaults(click, { clicks: 3, intervalMs: 1000, distancePx: 30, settleMs: 1000 }),
  scroll: withDefaults(scroll, { gestureEndMs: 200 }),
  backtrack: withDefaults(backtrack, { minDownPx: 500, minUpPx: 100, gestureEndMs: 200 }),
  backNav: withDefaults(backNav, {}),
  pageView: withDefaults(pageView, {}),
  deadClick: withDefaults(deadClick, DEAD_CLICK_DEFAULTS),
  quickBack: withDefaults(quickBack, QUICK_BACK_DEFAULTS),
  excessiveScroll: withDefaults(excessiveScroll, EXCESSIVE_SCROLL_DEFAULTS),
  error: withDefaults(error, {}),
  idle: withDefaults(idle, { thresholdMs: 30000 }),
  hover: withDefaults(hover, { thresholdMs: 2000 }),
  inputPause: withDefaults(inputPause, { thresholdMs: 3000 }),
  focus: withDefaults(focus, {}),
  errorClick: withDefaults(errorClick, { windowMs: 1000 }),
};

/** Starts every detector the host did not turn off; returns the functions that stop them. */
export const startDetectors = (emit: Emit, options: TrackerOptions['detectors'], shared: Shared) =>
  Object.entries(DETECTORS).flatMap(([name, start]) => {
    const overrides = options?.[name as keyof DetectorOptions];
    return overrides === false ? [] : [start(emit, overrides, shared)];
  });
