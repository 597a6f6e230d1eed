import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { TemplateResult } from 'lit';
import { MarkdownStream, renderMarkdown } from '../../../src/chat/markdown/index.js';

/** The Lit templates as HTML-like text: template strings verbatim, values (text) escaped, attribute values unquoted. */
function toHtml(v: unknown): string {
  if (Array.isArray(v)) return v.map(toHtml).join('');
  if (v && typeof v === 'object' && 'strings' in v) {
    const { strings, values } = v as TemplateResult;
    return strings.map((s, i) => (i ? toHtml(values[i - 1]) : '') + s).join('');
  }
  return v == null ? '' : esc(String(v));
}
const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;');
const md = (text: string) => toHtml(renderMarkdown(text));
const p = (inner: string) => `<p>${inner}</p>`;
const a = (href: string, inner: string) => `<a href=${href} target="_blank" rel="noopener noreferrer">${inner}</a>`;
const pre = (code: string, open = false) =>
  `<pre tabindex="0" class=${open ? 'open' : ''}><code>${esc(code)}</code></pre>`;

test('inline: bold, italic, code, links, autolinks and line breaks', () => {
  assert.equal(
    md('a **b** __c__ *d* _e_ `f`'),
    p('a <strong>b</strong> <strong>c</strong> <em>d</em> <em>e</em> <code>f</code>'),
  );
  assert.equal(md('x\ny'), p('x<br />y'));
  assert.equal(
    md('see [the docs](https://example.com/a_(b)) now'),
    p(`see ${a('https://example.com/a_(b)', 'the docs')} now`),
  );
  assert.equal(md('[**bold** link](https://example.com)'), p(a('https://example.com/', '<strong>bold</strong> link')));
  assert.equal(
    md('Go to https://example.com/x?y=1. Or (https://example.org).'),
    p(
      `Go to ${a('https://example.com/x?y=1', 'https://example.com/x?y=1')}. Or (${a('https://example.org/', 'https://example.org')}).`,
    ),
  );
  assert.equal(md('mail [us](mailto:help@example.com)'), p(`mail ${a('mailto:help@example.com', 'us')}`));
  assert.equal(md('``a ` b``'), p('<code>a ` b</code>'));
  assert.equal(md('`**not bold**`'), p('<code>**not bold**</code>'));
  assert.equal(md('*a **b** c*'), p('<em>a <strong>b</strong> c</em>'));
});

test('inline: unsafe links render as their text, never as links', () => {
  for (const url of [
    'javascript:alert(1)',
    'data:text/html,x',
    'vbscript:x',
    '//evil.com',
    '/relative',
    'JaVaScRiPt:alert(1)',
  ]) {
    assert.equal(md(`[click](${url})`), p('click'), url);
  }
  assert.equal(md('javascript:alert(1)'), p('javascript:alert(1)'));
  assert.equal(
    md('[a [https://x.com](https://y.com)'),
    p(a('https://y.com/', 'a [https://x.com')),
    'no link inside a link',
  );
});

test('inline: what is not Markdown stays text', () => {
  assert.equal(md('snake_case_name and 2 * 3 * 4'), p('snake_case_name and 2 * 3 * 4'));
  assert.equal(md('**unclosed bold'), p('**unclosed bold'));
  assert.equal(md('an `unclosed code'), p('an `unclosed code'));
  assert.equal(md('[text](https://unfinished'), p(`[text](${a('https://unfinished/', 'https://unfinished')}`));
  assert.equal(md('\\*not italic\\*'), p('*not italic*'));
  assert.equal(md('<script>alert(1)</script> &amp; <b>x</b>'), p(esc('<script>alert(1)</script> &amp; <b>x</b>')));
  assert.equal(md('** not bold **'), p('** not bold **'));
  assert.equal(md('https:// alone'), p('https:// alone'));
});

test('blocks: paragraphs, headings, lists, fences', () => {
  const doc = [
    '# Title',
    'Para line 1',
    'line 2',
    '',
    '- one',
    '* two',
    '  continued',
    '',
    '3. three',
    '4) four',
    '```js',
    'let a = 1;',
    '',
    'x **y**',
    '```',
    'after',
  ].join('\n');
  assert.equal(
    md(doc),
    p('<strong>Title</strong>') +
      p('Para line 1<br />line 2') +
      '<ul><li>one</li><li>two<br />continued</li></ul>' +
      '<ol start=3><li>three</li><li>four</li></ol>' +
      pre('let a = 1;\n\nx **y**') +
      p('after'),
  );
  assert.equal(md('Steps:\n1. a\n2. b'), p('Steps:') + '<ol start=1><li>a</li><li>b</li></ol>');
  assert.equal(md('a\r\nb\r\n\r\nc'), p('a<br />b') + p('c'));
  assert.equal(md('~~~\n```\n~~~'), pre('```'));
  assert.equal(md('```a`b\nc'), p('```a`b<br />c'), 'a backtick info string is no fence');
  assert.equal(md('**bold** start\n*italic* start'), p('<strong>bold</strong> start<br /><em>italic</em> start'));
  assert.equal(md('0. zero\n- bullet'), '<ol start=0><li>zero</li></ol><ul><li>bullet</li></ul>');
  assert.equal(md('### Heading ###\ntext'), p('<strong>Heading</strong>') + p('text'));
  assert.equal(md(''), '');
  assert.equal(md('\n\n  \n'), '');
});

