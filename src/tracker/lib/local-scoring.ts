import type * as MoodEngine from '../../mood/engine.js';
import type { MoodEvent } from '../../mood/types.js';
import type { Mood } from './mood-state.js';

/** Loads the mood engine for 'local' mode, only when that mode is used (it is not part of tracker.iife.js). */
export type EngineLoader = () => Promise<typeof MoodEngine>;

/**
 * 'local' mode: the mood engine scores each event in the page and a changed mood is handed on as a snapshot.
 * Events detected while the engine loads are scored once it is there.
 */
export const createLocalScoring = (loadEngine: EngineLoader | undefined, mood: Mood, sessionId: () => string) => {
  let engine: typeof MoodEngine | undefined;
  let scorer: ReturnType<typeof MoodEngine.createScorer> | undefined;
  let early: MoodEvent[] = [];
  const score = (event: MoodEvent) => {
    if (!engine) return void early.push(event);
    const result = (scorer ||= engine.createScorer())(event);
    if (result.mood !== mood.label)
      mood.set({ session_id: sessionId(), ...result, updated_at: new Date().toISOString() });
  };
  const load = () =>
    loadEngine?.().then(
      (module) => {
        engine = module;
        early.splice(0).map(score);
      },
      () => console.warn('Mooni: no mood engine'),
    );
  return {
    score,
    load,
    /** A new session: the scorer starts afresh. */
    reset() {
      scorer = undefined;
      early = [];
    },
  };
};
