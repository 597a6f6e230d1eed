import type { Card, CardButton, QuickReply, Template } from '../model.js';
import { safeHttpUrl } from '../safe-url.js';
import { field, list, pick, text } from './read.js';

/** Labels and titles are cut to 200 characters, texts to 4,000, lists to 12 items. */
const label = (raw: unknown) => text(raw, 200)?.trim();

/** A message or link action (002 Quick Reply or Button Object); a missing type is inferred from the URL. */
function action(raw: unknown, typeKey: string, urlKey: string): CardButton | undefined {
  const buttonLabel = label(field(raw, 'label'));
  const url = field(raw, urlKey);
  const href = safeHttpUrl(url, { allowMailto: true });
  const type = field(raw, typeKey) ?? (url ? 'link' : 'message');
  if (!buttonLabel) return undefined;
  if (type === 'link') return href ? { type: 'link', label: buttonLabel, url: href } : undefined;
  if (type === 'message') {
    return { type: 'message', label: buttonLabel, message: text(field(raw, 'message')) ?? buttonLabel };
  }
  return undefined;
}

/** A 002 Quick Reply Object: its action, and the picture its `image-url` adds to the button. */
function quickReply(raw: unknown): QuickReply | undefined {
  const reply = action(raw, 'type', 'url');
  const imageUrl = safeHttpUrl(field(raw, 'image-url'));
  return reply && imageUrl ? { ...reply, imageUrl } : reply;
}

function card(raw: unknown): Card | undefined {
  const title = label(field(raw, 'title'));
  const subtitle = text(field(raw, 'sub-title'))?.trim();
  const imageUrl = safeHttpUrl(field(raw, 'image-url'));
  const buttons = pick(field(raw, 'buttons'), (b) => action(b, 'button-type', 'link'));
  return title ? { title, buttons, ...(subtitle && { subtitle }), ...(imageUrl && { imageUrl }) } : undefined;
}

/**
 * Normalises one 002 Template Object into a model `Template` — `text` and `free` become `text` — or
 * `undefined` when it is of an unknown type, empty or invalid (a quick reply without a usable reply, a card
 * list without a titled card, an image without a safe http(s) URL), so the caller can fall back to the
 * `-alt` form. Sizes are capped; unsafe URLs are dropped.
 */
export function normalizeTemplate(raw: unknown): Template | undefined {
  const templateText = field(raw, 'template');
  switch (field(raw, 'template-type')) {
    case 'text':
    case 'free':
      return textTemplate(raw);
    case 'code': {
      const code = text(templateText, 10_000);
      return code ? { type: 'code', code } : undefined;
    }
    case 'image': {
      const url = safeHttpUrl(field(raw, 'image-url'));
      const uploadType = label(field(raw, 'upload-type'))?.toLowerCase();
      return url
        ? { type: 'image', url, alt: label(templateText) ?? '', ...(uploadType && { uploadType }) }
        : undefined;
    }
    case 'quick_reply': {
      const replies = pick(field(raw, 'quick-replies'), quickReply);
      return replies.length > 0 ? { type: 'quick_reply', prompt: text(templateText) ?? '', replies } : undefined;
    }
    case 'card': {
      const cards = pick(field(raw, 'card-list'), card);
      return cards.length > 0 ? { type: 'card', cards } : undefined;
    }
  }
}

/** The template's own `template` string as a `text` template, whatever its type: the last resort. */
export function textTemplate(raw: unknown): Template | undefined {
  const content = text(field(raw, 'template'));
  return content ? { type: 'text', text: content } : undefined;
}

/** A template shown as itself when it can be, else as its text. */
export const anyTemplate = (raw: unknown) => normalizeTemplate(raw) ?? textTemplate(raw);

/**
 * Turns a 002 `channel-result` (a list of Channel Message Objects) into the templates to show, in order:
 * for each object its instruction, then its message. Each part is shown as itself when supported and
 * non-empty, else as its `-alt` form (`{ channels: [Template Object] }`, preferring the `default` channel),
 * else as its own `template` text; parts with nothing to show are skipped. Never throws.
 */
export function channelResultToTemplates(channelResult: unknown): Template[] {
  const out: Template[] = [];
  for (const message of list(channelResult).slice(0, 20)) {
    for (const part of ['channel-instruction', 'channel-message']) {
      const main = field(message, part);
      const alt = list(field(field(message, part + '-alt'), 'channels'));
      const shown =
        normalizeTemplate(main) ??
        [...alt.filter((c) => field(c, 'channel-name') === 'default'), ...alt].map(anyTemplate).find(Boolean) ??
        textTemplate(main);
      if (shown) out.push(shown);
    }
  }
  return out;
}
