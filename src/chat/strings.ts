import type { panelStrings } from './panel-strings.js';

/**
 * The words the element itself shows or announces: the launcher, the header's subtitle, what it says before or
 * without its panel module, and what an answer says when it failed or found nothing (stream-controller.ts, the
 * element's, words failures). The panel's own words (panel-strings.ts) ship with the panel module, which a closed
 * launcher does not load. A host replaces any word of either table through the element's `strings` property (a
 * partial table), e.g. to translate the widget. `{n}` is replaced by a number where a string takes one.
 */
export const elementStrings = {
  title: 'Help',
  subtitle: 'We answer right away',
  openChat: 'Open chat',
  closeChat: 'Close chat',
  retry: 'Retry',
  overLimit: '{n} / 500 characters — shorten your question to send it',
  searching: 'Searching…',
  stopped: 'Stopped.',
  unavailable: 'Chat is unavailable right now.',
  outOfScope: 'Sorry, I found no answer to that in our help articles.',
  fallback: 'Sorry, I did not understand. Could you rephrase it?',
  badRequest: 'That question could not be sent.',
  missingQuery: 'Please type a question first.',
  tooLong: 'That question is too long: 500 characters at most.',
  rateLimited: 'Too many questions. You can retry in {n} s.',
  serverError: 'Something went wrong. Please try again.',
  streamCut: 'The answer was interrupted.',
  offline: 'You seem to be offline. Your question is kept: send it again when you are back online.',
  unreadOne: '{n} unread message',
  unreadMany: '{n} unread messages',
  agent: 'Agent',
  withAgent: 'You are chatting with {name}',
  waitingForAgent: 'Waiting for a person to join…',
};

/** Every word of the widget: the element's and its panel's (`defaultStrings` lists them with their defaults). */
export type MooniStrings = typeof elementStrings & typeof panelStrings;

/** The words the element holds: its own, and those of the panel that the host replaced. */
export type ElementStrings = typeof elementStrings & Partial<typeof panelStrings>;

/** Fills `{n}` in a string of the table. */
export const fill = (text: string, n: number) => text.replace('{n}', String(n));

/** Fills `{name}` in a string of the table. */
export const fillName = (text: string, name: string) => text.replace('{name}', name);
