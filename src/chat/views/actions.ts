import type { Card, CardButton, ChatMessage, QuickReply } from '../model.js';
import type { MooniStrings } from '../strings.js';

/** What message and template views can ask the element to do. */
export interface MessageActions {
  readonly words: MooniStrings;
  /** Id of the message or code block whose text was just copied. */
  readonly copiedId?: string;
  /** Epoch ms before which Retry stays disabled (429). */
  readonly retryAt: number;
  ask(text: string): void;
  quickReply(reply: QuickReply): void;
  cardAction(card: Card, button: CardButton): void;
  copy(id: string, text: string): void;
  rate(message: ChatMessage, rating: 'helpful' | 'not_helpful'): void;
  retry(message: ChatMessage): void;
}
