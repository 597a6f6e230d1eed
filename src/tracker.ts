/** The behaviour tracker for bundler users: `createTracker(options)` and its types. */
import { createTracker as create } from './tracker/create-tracker.js';
import type { Tracker, TrackerOptions } from './tracker/types.js';

/**
 * Starts the tracker (see TrackerOptions); 'local' mode loads the mood engine as a separate chunk, `debug: true`
 * the decision log.
 */
export const createTracker = (options?: TrackerOptions): Tracker => {
  if (options?.debug) void import('./embed/debug-log.js').then((m) => m.startDebugLog());
  return create(options, () => import('./mood/engine.js'));
};

export type {
  BatchInfo,
  Detector,
  DetectorOptions,
  DropInfo,
  DeadClickOptions,
  DerivedSignalOptions,
  DropReason,
  Emit,
  ExcessiveScrollOptions,
  FeedbackBody,
  FetchLike,
  MoodEvent,
  MoodLabel,
  MoodSnapshot,
  QuickBackOptions,
  RageClickOptions,
  SuggestedAction,
  Tracker,
  TrackerEventMap,
  TrackerOptions,
  TrackerStats,
} from './tracker/types.js';
