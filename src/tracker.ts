/** The behaviour tracker for bundler users: `createTracker(options)` and its types. */
import { createTracker as create } from './tracker/create-tracker.js';
import type { Tracker, TrackerOptions } from './tracker/types.js';

/** Starts the tracker (see TrackerOptions); 'local' mode loads the mood engine as a separate chunk. */
export const createTracker = (options?: TrackerOptions): Tracker => create(options, () => import('./mood/engine.js'));

export type {
  BatchInfo,
  Detector,
  DetectorOptions,
  DropInfo,
  DropReason,
  Emit,
  FeedbackBody,
  FetchLike,
  MoodEvent,
  MoodLabel,
  MoodSnapshot,
  RageClickOptions,
  SuggestedAction,
  Tracker,
  TrackerEventMap,
  TrackerOptions,
  TrackerStats,
} from './tracker/types.js';
