import type { ChatMessage } from '../model.js';
import type { ElementStrings, MooniStrings } from '../strings.js';
import { panelWords } from '../panel-strings.js';
import { MAX_ANSWER } from '../limits.js';

/** The text a finished answer shows: its own, else the out-of-scope or fallback words. */
export const answerText = (m: ChatMessage, s: MooniStrings) =>
  m.text || m.role === 'user' || m.state !== 'done' || m.templates.length ? m.text : m.tone ? s.outOfScope : s.fallback;

/** Drops Markdown link targets (`](…)`, up to the first `)`), in one forward scan. */
function withoutLinkTargets(text: string): string {
  let out = '';
  let from = 0;
  for (let at = text.indexOf('](', from); at >= 0; at = text.indexOf('](', from)) {
    const end = text.indexOf(')', at + 2);
    if (end < 0) break;
    out += text.slice(from, at);
    from = end + 1;
  }
  return out + text.slice(from);
}

/** What a screen reader hears once an answer is complete: its text and its templates' words, no Markdown. */
export const spokenText = (m: ChatMessage, words: ElementStrings) =>
  withoutLinkTargets(
    [
      answerText(m, panelWords(words)).slice(0, MAX_ANSWER),
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
    ].join(' '),
  )
    .replace(/[*_`#>[]/g, '')
    .trim();
