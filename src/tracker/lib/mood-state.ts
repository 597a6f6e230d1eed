import type { MoodSnapshot } from '../types.js';
import type { EventsAnswer } from '../delivery/delivery.js';
import type { SessionRequest } from '../delivery/request.js';
import type { Subscribers } from './subscribers.js';

/**
 * The session's mood as the host sees it: the last snapshot, handed to `on('mood')`, `on('action')` (unless
 * `no_action`) and a window `mooni-mood` event. `label` is the mood last heard of, from an answer or a snapshot;
 * a session starts neutral, so no mood is read until that changes.
 */
export const createMood = (fire: Subscribers['fire'], isActive: () => boolean) => {
  const mood = {
    label: 'neutral' as string,
    snapshot: undefined as MoodSnapshot | undefined,
    set(snapshot: MoodSnapshot) {
      if (!isActive()) return;
      mood.label = (mood.snapshot = snapshot).mood;
      fire('mood', snapshot);
      dispatchEvent(new CustomEvent('mooni-mood', { detail: snapshot }));
      if (snapshot.suggested_action !== 'no_action') fire('action', snapshot);
    },
    /** A batch's answer named a mood: when it is new, reads the snapshot; true while that read is under way. */
    heard(answer: EventsAnswer, request: SessionRequest) {
      const heard = answer.current_mood;
      if (typeof heard !== 'string' || heard === mood.label) return false;
      mood.label = heard;
      request('/mood')
        .then((response) => (response.ok ? response.json() : 0))
        .then((snapshot) => (typeof snapshot?.mood === 'string' ? mood.set(snapshot) : Promise.reject()))
        .catch(() => (mood.label = mood.snapshot?.mood ?? 'neutral'));
      return true;
    },
    reset() {
      mood.snapshot = undefined;
      mood.label = 'neutral';
    },
  };
  return mood;
};

export type Mood = ReturnType<typeof createMood>;
