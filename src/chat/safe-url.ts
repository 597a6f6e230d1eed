/** Options for {@link safeHttpUrl}. */
export interface SafeUrlOptions {
  /** Also accept `mailto:` addresses (for links, never for images). */
  allowMailto?: boolean;
}

/**
 * Returns the normalised `href` of an absolute http(s) URL (or a `mailto:` address when allowed), or
 * `undefined` for anything else: other schemes (`javascript:`, `data:`, `vbscript:`, `file:`, `blob:`…),
 * protocol-relative and relative URLs, URLs with credentials (`https://trusted.com@evil.com` only serves to
 * disguise the real host), and obfuscations such as whitespace, control characters or backslashes anywhere,
 * HTML entities or percent-encoding in the scheme: the scheme must be spelled out literally at the start.
 */
export function safeHttpUrl(raw: unknown, options: SafeUrlOptions = {}): string | undefined {
  const start =
    typeof raw === 'string' && raw.length < 4097 && /^(?:https?:\/\/[^/?#@]+(?:[/?#]|$)|(mailto:)[^/])/i.exec(raw);
  try {
    if (start && (!start[1] || options.allowMailto) && !/[\s\0-\x1f\x7f-\x9f\u200b-\u200f\\]/.test(raw as string)) {
      return new URL(raw as string).href;
    }
  } catch {
    // not a URL the parser accepts: unsafe
  }
}

/**
 * The URL of a picture the page may load, or `undefined`: {@link safeHttpUrl} (http(s), never `mailto:` or
 * `data:`), and on an https page never `http:`, which the browser would block or flag as mixed content.
 */
export function safeImageUrl(raw: unknown, pageProtocol = globalThis.location?.protocol): string | undefined {
  const url = safeHttpUrl(raw);
  return url && pageProtocol === 'https:' && url.startsWith('http:') ? undefined : url;
}
