import { isFence } from './lines.js';

/**
 * The most characters a group of lines (or a piece of code) holds before it is settled: a paragraph group
 * that grows past it is settled at the next line end (what follows starts a new paragraph). What the renderer
 * does again on a chunk is bounded by it and by {@link LINE_LIMIT}.
 */
export const BLOCK_LIMIT = 4096;

/**
 * The longest line taken whole. A longer one is cut into pieces after its last space or tab (or hard, never
 * inside a surrogate pair), each a line of its own that settles at once; inside a fence the pieces join
 * seamlessly. Ordinary paragraphs are far shorter; the cut exists for hostile single-line answers.
 */
export const LINE_LIMIT = 8192;

/**
 * A unit of the answer: a group of lines between blank lines (paragraphs, headings and lists, made by the
 * renderer), or the text of a fenced code block, in pieces of at most {@link BLOCK_LIMIT} characters.
 */
export type Block =
  | { readonly kind: 'lines'; readonly lines: readonly string[]; readonly size: number }
  /** A streaming text's unfinished last line longer than {@link BLOCK_LIMIT}: shown as it is until it ends. */
  | { readonly kind: 'plain'; readonly text: string; readonly size: number }
  | { readonly kind: 'code'; readonly pieces: readonly string[]; readonly open: boolean; readonly size: number };

interface Fence {
  /** The opening run of backticks or tildes. */
  readonly marker: string;
  readonly pieces: string[];
  buffer: string;
  /** Content lines begun so far. */
  lines: number;
  /** The current line has pieces already (it was longer than the limit). */
  midLine: boolean;
}

interface State {
  group: string[];
  groupSize: number;
  fence?: Fence;
}

function settleGroup(state: State, out: Block[]): void {
  if (state.group.length) out.push({ kind: 'lines', lines: state.group, size: state.groupSize });
  state.group = [];
  state.groupSize = 0;
}

function addCode(fence: Fence, text: string): void {
  fence.buffer += text;
  if (fence.buffer.length >= BLOCK_LIMIT) {
    fence.pieces.push(fence.buffer);
    fence.buffer = '';
  }
}

const codeBlock = (fence: Fence, open: boolean): Block => {
  const pieces = fence.buffer ? [...fence.pieces, fence.buffer] : [...fence.pieces];
  return { kind: 'code', pieces, open, size: pieces.reduce((sum, piece) => sum + piece.length, 0) };
};

/** One complete line (no line break): a fence opens or closes, a group grows, or a blank line settles it. */
function takeLine(state: State, line: string, out: Block[]): void {
  const fence = state.fence;
  if (fence) {
    const closing = fence.midLine ? undefined : isFence(line);
    if (closing && closing.marker[0] === fence.marker[0] && closing.marker.length >= fence.marker.length) {
      if (!closing.info.trim()) {
        out.push(codeBlock(fence, false));
        state.fence = undefined;
        return;
      }
    }
    addCode(fence, fence.midLine || !fence.lines++ ? line : '\n' + line);
    fence.midLine = false;
    return;
  }
  const opening = isFence(line);
  if (opening) {
    settleGroup(state, out);
    state.fence = { marker: opening.marker, pieces: [], buffer: '', lines: 0, midLine: false };
  } else if (line.trim()) {
    state.group.push(line);
    state.groupSize += line.length;
    if (state.groupSize >= BLOCK_LIMIT) settleGroup(state, out);
  } else settleGroup(state, out);
}

/** A piece of a line longer than the limit: code text without a break, else a line that settles at once. */
function takePiece(state: State, piece: string, out: Block[]): void {
  const fence = state.fence;
  if (!fence) {
    takeLine(state, piece, out);
    settleGroup(state, out);
    return;
  }
  addCode(fence, fence.midLine || !fence.lines++ ? piece : '\n' + piece);
  fence.midLine = true;
}

function finish(state: State, out: Block[]): void {
  settleGroup(state, out);
  if (state.fence) out.push(codeBlock(state.fence, true));
}

const copy = (state: State): State => ({
  group: [...state.group],
  groupSize: state.groupSize,
  fence: state.fence && { ...state.fence, pieces: [...state.fence.pieces] },
});

/** Where the piece of a too-long line starting at `from` ends: after its last space or tab, else at the limit. */
function pieceEnd(text: string, from: number): number {
  const last = from + LINE_LIMIT - 1;
  const space = Math.max(text.lastIndexOf(' ', last), text.lastIndexOf('\t', last));
  if (space >= from) return space + 1;
  const code = text.charCodeAt(last);
  return code >= 0xd800 && code <= 0xdbff ? last : last + 1;
}

/** How many of the last scanned characters a text must repeat to count as their continuation. */
const OVERLAP = 64;

/**
 * Splits one growing Markdown text (a streaming answer, which only ever grows) into blocks, incrementally:
 * each call scans only what was added since the last one (from the start of its unfinished line), settled
 * blocks are never scanned again, and the open tail (the unfinished group or fence plus the unfinished line)
 * is at most a few blocks long. Checking that the text continues costs the same whatever its length: it must
 * be as long and repeat the last 64 scanned characters in place; else it is scanned afresh.
 */
export class BlockScanner {
  /** The blocks that can no longer change, in order; the array only grows while the text does. */
  settled: Block[] = [];
  #scannedLength = 0;
  #overlap = '';
  /** No line break is before this position past the scanned part: the unfinished line is searched once. */
  #unbrokenUntil = 0;
  #state: State = { group: [], groupSize: 0 };

  /**
   * Scans what `text` adds and returns the blocks still open: the tail that is rendered again. While the text
   * is `streaming`, an unfinished last line longer than {@link BLOCK_LIMIT} is a `plain` block.
   */
  update(text: string, streaming = false): Block[] {
    const from = this.#scannedLength - this.#overlap.length;
    if (text.length < this.#scannedLength || !text.startsWith(this.#overlap, from)) {
      this.settled = [];
      this.#scannedLength = 0;
      this.#overlap = '';
      this.#unbrokenUntil = 0;
      this.#state = { group: [], groupSize: 0 };
    }
    let done = this.#scannedLength;
    for (;;) {
      const lineEnd = text.indexOf('\n', Math.max(done, this.#unbrokenUntil));
      const length = (lineEnd < 0 ? text.length : lineEnd) - done;
      if (length > LINE_LIMIT) {
        const end = pieceEnd(text, done);
        takePiece(this.#state, text.slice(done, end), this.settled);
        done = end;
      } else if (lineEnd >= 0) {
        const cut = text.charCodeAt(lineEnd - 1) === 13 && lineEnd > done ? lineEnd - 1 : lineEnd;
        takeLine(this.#state, text.slice(done, cut), this.settled);
        done = lineEnd + 1;
      } else {
        this.#unbrokenUntil = text.length;
        break;
      }
    }
    this.#scannedLength = done;
    this.#overlap = text.slice(Math.max(0, done - OVERLAP), done);
    const tail: Block[] = [];
    const open = copy(this.#state);
    const rest = text.length - done;
    // Parsing a long unfinished line again on every chunk would be quadratic in it; its text is cheap to show.
    if (streaming && rest > BLOCK_LIMIT && !open.fence) {
      finish(open, tail);
      tail.push({ kind: 'plain', text: text.slice(done), size: rest });
      return tail;
    }
    if (rest) takeLine(open, text.slice(done), tail);
    finish(open, tail);
    return tail;
  }
}
