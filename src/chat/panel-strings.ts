import { elementStrings, type ElementStrings, type MooniStrings } from './strings.js';

/** The panel's own words (see strings.ts): they ship with the panel module. */
export const panelStrings = {
  welcome: 'Hi! Ask us anything.',
  messages: 'Messages',
  earlier: 'Show earlier messages',
  question: 'Your question',
  placeholder: 'Ask a question…',
  send: 'Send',
  stop: 'Stop',
  copy: 'Copy',
  copied: 'Copied',
  helpful: 'Helpful',
  notHelpful: 'Not helpful',
  related: 'Related questions',
  charsLeft: '{n} characters left',
  sendStops: 'Sending now stops the answer being written.',
  answerCut: 'This answer is longer than {n} characters: the rest is not shown.',
  ended: 'This conversation has ended.',
  startAgain: 'Start again',
  newConversation: 'New conversation',
  history: 'Past conversations',
  back: 'Back to chat',
  noHistory: 'No past conversations yet.',
  historyFailed: 'Past conversations could not be loaded.',
  you: 'You',
  bot: 'Assistant',
  reconnecting: 'Reconnecting…',
  offlineChannel: 'You are offline. Messages will be sent when you are back online.',
  typing: '{name} is typing…',
  talkToPerson: 'Talk to a person',
};

/** Every word of the widget with its default (the package exports it as `defaultStrings`). */
export const defaultStrings: MooniStrings = { ...elementStrings, ...panelStrings };

const complete = new WeakMap<ElementStrings, MooniStrings>();

/**
 * The element's words with the panel's defaults under them: one table per table of the element, so a render
 * can tell by identity that the words have not changed.
 */
export function panelWords(words: ElementStrings): MooniStrings {
  let all = complete.get(words);
  if (!all) complete.set(words, (all = { ...panelStrings, ...words }));
  return all;
}
