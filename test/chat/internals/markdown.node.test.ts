import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseInline, parseMarkdown, scanBlocks, type Block } from '../../../src/chat/markdown/index.js';

test('inline: bold, italic, code, links, autolinks and line breaks', () => {
  assert.deepEqual(parseInline('a **b** __c__ *d* _e_ `f`'), [
    'a ', { t: 'b', c: ['b'] }, ' ', { t: 'b', c: ['c'] }, ' ', { t: 'i', c: ['d'] }, ' ', { t: 'i', c: ['e'] }, ' ', { t: 'code', v: 'f' },
  ]);
  assert.deepEqual(parseInline('x\ny'), ['x', { t: 'br' }, 'y']);
  assert.deepEqual(parseInline('see [the docs](https://example.com/a_(b)) now'), [
    'see ', { t: 'a', href: 'https://example.com/a_(b)', c: ['the docs'] }, ' now',
  ]);
  assert.deepEqual(parseInline('[**bold** link](https://example.com)'), [
    { t: 'a', href: 'https://example.com/', c: [{ t: 'b', c: ['bold'] }, ' link'] },
  ]);
  assert.deepEqual(parseInline('Go to https://example.com/x?y=1. Or (https://example.org).'), [
    'Go to ', { t: 'a', href: 'https://example.com/x?y=1', c: ['https://example.com/x?y=1'] }, '. Or (',
    { t: 'a', href: 'https://example.org/', c: ['https://example.org'] }, ').',
  ]);
  assert.deepEqual(parseInline('mail [us](mailto:help@example.com)'), ['mail ', { t: 'a', href: 'mailto:help@example.com', c: ['us'] }]);
  assert.deepEqual(parseInline('``a ` b``'), [{ t: 'code', v: 'a ` b' }]);
  assert.deepEqual(parseInline('`**not bold**`'), [{ t: 'code', v: '**not bold**' }]);
  assert.deepEqual(parseInline('*a **b** c*'), [{ t: 'i', c: ['a ', { t: 'b', c: ['b'] }, ' c'] }]);
});

test('inline: unsafe links render as their text, never as links', () => {
  for (const url of ['javascript:alert(1)', 'data:text/html,x', 'vbscript:x', '//evil.com', '/relative', 'JaVaScRiPt:alert(1)']) {
    assert.deepEqual(parseInline(`[click](${url})`), [{ t: 'a', href: undefined, c: ['click'] }], url);
  }
  assert.deepEqual(parseInline('javascript:alert(1)'), ['javascript:alert(1)']);
  assert.deepEqual(parseInline('[a [https://x.com](https://y.com)'), [{ t: 'a', href: 'https://y.com/', c: ['a [https://x.com'] }], 'no link inside a link');
});

test('inline: what is not Markdown stays text', () => {
  assert.deepEqual(parseInline('snake_case_name and 2 * 3 * 4'), ['snake_case_name and 2 * 3 * 4']);
  assert.deepEqual(parseInline('**unclosed bold'), ['**unclosed bold']);
  assert.deepEqual(parseInline('an `unclosed code'), ['an `unclosed code']);
  assert.deepEqual(parseInline('[text](https://unfinished'), ['[text](', { t: 'a', href: 'https://unfinished/', c: ['https://unfinished'] }]);
  assert.deepEqual(parseInline('\\*not italic\\*'), ['*not italic*']);
  assert.deepEqual(parseInline('<script>alert(1)</script> &amp; <b>x</b>'), ['<script>alert(1)</script> &amp; <b>x</b>']);
  assert.deepEqual(parseInline('** not bold **'), ['** not bold **']);
  assert.deepEqual(parseInline('https:// alone'), ['https:// alone']);
});

test('blocks: paragraphs, headings, lists, fences', () => {
  const md = ['# Title', 'Para line 1', 'line 2', '', '- one', '* two', '  continued', '', '3. three', '4) four', '```js', 'let a = 1;', '', 'x **y**', '```', 'after'].join('\n');
  assert.deepEqual(scanBlocks(md).blocks, [
    { t: 'p', c: [{ t: 'b', c: ['Title'] }] },
    { t: 'p', c: ['Para line 1', { t: 'br' }, 'line 2'] },
    { t: 'list', items: [['one'], ['two', { t: 'br' }, 'continued']] },
    { t: 'list', start: 3, items: [['three'], ['four']] },
    { t: 'pre', v: 'let a = 1;\n\nx **y**', open: false },
    { t: 'p', c: ['after'] },
  ]);
  assert.deepEqual(scanBlocks('Steps:\n1. a\n2. b').blocks, [
    { t: 'p', c: ['Steps:'] },
    { t: 'list', start: 1, items: [['a'], ['b']] },
  ]);
  assert.deepEqual(scanBlocks('a\r\nb\r\n\r\nc').blocks, [{ t: 'p', c: ['a', { t: 'br' }, 'b'] }, { t: 'p', c: ['c'] }]);
  assert.deepEqual(scanBlocks('~~~\n```\n~~~').blocks, [{ t: 'pre', v: '```', open: false }]);
  assert.deepEqual(scanBlocks('**bold** start\n*italic* start').blocks, [
    { t: 'p', c: [{ t: 'b', c: ['bold'] }, ' start', { t: 'br' }, { t: 'i', c: ['italic'] }, ' start'] },
  ]);
  assert.deepEqual(scanBlocks('0. zero\n- bullet').blocks, [{ t: 'list', start: 0, items: [['zero']] }, { t: 'list', items: [['bullet']] }]);
  assert.deepEqual(scanBlocks('### Heading ###\ntext').blocks, [{ t: 'p', c: [{ t: 'b', c: ['Heading'] }] }, { t: 'p', c: ['text'] }]);
  assert.deepEqual(scanBlocks('').blocks, []);
  assert.deepEqual(scanBlocks('\n\n  \n').blocks, []);
});