test('streaming: an unclosed fence is a code block in progress, and settles', () => {
  assert.equal(md('Code:\n```py\nprint(1)'), p('Code:') + pre('print(1)', true));
  assert.equal(md('Code:\n```py\nprint(1)\n```'), p('Code:') + pre('print(1)'));
  assert.equal(md('Code:\n```py\nprint(1)\n```\nafter'), p('Code:') + pre('print(1)') + p('after'));
  assert.equal(md('so **bol'), p('so **bol'));
  assert.equal(md('so **bold**'), p('so <strong>bold</strong>'));
});

const ANSWER = [
  '## Resetting your password',
  'To reset your password, go to **Settings → Account** and press *Reset*.',
  'You will get an e-mail from [our team](https://example.com/help).',
  '',
  '1. Open `Settings`',
  '2. Choose **Account**',
  '   and scroll down',
  '3. Press _Reset_',
  '',
  '```bash',
  'curl -X POST https://example.com/reset',
  '',
  '# not a heading',
  '```',
  '- see https://example.com/faq.',
  '- or mail help@example.com',
  '',
  'Done!',
].join('\n');

test('streaming: every prefix renders the same whatever was rendered before (reused blocks never go stale)', async () => {
  // A second instance of the module has its own cache, filled in a different order.
  const second = '../../../src/chat/markdown/index.js?second';
  const other = (await import(second)) as typeof import('../../../src/chat/markdown/index.js');
  let seed = 7;
  const random = () => (seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff;
  for (let round = 0; round < 20; round++) {
    const doc = ANSWER.repeat((round % 3) + 1);
    const prefixes: string[] = [];
    for (let end = 0; end < doc.length; end += 1 + Math.floor(random() * (round < 2 ? 1 : 12)))
      prefixes.push(doc.slice(0, end));
    prefixes.push(doc);
    const streamed = prefixes.map(md);
    const shuffled = prefixes.map((text, i) => [i, random(), text] as const).sort((x, y) => x[1] - y[1]);
    for (const [i, , text] of shuffled)
      assert.equal(toHtml(other.renderMarkdown(text)), streamed[i], `prefix of ${text.length} chars`);
  }
});

test('streaming: settled blocks are reused, only the open tail is rendered again', () => {
  const stream = new MarkdownStream();
  const blocks = (text: string) => stream.render(text).template.values[0] as unknown[];
  const first = blocks('Para one.\n\nPara two.\n\nPara thr');
  const second = blocks('Para one.\n\nPara two.\n\nPara three.');
  assert.equal(second[0], first[0]);
  assert.equal(second[1], first[1]);
  assert.notEqual(second[2], first[2]);
  assert.equal(toHtml(second[2]), p('Para three.'));
  const other = new MarkdownStream().render('Another message\n\nentirely').template.values[0] as unknown[];
  const third = blocks('Para one.\n\nPara two.\n\nPara three. More');
  assert.equal(third[1], first[1], 'reuse survives another message rendered in between');
  assert.equal(other.length, 2);
});

test('streaming: an edit before the settled part is rendered afresh', () => {
  const stream = new MarkdownStream();
  const render = (text: string) => toHtml(stream.render(text).template);
  render('Alpha\n\nBeta\n\nGam');
  assert.equal(render('Alpha!\n\nBeta'), p('Alpha!') + p('Beta'));
  assert.equal(render(''), '');
});

test('hostile input: deep nesting, long delimiter runs and huge texts stay text and do not blow the stack', () => {
  const deep = '*_'.repeat(5000) + 'x' + '_*'.repeat(5000);
  assert.doesNotThrow(() => md(deep));
  const brackets = '['.repeat(10000) + 'x' + ']'.repeat(10000) + '(https://example.com)';
  assert.doesNotThrow(() => md(brackets));
  const stars = '*a '.repeat(2500); // one line under LINE_LIMIT
  assert.equal(md(stars), p(stars.trim()));
  const ticks = '` '.repeat(4000);
  assert.equal(md(ticks).match(/<p>/g)?.length, 1);
  const nested = '**'.repeat(3000) + 'x' + '**'.repeat(3000);
  assert.doesNotThrow(() => md(nested));
  const depth = (html: string) => {
    let d = 0;
    let max = 0;
    for (const [, close] of html.matchAll(/<(\/?)(?:em|strong)>/g)) max = Math.max(max, (d += close ? -1 : 1));
    return max;
  };
  const emphasis = '*_'.repeat(50) + 'x' + '_*'.repeat(50);
  assert.ok(depth(md(emphasis)) <= 7);
});
