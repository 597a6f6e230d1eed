import { safeHttpUrl } from '../safe-url.js';
import type { Inline } from './ast.js';

/** Where something other than plain text may start. */
const SPECIAL = /[\\\n`*_[]|\bhttps?:\/\//g;
const ESCAPABLE = /[\\`*_[\]()#+\-.!~>|]/;
/** `[text](url)`; the URL may hold one level of balanced parentheses, as Wikipedia's do. */
const LINK = /\[([^\]\n]{1,1000})\]\(((?:[^\s()]|\([^\s()]*\)){1,4096})\)/y;
const AUTOLINK = /https?:\/\/[^\s<>"'`]+/y;
const TRAILING_PUNCTUATION = /[.,;:!?'")\]*_]+$/;
const WORD = /[\p{L}\p{N}]/u;
const SPACE = /\s/;
/** Nesting beyond this is left as text, so hostile input cannot exhaust the stack. */
const MAX_DEPTH = 6;
const BR: Inline = { t: 'br' };

/**
 * Parses inline Markdown: `**bold**`/`__bold__`, `*italic*`/`_italic_`, `` `code` ``, `[text](url)`, bare
 * http(s) URLs and line breaks. Anything unclosed or malformed stays text. Linear in practice: a search for a
 * closing delimiter that failed once is never repeated further on.
 */
export function parseInline(s: string, depth = 0, inLink = false): Inline[] {
  const out: Inline[] = [];
  /** Position from which a closer for a delimiter is known not to exist. */
  const noCloser = new Map<string, number>();
  let text = '';
  const push = (node: Inline) => {
    if (text) out.push(text);
    text = '';
    out.push(node);
  };
  const closer = (d: string, from: number, valid: (j: number) => boolean): number => {
    if ((noCloser.get(d) ?? Infinity) <= from) return -1;
    for (let j = s.indexOf(d, from); j >= 0; j = s.indexOf(d, j + 1)) if (valid(j)) return j;
    noCloser.set(d, from);
    return -1;
  };

  const at = (re: RegExp, from: number) => ((re.lastIndex = from), re.exec(s));
  let link: RegExpExecArray | null;
  let i = 0;
  while (i < s.length) {
    SPECIAL.lastIndex = i;
    const next = SPECIAL.exec(s)?.index ?? s.length;
    text += s.slice(i, next);
    if ((i = next) >= s.length) break;
    const c = s[i]!;

    if (c === '\\' && ESCAPABLE.test(s[i + 1] ?? '')) {
      text += s[i + 1];
      i += 2;
    } else if (c === '\n') {
      push(BR);
      i++;
    } else if (c === '`') {
      let run = 1;
      while (s[i + run] === '`') run++;
      const d = '`'.repeat(run);
      const end = closer(d, i + run, (j) => s[j - 1] !== '`' && s[j + run] !== '`');
      if (end < 0) text += d;
      else push({ t: 'code', v: s.slice(i + run, end).replace(/\n/g, ' ') });
      i = end < 0 ? i + run : end + run;
    } else if (c === '*' || c === '_') {
      const d = s[i + 1] === c ? c + c : c;
      const start = i + d.length;
      const opens =
        depth < MAX_DEPTH &&
        start < s.length &&
        !SPACE.test(s[start]!) &&
        s[start] !== c &&
        !(c === '_' && WORD.test(s[i - 1] ?? ''));
      const end = opens
        ? closer(d, start + 1, (j) =>
            !SPACE.test(s[j - 1]!) &&
            s[j - 1] !== c &&
            s[j + d.length] !== c &&
            !(c === '_' && WORD.test(s[j + d.length] ?? '')),
          )
        : -1;
      if (end < 0) text += d;
      else push({ t: d.length === 2 ? 'b' : 'i', c: parseInline(s.slice(start, end), depth + 1, inLink) });
      i = end < 0 ? start : end + d.length;
    } else if (c === '[' && !inLink && (link = at(LINK, i))) {
      push({ t: 'a', href: safeHttpUrl(link[2], { allowMailto: true }), c: parseInline(link[1]!, depth + 1, true) });
      i += link[0].length;
    } else if (c === 'h' && !inLink && (link = at(AUTOLINK, i))) {
      const url = link[0].replace(TRAILING_PUNCTUATION, '');
      const href = safeHttpUrl(url);
      if (href) push({ t: 'a', href, c: [url] });
      else text += url;
      i += url.length || 1;
    } else {
      text += c;
      i++;
    }
  }
  if (text) out.push(text);
  return out;
}
