export const TRACKER_PENDING = 'the tracker lands with its own issue';
