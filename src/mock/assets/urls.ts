import type { TemplateObject } from '../faq/template.js';
import type { MockImageName } from './images.js';

export const ASSET_PREFIX = '/__mock/assets/';

/**
 * The path of a bundled picture. Templates keep paths; `onOrigin` makes them absolute when answering,
 * because the element accepts only absolute http(s) image URLs and the origin is known only per request.
 */
export const assetPath = (name: MockImageName): string => `${ASSET_PREFIX}${name}.svg`;

/** The absolute URL of a bundled picture on `origin` (e.g. `new URL(request.url).origin`). */
export const assetUrl = (origin: string, name: MockImageName): string => origin + assetPath(name);

function absolute<T extends string | null | undefined>(url: T, origin: string): T | string {
  return typeof url === 'string' && url.startsWith(ASSET_PREFIX) ? origin + url : url;
}

/** `template` with every bundled-picture path (template, quick replies, cards) made absolute on `origin`. */
export function onOrigin(template: TemplateObject, origin: string): TemplateObject {
  return {
    ...template,
    'image-url': absolute(template['image-url'], origin),
    'quick-replies': template['quick-replies'].map((reply) => ({
      ...reply,
      'image-url': absolute(reply['image-url'], origin),
    })),
    'card-list': template['card-list'].map((card) =>
      card['image-url'] === undefined ? card : { ...card, 'image-url': absolute(card['image-url'], origin) },
    ),
  };
}
