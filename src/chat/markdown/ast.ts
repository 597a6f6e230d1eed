/** Inline content: plain text (always rendered as a text node) or a formatted span. */
export type Inline =
  | string
  | { t: 'br' }
  | { t: 'b' | 'i'; c: Inline[] }
  | { t: 'code'; v: string }
  /** A link; `href` is `undefined` when the URL was unsafe, and the link is then shown as its text. */
  | { t: 'a'; href: string | undefined; c: Inline[] };

export type Block =
  /** A paragraph; a heading becomes a paragraph in bold (chat answers have no document outline). */
  | { t: 'p'; c: Inline[] }
  /** Fenced code; `open` while its closing fence has not arrived yet. */
  | { t: 'pre'; v: string; open: boolean }
  /** A list: numbered from `start`, or bulleted without one. */
  | { t: 'list'; start?: number; items: Inline[][] };
