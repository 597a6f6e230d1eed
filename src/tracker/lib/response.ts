import { listen } from './listen.js';

type Answer = () => void;

const waiting = new Set<Answer>();
let observer: MutationObserver | undefined;
let stopListening: (() => void) | undefined;

/** Something changed on the page: every click still waiting has its answer. */
const answered = () => {
  const answers = [...waiting];
  waiting.clear();
  rest();
  for (const answer of answers) answer();
};

const rest = () => {
  observer?.disconnect();
  stopListening?.();
  stopListening = undefined;
};

const watch = () => {
  observer ||= new MutationObserver(answered);
  observer.observe(document.documentElement, { subtree: true, childList: true, attributes: true, characterData: true });
  // A scroll of the page or of any element, or leaving for another URL, is an answer too.
  const scrolled = listen(document, 'scroll', answered);
  const moved = listen(window, 'hashchange popstate pagehide', answered, false);
  stopListening = () => (scrolled(), moved());
};

/**
 * Calls `onAnswer` once, at the page's next visible response to what the visitor just did — a DOM change, a
 * scroll or a navigation — unless the returned function cancels it first. One observer serves every click
 * waiting, and only while one waits.
 */
export const awaitResponse = (onAnswer: Answer): (() => void) => {
  if (waiting.size === 0) watch();
  waiting.add(onAnswer);
  return () => {
    waiting.delete(onAnswer);
    if (waiting.size === 0) rest();
  };
};
