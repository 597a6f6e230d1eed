import type { ChatMessage } from '../model.js';
import type { MooniStrings } from '../strings.js';

/** The text a finished answer shows: its own, else the out-of-scope or fallback words. */
export const answerText = (m: ChatMessage, s: MooniStrings) =>
  m.text || m.role === 'user' || m.state !== 'done' || m.templates.length ? m.text : m.tone ? s.outOfScope : s.fallback;

/** What a screen reader hears once an answer is complete: its text and its templates' words, no Markdown. */
export const spokenText = (m: ChatMessage, s: MooniStrings) =>
  [
    answerText(m, s),
    ...m.templates.map((t) =>
      t.type === 'text'
        ? t.text
        : t.type === 'quick_reply'
          ? t.prompt
          : t.type === 'card'
            ? t.cards.map((c) => c.title).join(', ')
            : t.type === 'image'
              ? t.alt
              : '',
    ),
  ]
    .join(' ')
    .replace(/\]\([^)]*\)|[*_`#>[]/g, '')
    .trim();
