/** Options for {@link safeHttpUrl}. */
export interface SafeUrlOptions {
  /** Also accept `mailto:` addresses (for links, never for images). */
  allowMailto?: boolean;
}

/** The scheme must be spelled out literally at the very start: no entity, percent-encoding or leading junk. */
const HTTP_START = /^https?:\/\/[^/]/i;
const MAILTO_START = /^mailto:[^/]/i;
/** Whitespace of any kind (including Unicode spaces and BOM) and C0/C1 control characters, anywhere. */
const FORBIDDEN = /[\s\u0000-\u001f\u007f-\u009f\u200b-\u200f\u2028\u2029\ufeff\\]/;
/** Userinfo (`https://trusted.com@evil.com`) only serves to disguise the real host. */
const CREDENTIALS = /^[a-z]+:\/\/[^/?#]*@/i;
const MAX_LENGTH = 4096;

/**
 * Returns the normalised `href` of an absolute http(s) URL (or a `mailto:` address when allowed), or
 * `undefined` for anything else: other schemes (`javascript:`, `data:`, `vbscript:`, `file:`, `blob:`…),
 * protocol-relative and relative URLs, URLs with credentials, and obfuscations such as whitespace, control
 * characters or backslashes anywhere, HTML entities or percent-encoding in the scheme.
 */
export function safeHttpUrl(raw: unknown, options: SafeUrlOptions = {}): string | undefined {
  if (typeof raw !== 'string' || raw.length > MAX_LENGTH || FORBIDDEN.test(raw)) return undefined;
  const http = HTTP_START.test(raw);
  if (http && CREDENTIALS.test(raw)) return undefined;
  if (!http && !(options.allowMailto && MAILTO_START.test(raw))) return undefined;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return undefined;
  }
  if (http) {
    const ok = (url.protocol === 'http:' || url.protocol === 'https:') && url.hostname;
    return ok ? url.href : undefined;
  }
  return url.protocol === 'mailto:' ? url.href : undefined;
}
