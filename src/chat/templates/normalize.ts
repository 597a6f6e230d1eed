import type { Card, CardButton, QuickReply, Template } from '../model.js';
import { safeHttpUrl } from '../safe-url.js';
import { LIMITS, field, list, str, text } from './limits.js';

/**
 * Normalises one 002 Template Object into a model `Template`, or `undefined` when it is of an unknown or
 * unsupported type, empty, or invalid (a quick reply without a usable reply, a card list without a titled
 * card, an image without a safe http(s) URL) — so the caller can fall back to the `-alt` form.
 * `text` and `free` become `text`. Lengths and counts are capped (see `LIMITS`); unsafe URLs are dropped.
 */
export function normalizeTemplate(raw: unknown): Template | undefined {
  switch (field(raw, 'template-type')) {
    case 'text':
    case 'free':
      return textTemplate(raw);
    case 'code': {
      const code = text(field(raw, 'template'), LIMITS.code);
      return code ? { type: 'code', code } : undefined;
    }
    case 'image': {
      const url = safeHttpUrl(field(raw, 'image-url'));
      return url ? { type: 'image', url, alt: str(field(raw, 'template'), LIMITS.label)?.trim() ?? '' } : undefined;
    }
    case 'quick_reply': {
      const replies = pick(field(raw, 'quick-replies'), LIMITS.buttons, quickReply);
      return replies.length ? { type: 'quick_reply', prompt: text(field(raw, 'template'), LIMITS.text) ?? '', replies } : undefined;
    }
    case 'card': {
      const cards = pick(field(raw, 'card-list'), LIMITS.cards, card);
      return cards.length ? { type: 'card', cards } : undefined;
    }
    default:
      return undefined;
  }
}

/**
 * The template's own `template` string as a `text` template, whatever its type — the last resort for a
 * template that cannot be shown as itself (an image with an unsafe URL, a quick reply without replies).
 */
export function textTemplate(raw: unknown): Template | undefined {
  const t = text(field(raw, 'template'), LIMITS.text);
  return t ? { type: 'text', text: t } : undefined;
}

function pick<T>(raw: unknown, max: number, each: (item: unknown) => T | undefined): T[] {
  const out: T[] = [];
  for (const item of list(raw)) {
    const value = each(item);
    if (value) out.push(value);
    if (out.length === max) break;
  }
  return out;
}

/** A message or link action shared by Quick Reply Objects and Button Objects; a missing type is inferred. */
function action(declared: unknown, label: unknown, message: unknown, url: unknown): CardButton | undefined {
  const l = text(label, LIMITS.label)?.trim();
  if (!l) return undefined;
  const type = declared ?? (url ? 'link' : 'message');
  if (type === 'link') {
    const safe = safeHttpUrl(url, { allowMailto: true });
    return safe ? { type: 'link', label: l, url: safe } : undefined;
  }
  if (type !== 'message') return undefined;
  return { type: 'message', label: l, message: text(message, LIMITS.text) ?? l };
}

function quickReply(raw: unknown): QuickReply | undefined {
  const a = action(field(raw, 'type'), field(raw, 'label'), field(raw, 'message'), field(raw, 'url'));
  return a && { label: a.label, type: a.type, ...(a.type === 'link' ? { url: a.url } : { message: a.message }) };
}

function card(raw: unknown): Card | undefined {
  const title = text(field(raw, 'title'), LIMITS.title)?.trim();
  if (!title) return undefined;
  const out: Card = {
    title,
    buttons: pick(field(raw, 'buttons'), LIMITS.buttons, (b) =>
      action(field(b, 'button-type'), field(b, 'label'), field(b, 'message'), field(b, 'link')),
    ),
  };
  const subtitle = text(field(raw, 'sub-title'), LIMITS.text)?.trim();
  if (subtitle) out.subtitle = subtitle;
  const imageUrl = safeHttpUrl(field(raw, 'image-url'));
  if (imageUrl) out.imageUrl = imageUrl;
  return out;
}
