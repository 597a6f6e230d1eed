/** Elements that end a line of their own in plain text. */
const BLOCKS = new Set(['P', 'PRE', 'UL', 'OL', 'LI']);

/** One node of a rendered answer in plain text; a list item says its number or bullet as the reader sees it. */
function textOf(node: Node): string {
  if (node.nodeType === Node.TEXT_NODE) return (node as Text).data;
  if (!(node instanceof Element)) return '';
  if (node.tagName === 'BR') return '\n';
  const inner = [...node.childNodes].map(textOf).join('');
  if (node.tagName === 'A') {
    // The link's target would be lost in plain text: it follows the words, unless they are the target already.
    const href = (node as HTMLAnchorElement).href;
    return href && href !== inner ? `${inner} (${href})` : inner;
  }
  if (node.tagName === 'LI') {
    const list = node.parentElement;
    const marker = list?.tagName === 'OL' ? `${[...list.children].indexOf(node) + 1}. ` : '• ';
    return `${marker}${inner.trim()}\n`;
  }
  return BLOCKS.has(node.tagName) ? `${inner.trimEnd()}\n\n` : inner;
}

/**
 * A rendered answer as plain text, what Copy puts on the clipboard: the words as they read (no `**` or
 * `[…](…)`), paragraphs apart, list items numbered or bulleted, a link's address after its words.
 */
export const plainText = (root: Element | undefined): string =>
  root
    ? textOf(root)
        .replace(/\n{3,}/g, '\n\n')
        .trim()
    : '';
