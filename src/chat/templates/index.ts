import type { Card, CardButton, Template } from '../model.js';
import { safeHttpUrl } from '../safe-url.js';
import { field, list, pick, text } from './read.js';

/** Labels and titles are cut to 200 characters, texts to 4,000, lists to 12 items. */
const label = (raw: unknown) => text(raw, 200)?.trim();

/** A message or link action (002 Quick Reply or Button Object); a missing type is inferred from the URL. */
function action(raw: unknown, typeKey: string, urlKey: string): CardButton | undefined {
  const l = label(field(raw, 'label'));
  const url = field(raw, urlKey);
  const href = safeHttpUrl(url, { allowMailto: true });
  const type = field(raw, typeKey) ?? (url ? 'link' : 'message');
  if (l && type === 'link') return href ? { type: 'link', label: l, url: href } : undefined;
  if (l && type === 'message') return { type: 'message', label: l, message: text(field(raw, 'message')) ?? l };
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
  const t = field(raw, 'template');
  let x;
  switch (field(raw, 'template-type')) {
    case 'text':
    case 'free':
      return textTemplate(raw);
    case 'code':
      return (x = text(t, 10_000)) ? { type: 'code', code: x } : undefined;
    case 'image':
      return (x = safeHttpUrl(field(raw, 'image-url'))) ? { type: 'image', url: x, alt: label(t) ?? '' } : undefined;
    case 'quick_reply':
      x = pick(field(raw, 'quick-replies'), (r) => action(r, 'type', 'url'));
      return x[0] && { type: 'quick_reply', prompt: text(t) ?? '', replies: x };
    case 'card':
      return (x = pick(field(raw, 'card-list'), card))[0] && { type: 'card', cards: x };
  }
}

/** The template's own `template` string as a `text` template, whatever its type: the last resort. */
export function textTemplate(raw: unknown): Template | undefined {
  const t = text(field(raw, 'template'));
  return t ? { type: 'text', text: t } : undefined;
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
