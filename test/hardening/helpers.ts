/** Shared checks for the hardening tests: script traps, a deep inertness walk, mock faults. */

declare global {
  interface Window {
    /** Set by any hostile payload that manages to run script. Must stay unset. */
    __pwned?: unknown;
  }
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function until(check: () => unknown | Promise<unknown>, ms: number, what: string): Promise<void> {
  const end = Date.now() + ms;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await sleep(20);
  }
}

/** Records uncaught errors, unhandled rejections and CSP violations in this window while armed. */
export function watchWindow() {
  const errors: string[] = [];
  const violations: string[] = [];
  const onError = (e: ErrorEvent) => errors.push(`error: ${e.message}`);
  const onRejection = (e: PromiseRejectionEvent) =>
    errors.push(`unhandledrejection: ${String(e.reason?.stack ?? e.reason)}`);
  const onViolation = (e: SecurityPolicyViolationEvent) => violations.push(`${e.violatedDirective} ${e.blockedURI}`);
  window.addEventListener('error', onError);
  window.addEventListener('unhandledrejection', onRejection);
  document.addEventListener('securitypolicyviolation', onViolation);
  return {
    errors,
    violations,
    stop() {
      window.removeEventListener('error', onError);
      window.removeEventListener('unhandledrejection', onRejection);
      document.removeEventListener('securitypolicyviolation', onViolation);
    },
  };
}

const URL_ATTRIBUTES = [
  'href',
  'src',
  'srcset',
  'action',
  'formaction',
  'xlink:href',
  'poster',
  'data',
  'background',
  'ping',
];
const FORBIDDEN_ELEMENTS =
  'script, iframe, frame, object, embed, applet, base, meta, link, svg script, foreignObject, style';

/**
 * Every problem in `root` and every shadow root below it: script-capable elements, `on*` attributes,
 * `style` attributes carrying `url(`/`expression(`, and URL attributes that are not absolute http(s)
 * (or mailto: on a link's href). Returns a list of findings (empty when inert).
 */
export function findUnsafe(root: ParentNode): string[] {
  const found: string[] = [];
  const visit = (node: ParentNode) => {
    for (const el of node.querySelectorAll(FORBIDDEN_ELEMENTS)) found.push(`<${el.localName}> element`);
    for (const el of node.querySelectorAll('*')) {
      for (const name of el.getAttributeNames()) {
        const value = el.getAttribute(name) ?? '';
        const lower = name.toLowerCase();
        if (lower.startsWith('on')) found.push(`<${el.localName} ${name}>`);
        if (lower === 'style' && /url\(|expression\(|javascript:/i.test(value))
          found.push(`<${el.localName} style="${value.slice(0, 80)}">`);
        if (lower === 'srcdoc') found.push(`<${el.localName} srcdoc>`);
        if (!URL_ATTRIBUTES.includes(lower) && !lower.endsWith(':href')) continue;
        const allowed =
          /^https?:\/\/[^/\s]/i.test(value) ||
          (lower === 'href' && el.localName === 'a' && /^mailto:[^/\s]/i.test(value));
        if (!allowed) found.push(`<${el.localName} ${name}="${value.slice(0, 80)}">`);
      }
      if (el.shadowRoot) visit(el.shadowRoot);
    }
  };
  visit(root);
  return found;
}

export async function setFaults(faults: Record<string, unknown> | null): Promise<void> {
  const r = await fetch(
    '/__mock/faults',
    faults
      ? { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(faults) }
      : { method: 'DELETE' },
  );
  if (!r.ok) throw new Error(`/__mock/faults answered ${r.status}: ${await r.text()}`);
}
