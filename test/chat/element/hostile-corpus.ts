/**
 * Hostile `/chat` response bodies, as exact bytes in chunks, for the element's handling (parser, template
 * normalisation, renderer). Any script they manage to run sets `window.__pwned`.
 */
import { EMPTY_TEMPLATE_002 } from '../../support/template-002.js';

export interface HostilePayload {
  name: string;
  /** The body, chunk by chunk: strings are sent as UTF-8, number arrays as raw bytes. */
  chunks: (string | number[])[];
  /** Text the user must see once the answer ends (proves the payload was shown as text, not dropped). */
  shows?: string;
}

const PWN = (tag: string) => `window.__pwned=${JSON.stringify(tag)}`;

const frame = (event: unknown) => `data: ${JSON.stringify(event)}\n\n`;
const DONE = 'data: [DONE]\n\n';
const searching = frame({ type: 'status', status: 'searching', level: 'loading' });
const finished = frame({ type: 'status', status: 'done', level: 'success' }) + DONE;

/** A whole well-framed answer from these events. */
const answer = (...events: unknown[]) => searching + events.map(frame).join('') + finished;
const text = (content: unknown) => ({ type: 'text', content });
const template = (t: Record<string, unknown>) => ({
  type: 'template',
  template: { ...EMPTY_TEMPLATE_002, ...t },
});

/** A URL in every place a template can carry one: image, quick-reply link, card image, card link button. */
const everywhere = (url: unknown) => [
  template({ 'template-type': 'image', 'image-url': url, 'upload-type': 'image', template: 'an image' }),
  template({
    'template-type': 'quick_reply',
    template: 'pick',
    'quick-replies': [
      { label: 'go', type: 'link', url, message: null, 'image-url': url },
      { label: 'ok', type: 'message', message: 'ok' },
    ],
  }),
  template({
    'template-type': 'card',
    'card-list': [
      {
        title: 'card',
        'sub-title': 'sub',
        'image-url': url,
        buttons: [{ 'button-type': 'link', label: 'open', link: url, url }],
      },
    ],
  }),
  text(`[link](${JSON.stringify(url)}) ![img](${JSON.stringify(url)}) <${JSON.stringify(url)}>`),
  text(typeof url === 'string' ? `[link](${url}) ![img](${url}) <${url}>` : 'not a string'),
];

export const MARKUP_TEXTS: [string, string][] = [
  ['img onerror', `<img src=x onerror="${PWN('img')}">`],
  ['script element', `<script>${PWN('script')}</script>`],
  ['svg onload', `<svg onload="${PWN('svg')}"><script>${PWN('svgscript')}</script></svg>`],
  ['iframe srcdoc', `<iframe srcdoc="<script>parent.${PWN('srcdoc')}</script>"></iframe>`],
  ['anchor javascript:', `<a href="javascript:${PWN('a')}">click</a>`],
  ['markdown link javascript:', `[click me](javascript:${PWN('mdlink')})`],
  ['markdown image onerror', `![x" onerror="${PWN('mdimg')}](https://example.com/x.png)`],
  ['markdown link with quote breakout', `[a](https://example.com/" onmouseover="${PWN('quote')})`],
  ['entity-encoded scheme', `[e](&#106;avascript:${PWN('entity')}) <a href="&#x6A;avascript:${PWN('entity2')}">e</a>`],
  [
    'style and meta refresh',
    `<style>*{background:url(javascript:${PWN('css')})}</style><meta http-equiv="refresh" content="0;url=javascript:${PWN('meta')}">`,
  ],
  [
    'form formaction',
    `<form action="javascript:${PWN('form')}"><button formaction="javascript:${PWN('fa')}">x</button></form>`,
  ],
  [
    'object, embed, base',
    `<object data="javascript:${PWN('obj')}"></object><embed src="javascript:${PWN('embed')}"><base href="javascript:/">`,
  ],
  [
    'template and math xlink',
    `<template><img src=x onerror="${PWN('tpl')}"></template><math><a xlink:href="javascript:${PWN('math')}">m</a></math>`,
  ],
  ['mutation XSS (noscript/title)', `<noscript><p title="</noscript><img src=x onerror=${PWN('mxss')}>">`],
  [
    'lit marker lookalikes',
    `<!--?lit$123$--><?lit$0$><img src=x onerror="${PWN('litmarker')}"> {{constructor.constructor('${PWN('tpl-inj')}')()}} \${${PWN('tpl-lit')}}`,
  ],
];

