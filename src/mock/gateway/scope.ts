import {
  cardTemplate,
  linkButton,
  messageButton,
  messageReply,
  quickReplyTemplate,
  textTemplate,
  type TemplateObject,
} from '../faq/template.js';
import { assetUrl } from '../assets/urls.js';

/** 002 status codes (in the JSON's `code`). */
export const OK = 200;
export const CREATED = 202;
export const NOT_CLASSIFIED = 204;
export const EMPTY_INPUT = 210;
export const TERMINATED = 220;

export const DESCRIPTIONS: Record<number, string> = {
  [OK]: 'Ok',
  [CREATED]: 'Created',
  [NOT_CLASSIFIED]: 'Not classified',
  [EMPTY_INPUT]: 'Empty input message',
  [TERMINATED]: 'Conversation terminated',
};

/** A Channel Message Object: the message, an instruction, and their text-only `-alt` forms. */
export interface ChannelMessage {
  'channel-message': TemplateObject;
  'channel-message-alt': { channels: TemplateObject[] };
  'channel-instruction': TemplateObject;
  'channel-instruction-alt': { channels: TemplateObject[] };
}

export function channelMessage(
  message: TemplateObject,
  altText: string | null,
  instruction = textTemplate(null),
): ChannelMessage {
  return {
    'channel-message': message,
    'channel-message-alt': { channels: [textTemplate(altText)] },
    'channel-instruction': instruction,
    'channel-instruction-alt': { channels: [textTemplate(instruction.template)] },
  };
}

export interface ScopeAnswer {
  code: number;
  channelResult: ChannelMessage[];
}

export const GREETING = 'Hello, how may I help you?';

const normalize = (query: string) =>
  query
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s]/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim();

/**
 * The CONTRACT's demo scope: hello → text; how are you → quick_reply (Good / Not good); products → card
 * list (pictures on `origin`, the request's own); bye → 220; empty → 210; anything else → 204 with a fallback.
 */
export function answerInScope(query: string, origin: string): ScopeAnswer {
  const q = normalize(query);
  if (!q) {
    const prompt = 'Please type a message so I can help you.';
    return { code: EMPTY_INPUT, channelResult: [channelMessage(textTemplate(prompt), prompt)] };
  }
  if (/^(hello|hi|hey|good (morning|afternoon|evening))\b/.test(q)) {
    const text = 'Hello from Mind Expression! What can I do for you today?';
    return { code: OK, channelResult: [channelMessage(textTemplate(text), text)] };
  }
  if (/\bhow are you\b/.test(q)) {
    const prompt = 'How are you today?';
    const message = quickReplyTemplate(prompt, [
      messageReply('Good', "I'm good, thanks."),
      messageReply('Not good', "Not so good, I'm afraid."),
    ]);
    return { code: OK, channelResult: [channelMessage(message, `${prompt} (Good / Not good)`)] };
  }
  if (/\bproducts?\b/.test(q)) {
    const cards = cardTemplate([
      {
        title: 'Linen duvet cover',
        'sub-title': 'Stonewashed European flax, from $129',
        'image-url': assetUrl(origin, 'linen-duvet'),
        buttons: [
          linkButton('View product', 'https://shop.example.com/products/linen-duvet'),
          messageButton('Ask about sizes', 'What sizes are there?'),
        ],
      },
      {
        title: 'Oak bedside lamp',
        'sub-title': 'Solid oak base, warm dimmable LED',
        'image-url': assetUrl(origin, 'oak-lamp'),
        buttons: [linkButton('View product', 'https://shop.example.com/products/oak-lamp')],
      },
      {
        title: 'Wool throw',
        'sub-title': 'Merino blend, four colours',
        'image-url': assetUrl(origin, 'wool-throw'),
        buttons: [linkButton('View product', 'https://shop.example.com/products/wool-throw')],
      },
    ]);
    const question = 'Would you like to buy some?';
    return {
      code: OK,
      channelResult: [
        channelMessage(textTemplate(''), 'Our products: Linen duvet cover, Oak bedside lamp, Wool throw.', cards),
        channelMessage(textTemplate(question), question),
      ],
    };
  }
  if (/^(bye|goodbye|good bye|see you|farewell)\b/.test(q)) {
    const text = 'Goodbye! Thanks for chatting with us. This conversation has ended.';
    return { code: TERMINATED, channelResult: [channelMessage(textTemplate(text), text)] };
  }
  const fallback =
    'Sorry, I did not understand that. You can say "hello", ask "how are you", or ask about our "products".';
  return { code: NOT_CLASSIFIED, channelResult: [channelMessage(textTemplate(fallback), fallback)] };
}
