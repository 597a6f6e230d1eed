/** 002 Template Objects, with every field the documents show filled in (empty where unused). */

export interface QuickReply {
  label: string;
  type: 'message' | 'link';
  message: string | null;
  url: string | null;
  'image-url': string | null;
}

export interface CardButton {
  'button-type': 'link' | 'message';
  label: string;
  link: string | null;
  message: string | null;
}

export interface Card {
  title: string;
  'sub-title'?: string;
  'image-url'?: string;
  buttons?: CardButton[];
}

export interface TemplateObject {
  'channel-name': string;
  'template-type': 'text' | 'card' | 'quick_reply' | 'image' | 'code' | 'free' | null;
  template: string | null;
  'image-url': string;
  'upload-type': string;
  'quick-replies': QuickReply[];
  'card-list': Card[];
}

const base = (): TemplateObject => ({
  'channel-name': 'default',
  'template-type': 'text',
  template: '',
  'image-url': '',
  'upload-type': '',
  'quick-replies': [],
  'card-list': [],
});

export const textTemplate = (template: string | null): TemplateObject => ({ ...base(), template });

/** 002's `free` type: free-form text the channel shows as it is. */
export const freeTemplate = (template: string): TemplateObject => ({ ...base(), 'template-type': 'free', template });

export const codeTemplate = (template: string): TemplateObject => ({ ...base(), 'template-type': 'code', template });

/** An image; `alt` (the `template` string) describes it for screen readers. */
export const imageTemplate = (url: string, alt: string): TemplateObject => ({
  ...base(),
  'template-type': 'image',
  template: alt,
  'image-url': url,
  'upload-type': 'url',
});

export const quickReplyTemplate = (prompt: string, replies: QuickReply[]): TemplateObject => ({
  ...base(),
  'template-type': 'quick_reply',
  template: prompt,
  'quick-replies': replies,
});

export const cardTemplate = (cards: Card[]): TemplateObject => ({
  ...base(),
  'template-type': 'card',
  'card-list': cards,
});

export const messageReply = (label: string, message: string, imageUrl: string | null = null): QuickReply => ({
  label,
  message,
  type: 'message',
  'image-url': imageUrl,
  url: null,
});

export const linkReply = (label: string, url: string): QuickReply => ({
  label,
  message: null,
  type: 'link',
  'image-url': null,
  url,
});

export const linkButton = (label: string, link: string): CardButton => ({
  'button-type': 'link',
  label,
  link,
  message: null,
});

export const messageButton = (label: string, message: string): CardButton => ({
  'button-type': 'message',
  label,
  link: null,
  message,
});
