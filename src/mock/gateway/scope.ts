import {
  cardTemplate,
  codeTemplate,
  freeTemplate,
  imageTemplate,
  linkButton,
  linkReply,
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

const SIZES = 'What sizes are there?';
const PRODUCTS = 'Show me your products';
const DISCOUNT = 'Do you have a discount code?';
const HELP_TEXT =
  'I can say hello, ask how you are, show our products and their size chart, and give you a discount code. ' +
  'Say "bye" to end the conversation.';

const text = (code: number, message: string): ScopeAnswer => ({
  code,
  channelResult: [channelMessage(textTemplate(message), message)],
});

/**
 * The demo scope, in the order its rules are tried: each takes the normalised query and answers, or passes.
 * Every quick reply and card button the scope offers is answered by one of these rules or is a link.
 */
const RULES: { pattern: RegExp; answer: (origin: string) => ScopeAnswer }[] = [
  {
    pattern: /^(hello|hi|hey|good (morning|afternoon|evening))\b/,
    answer: () => text(OK, 'Hello from Mind Expression! What can I do for you today?'),
  },
  {
    pattern: /\bhow are you\b/,
    answer: (origin) => {
      const prompt = 'How are you today?';
      const message = quickReplyTemplate(prompt, [
        messageReply('Good', "I'm good, thanks.", assetUrl(origin, 'face-good')),
        messageReply('Not good', "Not so good, I'm afraid.", assetUrl(origin, 'face-not-good')),
      ]);
      return { code: OK, channelResult: [channelMessage(message, `${prompt} (Good / Not good)`)] };
    },
  },
  {
    // "Not good" before "good": the quick reply above sends "Not so good, I'm afraid."
    pattern: /\b(not (so |very )?good|bad|terrible|awful)\b/,
    answer: () => {
      const prompt = 'Sorry to hear that. Can I help you find something?';
      const message = quickReplyTemplate(prompt, [
        messageReply('Show products', PRODUCTS),
        messageReply('Get a discount', DISCOUNT),
        linkReply('Email us', 'mailto:help@lumen-oak.example'),
      ]);
      return {
        code: OK,
        channelResult: [channelMessage(message, `${prompt} (Show products / Get a discount / Email us)`)],
      };
    },
  },
  {
    pattern: /^(i m |i am )?(good|great|fine|very good|ok|okay)\b/,
    answer: () => text(OK, 'Glad to hear it! Ask me about our products, or say "help" to see what I can do.'),
  },
  {
    pattern: /\bproducts?\b/,
    answer: (origin) => {
      const cards = cardTemplate([
        {
          title: 'Linen duvet cover',
          'sub-title': 'Stonewashed European flax, from $129',
          'image-url': assetUrl(origin, 'linen-duvet'),
          buttons: [
            linkButton('View product', 'https://shop.example.com/products/linen-duvet'),
            messageButton('Ask about sizes', SIZES),
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
          buttons: [
            linkButton('View product', 'https://shop.example.com/products/wool-throw'),
            messageButton('Get a discount', DISCOUNT),
          ],
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
    },
  },
  {
    pattern: /\b(sizes?|size chart|measurements?)\b/,
    answer: (origin) => {
      const alt = 'Bedding size chart: Single, Double, Queen and King, mattress and duvet cover in cm';
      const intro = 'Duvet covers come in four sizes:';
      return {
        code: OK,
        channelResult: [
          channelMessage(
            imageTemplate(assetUrl(origin, 'size-chart'), alt),
            `${intro} Single, Double, Queen and King.`,
            textTemplate(intro),
          ),
        ],
      };
    },
  },
  {
    pattern: /\b(discount|coupon|promo|voucher)\b/,
    answer: () => {
      const intro = 'Here is 10% off your first order. Enter this code at checkout:';
      return {
        code: OK,
        channelResult: [channelMessage(codeTemplate('WELCOME10'), `${intro} WELCOME10`, textTemplate(intro))],
      };
    },
  },
  {
    pattern: /^(help|menu|what can you do)\b/,
    answer: () => ({ code: OK, channelResult: [channelMessage(freeTemplate(HELP_TEXT), HELP_TEXT)] }),
  },
  {
    pattern: /^(bye|goodbye|good bye|see you|farewell)\b/,
    answer: () => text(TERMINATED, 'Goodbye! Thanks for chatting with us. This conversation has ended.'),
  },
];

/**
 * The demo scope (CONTRACT, extended): hello → text; how are you → quick_reply (Good / Not good, with
 * pictures); not good → quick_reply with a link; good → text; products → card list (pictures on `origin`,
 * the request's own); sizes → image; discount → code; help → free; bye → 220; empty → 210; anything else →
 * 204 with a fallback.
 */
export function answerInScope(query: string, origin: string): ScopeAnswer {
  const normalized = normalize(query);
  if (!normalized) return text(EMPTY_INPUT, 'Please type a message so I can help you.');
  const rule = RULES.find((candidate) => candidate.pattern.test(normalized));
  if (rule) return rule.answer(origin);
  return text(
    NOT_CLASSIFIED,
    'Sorry, I did not understand that. You can say "hello", ask "how are you", ask about our "products", ' +
      'or say "help".',
  );
}
