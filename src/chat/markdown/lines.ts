/*
 * Line classifiers, written as single forward scans instead of regular expressions: each is linear in the
 * line whatever it holds (a heading pattern with lazy and optional whitespace groups took seconds on a line of
 * spaces). "Whitespace" is what JavaScript's `\s` and `trim()` mean; `.` in the patterns these replace stops
 * at line terminators, so a line holding one (a lone CR, U+2028, U+2029) where content goes is no match.
 */

function isSpace(line: string, index: number): boolean {
  const code = line.charCodeAt(index);
  return code === 32 || (code >= 9 && code <= 13) || (code > 127 && !line[index]?.trim());
}
const hasTerminator = (text: string): boolean =>
  text.includes('\r') || text.includes('\u2028') || text.includes('\u2029');

/** Index of the first character at or after `from` that is not whitespace. */
function skipSpace(line: string, from: number): number {
  let index = from;
  while (isSpace(line, index)) index++;
  return index;
}

/** Index after a run of `char` starting at `from`. */
function skipRun(line: string, from: number, char: string): number {
  let index = from;
  while (line[index] === char) index++;
  return index;
}

/** Index after up to three leading spaces. */
function indent(line: string): number {
  let index = 0;
  while (index < 3 && line[index] === ' ') index++;
  return index;
}

/** A fence line: up to three spaces, then 3+ backticks (with no backtick after them) or tildes, then an info string. */
export function isFence(line: string): { marker: string; info: string } | undefined {
  const start = indent(line);
  const char = line[start];
  if (char !== '`' && char !== '~') return undefined;
  const end = skipRun(line, start, char);
  const info = line.slice(end);
  if (end - start < 3 || hasTerminator(info) || (char === '`' && info.includes('`'))) return undefined;
  return { marker: line.slice(start, end), info };
}

/** A heading's text (`# Title`, up to six `#`, an optional closing run of `#`), or `undefined`. */
export function headingText(line: string): string | undefined {
  const start = indent(line);
  const end = skipRun(line, start, '#');
  if (end === start || end - start > 6 || !isSpace(line, end)) return undefined;
  let text = line.slice(skipSpace(line, end)).trimEnd();
  const closing = skipBackRun(text, '#');
  if (closing > 0 && closing < text.length && isSpace(text, closing - 1)) text = text.slice(0, closing).trimEnd();
  return hasTerminator(text) ? undefined : text;
}

/** Index where the run of `char` that ends `text` begins. */
function skipBackRun(text: string, char: string): number {
  let index = text.length;
  while (index > 0 && text[index - 1] === char) index--;
  return index;
}

/** A list item: optional whitespace, `-`, `*`, `+` or a number of up to 9 digits with `.` or `)`, whitespace, text. */
export function listItem(line: string): { number?: string; text: string } | undefined {
  const start = skipSpace(line, 0);
  let end = start;
  let number: string | undefined;
  if (line[start] === '-' || line[start] === '*' || line[start] === '+') end = start + 1;
  else {
    while (end - start < 10 && line.charCodeAt(end) >= 48 && line.charCodeAt(end) <= 57) end++;
    if (end === start || end - start > 9 || (line[end] !== '.' && line[end] !== ')')) return undefined;
    number = line.slice(start, end);
    end++;
  }
  if (!isSpace(line, end)) return undefined;
  const text = line.slice(skipSpace(line, end));
  return hasTerminator(text) ? undefined : { number, text };
}
