/** The behaviour tracker for bundler users: `createTracker(options)` and its types. */
export { createTracker } from './tracker/create-tracker.js';
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
