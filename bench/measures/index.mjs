/** Every measure, in the order `npm run bench` runs them; each can also run alone by name. */
import sizes from './sizes.mjs';
import moodEngine from './mood-engine.mjs';
import trackerCost from './tracker-cost.mjs';
import trackerSession from './tracker-session.mjs';
import chatStream from './chat-stream.mjs';
import chatRestore from './chat-restore.mjs';
import hostileAnswers from './hostile-answers.mjs';
import coldStart from './cold-start.mjs';
import hostImpact from './host-impact.mjs';

export const MEASURES = [
  sizes,
  moodEngine,
  trackerCost,
  trackerSession,
  chatStream,
  hostileAnswers,
  chatRestore,
  coldStart,
  hostImpact,
];