test('streaming: an unclosed fence is a code block in progress, and settles', () => {
  assert.deepEqual(parseMarkdown('Code:\n```py\nprint(1)'), [{ t: 'p', c: ['Code:'] }, { t: 'pre', v: 'print(1)', open: true }]);
  assert.deepEqual(parseMarkdown('Code:\n```py\nprint(1)\n```'), [{ t: 'p', c: ['Code:'] }, { t: 'pre', v: 'print(1)', open: false }]);
  assert.deepEqual(parseMarkdown('so **bol'), [{ t: 'p', c: ['so **bol'] }]);
  assert.deepEqual(parseMarkdown('so **bold**'), [{ t: 'p', c: ['so ', { t: 'b', c: ['bold'] }] }]);
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

test('streaming: every prefix parses exactly like a fresh parse, whatever the chunking', () => {
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) & 0x7fffffff) / 0x7fffffff);
  for (let round = 0; round < 20; round++) {
    const doc = ANSWER.repeat(round % 3 + 1);
    for (let end = 0; end < doc.length; end += 1 + Math.floor(random() * (round < 2 ? 1 : 12))) {
      const prefix = doc.slice(0, end);
      assert.deepEqual(parseMarkdown(prefix), scanBlocks(prefix).blocks, `prefix of ${end} chars`);
    }
    assert.deepEqual(parseMarkdown(doc), scanBlocks(doc).blocks);
  }
});

test('streaming: settled blocks are reused, only the open tail is parsed again', () => {
  const first = parseMarkdown('Para one.\n\nPara two.\n\nPara thr');
  const second = parseMarkdown('Para one.\n\nPara two.\n\nPara three.');
  assert.equal(second[0], first[0]);
  assert.equal(second[1], first[1]);
  assert.notEqual(second[2], first[2]);
  assert.deepEqual(second[2], { t: 'p', c: ['Para three.'] });
  const other = parseMarkdown('Another message\n\nentirely');
  const third = parseMarkdown('Para one.\n\nPara two.\n\nPara three. More');
  assert.equal(third[1], first[1], 'memo survives another message parsed in between');
  assert.deepEqual(other.length, 2);
});

test('streaming: an edit before the settled part is parsed afresh', () => {
  parseMarkdown('Alpha\n\nBeta\n\nGam');
  assert.deepEqual(parseMarkdown('Alpha!\n\nBeta'), [{ t: 'p', c: ['Alpha!'] }, { t: 'p', c: ['Beta'] }]);
  assert.deepEqual(parseMarkdown(''), []);
});

test('scanBlocks reports a settled offset after blank lines, closing fences and headings', () => {
  const text = 'a\n\nb\n```\nx\n```\n# h\nc';
  const scan = scanBlocks(text);
  assert.equal(text.slice(0, scan.settledAt), 'a\n\nb\n```\nx\n```\n# h\n');
  assert.equal(scan.settledCount, 4);
  const rest = scanBlocks(text, scan.settledAt);
  assert.deepEqual(rest.blocks, [{ t: 'p', c: ['c'] }]);
});

test('hostile input: deep nesting, long delimiter runs and huge texts stay text and do not blow the stack', () => {
  const deep = '*_'.repeat(5000) + 'x' + '_*'.repeat(5000);
  assert.doesNotThrow(() => parseMarkdown(deep));
  const brackets = '['.repeat(10000) + 'x' + ']'.repeat(10000) + '(https://example.com)';
  assert.doesNotThrow(() => parseMarkdown(brackets));
  const stars = '*a '.repeat(7000);
  const out = parseMarkdown(stars) as Block[];
  assert.deepEqual(out, [{ t: 'p', c: [stars.trim()] }]);
  const ticks = '` '.repeat(10000);
  assert.equal(parseMarkdown(ticks).length, 1);
  const nested = '**'.repeat(3000) + 'x' + '**'.repeat(3000);
  assert.doesNotThrow(() => parseMarkdown(nested));
  const depth = (nodes: unknown[]): number =>
    Math.max(0, ...nodes.map((n) => (typeof n === 'object' && n && 'c' in n ? 1 + depth((n as { c: unknown[] }).c) : 0)));
  const emphasis = '*_'.repeat(50) + 'x' + '_*'.repeat(50);
  assert.ok(depth(parseInline(emphasis)) <= 7);
});
