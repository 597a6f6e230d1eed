/**
 * Every word the element shows or announces, in one table. A host replaces any of them through the
 * element's `strings` property (a partial table), e.g. to translate the widget.
 * `{n}` is replaced by a number where a string takes one.
 */
export const defaultStrings = {
  title: 'Help',
  subtitle: 'We answer right away',
  welcome: 'Hi! Ask us anything.',
  messages: 'Messages',
  earlier: 'Show earlier messages',
  openChat: 'Open chat',
  closeChat: 'Close chat',
  question: 'Your question',
  placeholder: 'Ask a question…',
  send: 'Send',
  stop: 'Stop',
  retry: 'Retry',
  copy: 'Copy',
  copied: 'Copied',
  helpful: 'Helpful',
  notHelpful: 'Not helpful',
  related: 'Related questions',
  charsLeft: '{n} characters left',
  overLimit: '{n} / 500 characters — shorten your question to send it',
  searching: 'Searching…',
  stopped: 'Stopped.',
  sendStops: 'Sending now stops the answer being written.',
  outOfScope: 'Sorry, I found no answer to that in our help articles.',
  fallback: 'Sorry, I did not understand. Could you rephrase it?',
  badRequest: 'That question could not be sent.',
  missingQuery: 'Please type a question first.',
  tooLong: 'That question is too long: 500 characters at most.',
  unavailable: 'Chat is unavailable right now.',
  rateLimited: 'Too many questions. You can retry in {n} s.',
  offline: 'You seem to be offline. Your question is kept: send it again when you are back online.',
  serverError: 'Something went wrong. Please try again.',
  streamCut: 'The answer was interrupted.',
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
  unreadOne: '{n} unread message',
  unreadMany: '{n} unread messages',
  typing: '{name} is typing…',
  agent: 'Agent',
  withAgent: 'You are chatting with {name}',
  waitingForAgent: 'Waiting for a person to join…',
  talkToPerson: 'Talk to a person',
};

export type MooniStrings = typeof defaultStrings;

/** Fills `{n}` in a string of the table. */
export const fill = (text: string, n: number) => text.replace('{n}', String(n));

/** Fills `{name}` in a string of the table. */
export const fillName = (text: string, name: string) => text.replace('{name}', name);
