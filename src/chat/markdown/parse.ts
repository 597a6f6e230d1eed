import type { Block } from './ast.js';
import { scanBlocks } from './blocks.js';

/** A text prefix that ends on a settled offset, with its final blocks. */
interface Settled {
  prefix: string;
  blocks: Block[];
}

/** Few entries: one per answer streaming now, plus some room for other messages re-rendered meanwhile. */
const MAX_MEMOS = 8;
const memos: Settled[] = [];

/**
 * Parses Markdown into blocks, memoised by text prefix: while an answer grows chunk by chunk, the blocks
 * settled by an earlier call are reused (same objects) and only the text after them is parsed again.
 */
export function parseMarkdown(text: string): Block[] {
  let base: Settled | undefined;
  for (const memo of memos) {
    if ((!base || memo.prefix.length > base.prefix.length) && text.startsWith(memo.prefix)) base = memo;
  }
  const from = base?.prefix.length ?? 0;
  const scan = scanBlocks(text, from);
  const settled = (base?.blocks ?? []).concat(scan.blocks.slice(0, scan.settledCount));
  if (scan.settledAt > from) {
    if (base) memos.splice(memos.indexOf(base), 1);
    memos.unshift({ prefix: text.slice(0, scan.settledAt), blocks: settled });
    memos.length = Math.min(memos.length, MAX_MEMOS);
  }
  return settled.concat(scan.blocks.slice(scan.settledCount));
}
