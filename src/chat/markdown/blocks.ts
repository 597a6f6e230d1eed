import type { Block } from './ast.js';
import { parseInline } from './inline.js';

const FENCE = /^ {0,3}(`{3,}|~{3,})(.*)$/;
const BLANK = /^[ \t]*$/;
const HEADING = /^ {0,3}#{1,6}[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
const BULLET = /^[ \t]*[-*+][ \t]+(.*)$/;
const NUMBERED = /^[ \t]*(\d{1,9})[.)][ \t]+(.*)$/;

/** Blocks parsed from an offset, and how far they are final. */
export interface BlockScan {
  blocks: Block[];
  /**
   * Offset just after the last complete line that closed every open block (a blank line, a closing fence,
   * a heading): what comes later can never change the blocks before it.
   */
  settledAt: number;
  /** How many of `blocks` lie before `settledAt`. */
  settledCount: number;
}

/**
 * Splits Markdown into blocks — paragraphs (lines joined by line breaks), headings, fenced code, bulleted
 * and numbered lists — starting at `from`, which must be a settled offset (or 0). An unclosed fence is a
 * code block `open` to the end. Lists do not nest; an unmarked line continues the last item.
 */
export function scanBlocks(text: string, from = 0): BlockScan {
  const blocks: Block[] = [];
  let settledAt = from;
  let settledCount = 0;
  let paragraph: string[] | undefined;
  let list: { start?: number; items: string[] } | undefined;
  let fence: { mark: string; lines: string[] } | undefined;

  const close = () => {
    if (paragraph) blocks.push({ t: 'p', c: parseInline(paragraph.join('\n')) });
    if (list) {
      const items = list.items.map((item) => parseInline(item));
      blocks.push(list.start === undefined ? { t: 'list', items } : { t: 'list', start: list.start, items });
    }
    paragraph = list = undefined;
  };

  for (let pos = from; pos < text.length; ) {
    const newline = text.indexOf('\n', pos);
    const complete = newline >= 0;
    const end = complete ? newline : text.length;
    const line = text.slice(pos, text[end - 1] === '\r' ? end - 1 : end);
    pos = end + 1;
    const settle = () => {
      if (complete) (settledAt = pos), (settledCount = blocks.length);
    };
    const f = FENCE.exec(line);

    if (fence) {
      if (f && f[1]![0] === fence.mark[0] && f[1]!.length >= fence.mark.length && BLANK.test(f[2]!)) {
        blocks.push({ t: 'pre', v: fence.lines.join('\n'), open: false });
        fence = undefined;
        settle();
      } else fence.lines.push(line);
      continue;
    }
    if (f && !(f[1]![0] === '`' && f[2]!.includes('`'))) {
      close();
      fence = { mark: f[1]!, lines: [] };
      continue;
    }
    if (BLANK.test(line)) {
      close();
      settle();
      continue;
    }
    const heading = HEADING.exec(line);
    if (heading) {
      close();
      blocks.push({ t: 'p', c: [{ t: 'b', c: parseInline(heading[1]!) }] });
      settle();
      continue;
    }
    const bullet = BULLET.exec(line);
    const numbered = bullet ? null : NUMBERED.exec(line);
    if (bullet || numbered) {
      if (!list || (list.start === undefined) !== !numbered) {
        close();
        list = { start: numbered ? Number(numbered[1]) : undefined, items: [] };
      }
      list.items.push(bullet ? bullet[1]! : numbered![2]!);
    } else if (list) {
      list.items[list.items.length - 1] += '\n' + line.trim();
    } else {
      (paragraph ??= []).push(line.trim());
    }
  }
  if (fence) blocks.push({ t: 'pre', v: fence.lines.join('\n'), open: true });
  close();
  return { blocks, settledAt, settledCount };
}
