import type { Template } from '../model.js';
import { field, list } from './limits.js';
import { normalizeTemplate, textTemplate } from './normalize.js';

const PARTS = ['channel-instruction', 'channel-message'] as const;
const MAX_MESSAGES = 20;

/**
 * Turns a 002 `channel-result` (a list of Channel Message Objects) into the templates to show, in order:
 * for each object its instruction, then its message. Each part is shown as itself when supported and
 * non-empty, else as its `-alt` form (`{ channels: [Template Object] }`, guaranteed text), else as its
 * own `template` text; parts with nothing to show are skipped. Never throws.
 */
export function channelResultToTemplates(channelResult: unknown): Template[] {
  const out: Template[] = [];
  for (const message of list(channelResult).slice(0, MAX_MESSAGES)) {
    for (const part of PARTS) {
      const main = field(message, part);
      const shown = normalizeTemplate(main) ?? alternative(field(message, `${part}-alt`)) ?? textTemplate(main);
      if (shown) out.push(shown);
    }
  }
  return out;
}

/** The first showable template of an `-alt` object, preferring the `default` channel. */
function alternative(alt: unknown): Template | undefined {
  const channels = list(field(alt, 'channels'));
  const ordered = [
    ...channels.filter((c) => field(c, 'channel-name') === 'default'),
    ...channels.filter((c) => field(c, 'channel-name') !== 'default'),
  ];
  for (const channel of ordered) {
    const t = normalizeTemplate(channel) ?? textTemplate(channel);
    if (t) return t;
  }
  return undefined;
}
