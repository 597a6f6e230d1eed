import { expect } from '@open-wc/testing';
import type { Template } from '../../../src/chat/model.js';
import { $$, mount, settled, typeAndSend } from './helpers.js';
import { EMPTY_TEMPLATE_002 } from '../../support/template-002.js';

declare global {
  interface Window {
    pwned?: string[];
  }
}

const BAD_URLS = [
  'javascript:window.pwned.push("href")',
  'JaVaScRiPt:window.pwned.push("case")',
  ' javascript:window.pwned.push("space")',
  'java\tscript:window.pwned.push("tab")',
  'data:text/html,<script>window.parent.pwned.push("data")</script>',
  'vbscript:msgbox("x")',
  'data:image/svg+xml,<svg onload="window.pwned.push(1)"/>',
];

const HOSTILE_TEXT =
  'Hello <img src=x onerror="window.pwned.push(\'img\')"> <script>window.pwned.push("script")</script> ' +
  '[click](javascript:window.pwned.push("md")) ![i](javascript:window.pwned.push("mdimg")) ' +
  '[data](data:text/html,x) [vb](vbscript:x) <a href="javascript:window.pwned.push(\'a\')">a</a> ' +
  '<svg onload="window.pwned.push(\'svg\')"></svg> <iframe src="javascript:1"></iframe>';

const hostileTemplates = (): Template[] => [
  { type: 'text', text: HOSTILE_TEXT },
  ...BAD_URLS.map((url): Template => ({ type: 'image', url, alt: 'bad image' })),
  {
    type: 'quick_reply',
    prompt: HOSTILE_TEXT,
    replies: BAD_URLS.map((url) => ({ type: 'link' as const, label: 'go', url })),
  },
  {
    type: 'card',
    cards: BAD_URLS.map((url) => ({
      title: '<img src=x onerror="window.pwned.push(\'title\')">',
      subtitle: HOSTILE_TEXT,
      imageUrl: url,
      buttons: [{ type: 'link' as const, label: 'open', url }],
    })),
  },
  { type: 'code', code: '<img src=x onerror="window.pwned.push(\'code\')">' },
];

/** Every element, attribute and URL that could run script; there must be none. */
function assertInert(root: ShadowRoot) {
  expect(root.querySelectorAll('script, iframe, object, embed').length, 'script-capable elements').to.equal(0);
  for (const node of root.querySelectorAll('*')) {
    for (const attr of node.getAttributeNames()) {
      expect(attr.startsWith('on'), `${node.tagName} ${attr}`).to.equal(false);
    }
    for (const attr of ['href', 'src', 'srcset', 'action', 'formaction', 'xlink:href']) {
      const value = node.getAttribute(attr);
      if (value == null) continue;
      expect(value.replace(/[\s\u0000-\u001f]/g, ''), `${node.tagName} ${attr}`).to.not.match(
        /^(javascript|data|vbscript):/i,
      );
      if (attr !== 'href' || !value.startsWith('mailto:'))
        expect(value, `${node.tagName} ${attr}`).to.match(/^https?:\/\//);
    }
  }
  const imgs = [...root.querySelectorAll('img')].filter((img) => img.getAttribute('src') === 'x');
  expect(imgs, 'the markup img was rendered as an element').to.have.length(0);
}

/** An SSE `fetch` for the element that answers every question with the hostile payload. */
const hostileServer: typeof fetch = async () => {
  const events = [
    { type: 'status', status: 'searching', level: 'loading' },
    { type: 'text', content: HOSTILE_TEXT },
    ...hostileTemplatesAs002().map((template) => ({ type: 'template', template })),
    {
      type: 'faq',
      results: [{ id: '<img src=x onerror=alert(1)>', title: '<img src=x onerror="window.pwned.push(\'faq\')">' }],
    },
  ];
  const body = events.map((e) => `data: ${JSON.stringify(e)}\n\n`).join('') + 'data: [DONE]\n\n';
  return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
};

/** The same attack in 002 Template Objects, as a hostile server would send them. */
function hostileTemplatesAs002() {
  return [
    { ...EMPTY_TEMPLATE_002, 'template-type': 'text', template: HOSTILE_TEXT },
    ...BAD_URLS.map((url) => ({
      ...EMPTY_TEMPLATE_002,
      'template-type': 'image',
      'image-url': url,
      'upload-type': 'image',
    })),
    {
      ...EMPTY_TEMPLATE_002,
      'template-type': 'quick_reply',
      template: HOSTILE_TEXT,
      'quick-replies': BAD_URLS.map((url) => ({ label: 'go', type: 'link', url, message: null, 'image-url': url })),
    },
    {
      ...EMPTY_TEMPLATE_002,
      'template-type': 'card',
      'card-list': BAD_URLS.map((url) => ({
        title: HOSTILE_TEXT,
        'sub-title': HOSTILE_TEXT,
        'image-url': url,
        buttons: [{ 'button-type': 'link', label: 'open', link: url, message: null }],
      })),
    },
    { ...EMPTY_TEMPLATE_002, 'template-type': 'code', template: '<script>window.pwned.push("code")</script>' },
    { ...EMPTY_TEMPLATE_002, 'template-type': 'no_such_type', template: HOSTILE_TEXT },
  ];
}

describe('<mooni-frame> hostile content', () => {
  beforeEach(() => (window.pwned = []));

  it('say(): markup, javascript:, data: and vbscript: in text and templates render inert', async () => {
    const el = await mount();
    el.say({ text: HOSTILE_TEXT, templates: hostileTemplates() });
    el.say(HOSTILE_TEXT);
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 100));
    assertInert(el.shadowRoot!);
    // The text is shown as text.
    expect(el.shadowRoot!.textContent).to.contain('onerror');
    for (const link of $$<HTMLAnchorElement>(el, '.log a')) link.addEventListener('click', (e) => e.preventDefault());
    for (const control of $$<HTMLElement>(el, '.log a, .log button')) control.click();
    await new Promise((r) => setTimeout(r, 100));
    expect(window.pwned).to.deep.equal([]);
  });

  it('a hostile server stream (text, 002 templates, faq) renders inert', async () => {
    const el = await mount();
    el.fetcher = hostileServer;
    await el.updateComplete;
    const done = settled(el);
    await typeAndSend(el, 'anything');
    await done;
    await el.updateComplete;
    await new Promise((r) => setTimeout(r, 100));
    assertInert(el.shadowRoot!);
    expect(window.pwned).to.deep.equal([]);
  });
});