export const HOSTILE_URLS: [string, unknown][] = [
  ['javascript:', `javascript:${PWN('js')}`],
  ['mixed-case JaVaScRiPt:', `JaVaScRiPt:${PWN('case')}`],
  ['leading space javascript:', ` javascript:${PWN('space')}`],
  ['tab inside scheme', `java\tscript:${PWN('tab')}`],
  ['newline inside scheme', `java\nscript:${PWN('nl')}`],
  ['NUL before scheme', `\u0000javascript:${PWN('nul')}`],
  ['percent-encoded scheme', `%6Aavascript:${PWN('pct')}`],
  ['data:text/html', `data:text/html,<script>parent.${PWN('data')}</script>`],
  ['data:image/svg+xml', `data:image/svg+xml,<svg xmlns="http://www.w3.org/2000/svg" onload="${PWN('datasvg')}"/>`],
  ['vbscript:', 'vbscript:msgbox("x")'],
  ['protocol-relative //', '//evil.example/x.png'],
  ['backslash host \\\\', '\\\\evil.example\\x.png'],
  ['https with backslash', 'https:\\\\evil.example/x'],
  ['https without slashes', 'https:evil.example/x'],
  ['credentials disguise', 'https://trusted.example@evil.example/x'],
  ['file:', 'file:///etc/passwd'],
  ['blob:', 'blob:https://evil.example/1234'],
  ['mailto: as image', 'mailto:someone@example.com'],
  ['fullwidth scheme', 'ｊａｖａｓｃｒｉｐｔ:alert(1)'],
  ['zero-width space in scheme', `java\u200bscript:${PWN('zw')}`],
  ['URL of a number', 12345],
  ['URL of an object', { href: `javascript:${PWN('obj-url')}`, toString: 'javascript:' }],
];

const bytes = (s: string) => [...new TextEncoder().encode(s)];

