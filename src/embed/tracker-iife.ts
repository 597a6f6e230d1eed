import { TRACKER_PENDING } from '../tracker.js';

(window as unknown as { MooniTrackerPending: string }).MooniTrackerPending = TRACKER_PENDING;
