import { html } from 'lit';
import { safeHttpUrl } from '../safe-url.js';

/** Where something other than plain text may start. */
const SPECIAL = /[\\\n`*_[]|\bhttps?:\/\//g;
/** A bare URL from where `https://` starts (sticky: tried at one position, one greedy character class). */
const BARE_URL = /https?:\/\/[^\s<>"'`]+/y;
const WORD = /[\p{L}\p{N}]/u;
const SPACE = /\s/;
const ESCAPABLE = /[!-/:-@[-`{-~]/;
/** Characters a bare URL does not end with: the sentence's punctuation, a closing bracket or emphasis. */
const TRAILING = new Set(['.', ',', ';', ':', '!', '?', "'", '"', ')', ']', '*', '_']);
const MAX_LABEL = 1000;
const MAX_URL_PARTS = 4096;
const BR = html`<br />`;

const link = (href: string | undefined, content: unknown) =>
  href ? html`<a href=${href} target="_blank" rel="noopener noreferrer">${content}</a>` : content;

const urlChar = (char: string | undefined) => char !== undefined && char !== '(' && char !== ')' && !SPACE.test(char);

/**
 * End (exclusive, after its `)`) of a link target starting at `from`, just after `(`: characters that are not
 * whitespace or parentheses, or one level of balanced parentheses as Wikipedia's URLs have, up to 4,096
 * parts; -1 when it does not end with `)`. One forward scan.
 */
function targetEnd(s: string, from: number): number {
  let index = from;
  for (let parts = 0; parts < MAX_URL_PARTS; parts++) {
    if (s[index] === '(') {
      let inner = index + 1;
      while (urlChar(s[inner])) inner++;
      if (s[inner] !== ')') break;
      index = inner + 1;
    } else if (urlChar(s[index])) index++;
    else break;
  }
  return index > from && s[index] === ')' ? index + 1 : -1;
}

/** Strips what a sentence adds after a bare URL. */
function trimUrl(url: string): string {
  let end = url.length;
  while (end > 0 && TRAILING.has(url[end - 1] ?? '')) end--;
  return url.slice(0, end);
}

/**
 * Every backtick run of the text by its length, for finding a code span's closer (a run of the same length)
 * with a pointer that only moves forward: the whole search costs one pass, however many runs there are.
 */
function backtickRuns(s: string): (length: number, from: number) => number {
  const runs = new Map<number, { starts: number[]; next: number }>();
  for (let index = s.indexOf('`'); index >= 0;) {
    let end = index + 1;
    while (s[end] === '`') end++;
    const entry = runs.get(end - index) ?? { starts: [], next: 0 };
    entry.starts.push(index);
    runs.set(end - index, entry);
    index = s.indexOf('`', end);
  }
  return (length, from) => {
    const entry = runs.get(length);
    if (!entry) return -1;
    while (entry.next < entry.starts.length && (entry.starts[entry.next] ?? 0) < from) entry.next++;
    return entry.starts[entry.next] ?? -1;
  };
}

/**
 * Renders inline Markdown — `**bold**`/`__bold__`, `*italic*`/`_italic_`, `` `code` ``, `[text](url)`, bare
 * http(s) URLs and line breaks — as Lit values; text only ever becomes text nodes and anything unclosed or
 * malformed stays text. Linear in its input: every search for a closer either succeeds (and the scan moves
 * past it) or is remembered as failed, positions of `]`, line breaks and backtick runs are found once, and
 * nesting deeper than 6 stays text so hostile input cannot exhaust the stack (each level sees a part of the
 * text at most once).
 */
export function inline(s: string, depth = 0, inLink = false): unknown[] {
  const out: unknown[] = [];
  /** Per delimiter: the position from which no valid closer exists. */
  const none: Record<string, number> = {};
  /** Per character: the first position found at or after the last search (searches only move forward). */
  const found: Record<string, number> = {};
  let codeCloser: ((length: number, from: number) => number) | undefined;
  /** Where the plain text not yet in `out` starts: text is sliced from the input, never built by appending. */
  let textStart = 0;
  let i = 0;
  const push = (node: unknown, next: number) => {
    if (i > textStart) out.push(s.slice(textStart, i));
    out.push(node);
    textStart = i = next;
  };
  const nextIndex = (char: string, from: number): number => {
    const known = found[char];
    if (known !== undefined && (known < 0 || known >= from)) return known;
    return (found[char] = s.indexOf(char, from));
  };
  const closer = (d: string, from: number, valid: (j: number) => boolean): number => {
    if ((none[d] ?? Infinity) <= from) return -1;
    for (let j = s.indexOf(d, from); j >= 0; j = s.indexOf(d, j + 1)) if (valid(j)) return j;
    none[d] = from;
    return -1;
  };
  /** `[label](target)` at `i`: the end of the whole link and its parts, or `undefined`. */
  const bracketLink = () => {
    const close = nextIndex(']', i + 1);
    const lineEnd = nextIndex('\n', i + 1);
    if (close < 0 || (lineEnd >= 0 && lineEnd < close) || close === i + 1 || close - i - 1 > MAX_LABEL) return;
    if (s[close + 1] !== '(') return;
    const end = targetEnd(s, close + 2);
    return end < 0 ? undefined : { end, label: s.slice(i + 1, close), target: s.slice(close + 2, end - 1) };
  };

  while (i < s.length) {
    SPECIAL.lastIndex = i;
    if ((i = SPECIAL.exec(s)?.index ?? s.length) >= s.length) break;
    const c = s[i];
    if (c === '\\' && ESCAPABLE.test(s[i + 1] ?? '')) {
      if (i > textStart) out.push(s.slice(textStart, i));
      textStart = i + 1;
      i += 2;
    } else if (c === '\n') push(BR, i + 1);
    else if (c === '`') {
      let run = 1;
      while (s[i + run] === '`') run++;
      codeCloser ??= backtickRuns(s);
      const end = codeCloser(run, i + run);
      if (end < 0) i += run;
      else push(html`<code>${s.slice(i + run, end)}</code>`, end + run);
    } else if (c === '*' || c === '_') {
      const d = s[i + 1] === c ? c + c : c;
      const start = i + d.length;
      const after = (j: number) => c === '_' && WORD.test(s[j] || ' ');
      const end =
        depth < 6 && !SPACE.test(s[start] ?? '') && s[start] !== c && !after(i - 1)
          ? closer(
              d,
              start + 1,
              (j) => !SPACE.test(s[j - 1] ?? '') && s[j - 1] !== c && s[j + d.length] !== c && !after(j + d.length),
            )
          : -1;
      if (end < 0) i = start;
      else {
        const content = inline(s.slice(start, end), depth + 1, inLink);
        push(d.length === 2 ? html`<strong>${content}</strong>` : html`<em>${content}</em>`, end + d.length);
      }
    } else if (inLink) i++;
    else if (c === '[') {
      const bracket = bracketLink();
      if (bracket) {
        const label = inline(bracket.label, depth + 1, true);
        push(link(safeHttpUrl(bracket.target, { allowMailto: true }), label), bracket.end);
      } else i++;
    } else {
      BARE_URL.lastIndex = i;
      const match = BARE_URL.exec(s);
      const url = match ? trimUrl(match[0]) : '';
      const href = safeHttpUrl(url);
      if (href) push(link(href, url), i + url.length);
      else i += url.length || 1;
    }
  }
  if (s.length > textStart) out.push(s.slice(textStart));
  return out;
}