export function hostileCorpus(): HostilePayload[] {
  const corpus: HostilePayload[] = [];
  const add = (name: string, ...chunks: (string | number[])[]) => corpus.push({ name, chunks });
  const shows = (text: string) => (corpus.at(-1)!.shows = text);

  for (const [name, markup] of MARKUP_TEXTS) {
    add(`text: ${name}`, answer(text(`Hello ${markup} end`), template({ 'template-type': 'text', template: markup })));
    shows('Hello');
  }
  for (const [name, url] of HOSTILE_URLS) add(`url: ${name}`, answer(text('Links: '), ...everywhere(url)));

  // Huge strings.
  add('huge: 2 MB of text in one event', answer(text('x'.repeat(2_000_000))));
  add('huge: 200k-character single word with markup', answer(text(`<b>${'w'.repeat(200_000)}</b>`)));
  add(
    'huge: 20,000 text events',
    searching + Array.from({ length: 20_000 }, (_, i) => frame(text(`${i} `))).join('') + finished,
  );
  add(
    'huge: 5,000 quick replies and 5,000 cards',
    answer(
      template({
        'template-type': 'quick_reply',
        template: 'p',
        'quick-replies': Array.from({ length: 5000 }, (_, i) => ({
          label: `r${i}`,
          type: 'message',
          message: `m${i}`,
        })),
      }),
      template({
        'template-type': 'card',
        'card-list': Array.from({ length: 5000 }, (_, i) => ({ title: `c${i}`, buttons: [] })),
      }),
    ),
  );
  add(
    'huge: 1 MB label, title, code and faq title',
    answer(
      template({
        'template-type': 'quick_reply',
        template: 'p',
        'quick-replies': [{ label: 'L'.repeat(1_000_000), type: 'message', message: 'M'.repeat(1_000_000) }],
      }),
      template({
        'template-type': 'card',
        'card-list': [{ title: 'T'.repeat(1_000_000), 'sub-title': 'S'.repeat(1_000_000), buttons: [] }],
      }),
      template({ 'template-type': 'code', template: 'C'.repeat(1_000_000) }),
      { type: 'faq', results: Array.from({ length: 2000 }, (_, i) => ({ id: `f${i}`, title: 'F'.repeat(1000) })) },
    ),
  );
  add('huge: one 3 MB line without a newline, then a cut', searching + 'data: ' + 'z'.repeat(3_000_000));

  // Deeply nested and wrong-typed fields.
  const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);
  add(
    'nested: 100,000-deep JSON array as an event',
    searching + `data: ${deep(100_000)}\n\n` + answer(text('after deep')),
  );
  add(
    'nested: 5,000-deep template object',
    searching +
      `data: {"type":"template","template":${'{"template":'.repeat(5000)}null${'}'.repeat(5000)}}\n\n` +
      finished,
  );
  add(
    'typed: text content of every wrong type',
    answer(text(42), text(null), text(['a', 'b']), text({ toString: 'x' }), text(true), text('ok')),
  );
  add(
    'typed: template fields of wrong types',
    answer(
      template({ 'template-type': 42, template: { a: 1 } }),
      template({ 'template-type': 'card', 'card-list': 'not a list' }),
      template({
        'template-type': 'card',
        'card-list': [null, 1, 'x', [], { title: ['t'] }, { title: 'ok', buttons: { 0: 'b' } }],
      }),
      template({ 'template-type': 'quick_reply', 'quick-replies': { label: 'x' } }),
      template({
        'template-type': 'quick_reply',
        'quick-replies': [
          null,
          { label: 5 },
          { label: 'm', type: 'weird' },
          { label: 'ok', type: 'message', message: 7 },
        ],
      }),
      template({ 'template-type': 'image', 'image-url': ['https://example.com/a.png'] }),
      template({ 'template-type': 'code', template: { code: 1 } }),
      { type: 'template', template: null },
      { type: 'template', template: 'string' },
      { type: 'template' },
    ),
  );
  add(
    'typed: faq and status of wrong types',
    answer(
      { type: 'faq', results: 'x' },
      { type: 'faq', results: [null, 1, { id: {}, title: [] }, { title: `<img src=x onerror=${PWN('faq')}>` }] },
      { type: 'faq' },
      { type: 'status', status: { s: 1 }, level: ['x'] },
      { type: 'status', status: `<img src=x onerror=${PWN('status')}>`, level: 'warning' },
      { type: 'error', message: { m: 1 } },
    ),
  );
  add(
    'typed: top-level values that are not objects',
    searching +
      ['42', 'null', '"text"', '[1,2]', 'true', '{}', '{"type":null}', '{"type":{}}']
        .map((d) => `data: ${d}\n\n`)
        .join('') +
      frame(text('fine')) +
      finished,
  );
  add(
    'prototype pollution keys',
    searching +
      `data: {"type":"text","content":"p","__proto__":{"polluted":"yes"}}\n\n` +
      frame({
        type: 'template',
        template: JSON.parse(
          `{"template-type":"text","template":"t","__proto__":{"polluted":"yes"},"constructor":{"prototype":{"polluted":"yes"}}}`,
        ),
      }) +
      `data: {"type":"faq","results":[{"id":"a","title":"b","__proto__":{"polluted":"yes"}}]}\n\n` +
      finished,
  );

  // Framing.
  const body = answer(text('Hello "CRLF" world'), text(' second'));
  add('framing: CRLF line endings', body.replace(/\n/g, '\r\n'));
  shows('Hello "CRLF" world second');
  add('framing: bare CR line endings', body.replace(/\n/g, '\r'));
  shows('Hello "CRLF" world second');
  add('framing: CRLF split between CR and LF', ...body.replace(/\n/g, '\r\n').split(/(?<=\r)/));
  shows('Hello "CRLF" world second');
  add('framing: one byte per chunk', ...bytes(answer(text('byte by byte ✓ é 日本'))).map((b) => [b]));
  shows('byte by byte ✓ é 日本');
  add(
    'framing: mixed LF, CR and CRLF',
    searching +
      `data: ${JSON.stringify(text('a'))}\r\rdata: ${JSON.stringify(text('b'))}\r\n\r\ndata: ${JSON.stringify(text('c'))}\n\r\n` +
      finished,
  );
  add(
    'framing: comments, id, retry, event fields and unknown types',
    searching +
      ': comment <script>\n\n:\n' +
      'id: 1\nretry: 1\nevent: error\n' +
      frame(text('kept')) +
      frame({ type: 'html', html: `<img src=x onerror=${PWN('unknown')}>` }) +
      frame({ type: 'script', code: PWN('type') }) +
      'event: message\ndata: {"type":"text","content":" also"}\n\n' +
      'unknownfield: x\n\n' +
      finished,
  );
  shows('kept also');
  add(
    'framing: multi-line data and no space after colon',
    searching + 'data:{"type":"text",\ndata:"content":"joined"}\n\n' + finished,
  );
  shows('joined');
  add(
    'framing: leading BOM and NUL bytes',
    [0xef, 0xbb, 0xbf],
    searching + 'data: {"type":"text","content":"nul\\u0000byte"}\n\n\u0000\n\n' + finished,
  );
  add(
    'framing: unparsable JSON events',
    searching +
      'data: {"type":"text","content":\n\ndata: {]\n\ndata: undefined\n\ndata: NaN\n\n' +
      frame(text('still')) +
      finished,
  );
  add(
    'framing: events after [DONE] are not shown',
    answer(text('before')) +
      frame(text(`<img src=x onerror=${PWN('after')}>`)) +
      frame({ type: 'faq', results: [{ id: 'z', title: 'late' }] }),
  );
  add('framing: [DONE] without its blank line', searching + frame(text('unfinished')) + 'data: [DONE]');
  add('framing: empty body', '');
  add('framing: only comments and blank lines', ':\n\n: hi\n\n\n\n\r\n');
  add(
    'framing: binary garbage',
    Array.from({ length: 4096 }, (_, i) => (i * 131 + 7) % 256),
  );

  // UTF-8.
  const utf8 = bytes(answer(text('Grüße 😀 日本語 — done')));
  const emoji = utf8.indexOf(0xf0);
  add(
    'utf-8: 4-byte emoji split across chunks',
    utf8.slice(0, emoji + 1),
    utf8.slice(emoji + 1, emoji + 3),
    utf8.slice(emoji + 3),
  );
  shows('Grüße 😀 日本語 — done');
  add(
    'utf-8: invalid bytes inside a text event',
    bytes(searching + 'data: {"type":"text","content":"bad '),
    [0xff, 0xfe, 0xc0, 0xaf, 0xed, 0xa0, 0x80],
    bytes(' end"}\n\n' + finished),
  );
  add('utf-8: truncated sequence at the end of the stream', bytes(searching + frame(text('cut'))), [0xe6, 0x97]);
  add(
    'utf-8: overlong encoding of < and >',
    bytes(searching + 'data: {"type":"text","content":"'),
    [0xc0, 0xbc],
    bytes('script'),
    [0xc0, 0xbe],
    bytes(`${PWN('overlong')}"}\n\n` + finished),
  );
  add(
    'utf-8: lone surrogates and bidi overrides',
    answer(text('\ud800 lone \udfff \u202egnp.exe\u202c'), template({ 'template-type': 'text', template: '\ud83d' })),
  );

  // Stream shape.
  add(
    'shape: error event with hostile message, then more text',
    answer(text('partial'), { type: 'error', message: `<img src=x onerror=${PWN('err')}>` }, text('after error')),
  );
  add(
    'shape: out_of_scope twice and done before text',
    searching +
      frame({ type: 'status', status: 'out_of_scope', level: 'warning' }) +
      frame({ type: 'status', status: 'done', level: 'success' }) +
      frame({ type: 'status', status: 'out_of_scope', level: 'warning' }) +
      frame(text('late text')) +
      DONE,
  );
  add('shape: cut in the middle of a JSON event', searching + 'data: {"type":"text","content":"half an ev');
  return corpus;
}
