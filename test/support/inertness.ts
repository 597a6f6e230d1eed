/** The deep inertness walk of the hardening tests: nothing script-capable, no unsafe URL, in any shadow root. */

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
