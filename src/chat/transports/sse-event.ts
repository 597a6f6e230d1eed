import type { FaqSuggestion, StreamEvent } from '../model.js';
import { normalizeTemplate, textTemplate } from '../templates/index.js';
import { field, list, str, text } from '../templates/limits.js';

const MAX_FAQS = 10;

/**
 * Maps the JSON of one `data:` line of the Mooni Chat stream to a `StreamEvent`; `undefined` for what a
 * client ignores (unparsable JSON, unknown types, events missing their payload).
 */
export function toStreamEvent(data: string): StreamEvent | undefined {
  let json: unknown;
  try {
    json = JSON.parse(data);
  } catch {
    return undefined;
  }
  switch (field(json, 'type')) {
    case 'status': {
      const status = str(field(json, 'status'), 100);
      return status ? { kind: 'status', status, level: str(field(json, 'level'), 100) ?? '' } : undefined;
    }
    case 'text': {
      const content = str(field(json, 'content'), 100_000);
      return content ? { kind: 'text', content } : undefined;
    }
    case 'faq': {
      const results: FaqSuggestion[] = [];
      for (const item of list(field(json, 'results'))) {
        const title = text(field(item, 'title'), 300)?.trim();
        const id = field(item, 'id');
        if (title) results.push({ id: typeof id === 'string' || typeof id === 'number' ? String(id) : title, title });
        if (results.length === MAX_FAQS) break;
      }
      return { kind: 'faq', results };
    }
    case 'template': {
      const raw = field(json, 'template');
      const template = normalizeTemplate(raw) ?? textTemplate(raw);
      return template && { kind: 'template', template };
    }
    case 'error':
      return { kind: 'error', message: str(field(json, 'message'), 100) || 'unknown_error' };
    default:
      return undefined;
  }
}
