import { html } from 'lit';
import { safeHttpUrl } from '../safe-url.js';

/** Where something other than plain text may start. */
const SPECIAL = /[\\\n`*_[]|\bhttps?:\/\//g;
/** `[text](url)` (the URL may hold one level of balanced parentheses, as Wikipedia's do) or a bare URL. */
const LINK = /\[([^\]\n]{1,1000})\]\(((?:[^\s()]|\([^\s()]*\)){1,4096})\)|https?:\/\/[^\s<>"'`]+/y;
const WORD = /[\p{L}\p{N}]/u;
const SPACE = /\s/;
const BR = html`<br />`;

const link = (href: string | undefined, content: unknown) =>
  href ? html`<a href=${href} target="_blank" rel="noopener noreferrer">${content}</a>` : content;

/**
 * Renders inline Markdown — `**bold**`/`__bold__`, `*italic*`/`_italic_`, `` `code` ``, `[text](url)`, bare
 * http(s) URLs and line breaks — as Lit values; text only ever becomes text nodes and anything unclosed or
 * malformed stays text. Linear in practice: a search for a closer that failed once is not repeated further
 * on, and nesting deeper than 6 stays text so hostile input cannot exhaust the stack.
 */
export function inline(s: string, depth = 0, inLink?: boolean): unknown[] {
  const out: unknown[] = [];
  /** Per delimiter: the position from which no valid closer exists. */
  const none: Record<string, number> = {};
  let text = '';
  let i = 0;
  let m: RegExpExecArray | null;
  const push = (node: unknown) => {
    out.push(text, node);
    text = '';
  };
  const closer = (d: string, from: number, valid: (j: number) => boolean): number => {
    if (none[d]! <= from) return -1;
    for (let j = s.indexOf(d, from); j >= 0; j = s.indexOf(d, j + 1)) if (valid(j)) return j;
    none[d] = from;
    return -1;
  };

  while (i < s.length) {
    SPECIAL.lastIndex = i;
    const next = SPECIAL.exec(s)?.index ?? s.length;
    text += s.slice(i, next);
    if ((i = next) >= s.length) break;
    const c = s[i]!;
    if (c === '\\' && /[!-/:-@[-`{-~]/.test(s[i + 1]!)) {
      text += s[i + 1];
      i += 2;
    } else if (c === '\n') {
      push(BR);
      i++;
    } else if (c === '`') {
      let run = 1;
      while (s[i + run] === '`') run++;
      const d = s.substr(i, run);
      const end = closer(d, i + run, (j) => s[j - 1] !== '`' && s[j + run] !== '`');
      if (end < 0) text += d;
      else push(html`<code>${s.slice(i + run, end)}</code>`);
      i = end < 0 ? i + run : end + run;
    } else if (c === '*' || c === '_') {
      const d = s[i + 1] === c ? c + c : c;
      const start = i + d.length;
      const after = (j: number) => c === '_' && WORD.test(s[j] || ' ');
      const end =
        depth < 6 && !SPACE.test(s[start]!) && s[start] !== c && !after(i - 1)
          ? closer(
              d,
              start + 1,
              (j) => !SPACE.test(s[j - 1]!) && s[j - 1] !== c && s[j + d.length] !== c && !after(j + d.length),
            )
          : -1;
      if (end < 0) text += d;
      else {
        const content = inline(s.slice(start, end), depth + 1, inLink);
        push(d[1] ? html`<strong>${content}</strong>` : html`<em>${content}</em>`);
      }
      i = end < 0 ? start : end + d.length;
    } else if (!inLink && ((LINK.lastIndex = i), (m = LINK.exec(s)))) {
      if (m[1]) {
        push(link(safeHttpUrl(m[2], { allowMailto: true }), inline(m[1], depth + 1, true)));
        i += m[0].length;
      } else {
        const url = m[0].replace(/[.,;:!?'")\]*_]+$/, '');
        const href = safeHttpUrl(url);
        if (href) push(link(href, url));
        else text += url;
        i += url.length;
      }
    } else {
      text += c;
      i++;
    }
  }
  out.push(text);
  return out;
}
