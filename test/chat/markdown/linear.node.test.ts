import { test } from 'node:test';
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { MarkdownStream, renderMarkdown } from '../../../src/chat/markdown/index.js';
import { BLOCK_LIMIT, BlockScanner, LINE_LIMIT, type Block } from '../../../src/chat/markdown/blocks.js';

/**
 * Linear time, shown the way a reviewer would check it: the same hostile shape at n and 4n characters. Linear
 * work takes about 4× as long, quadratic 16×; the ratio must stay under 10 (the best of several interleaved
 * runs each, after a garbage collection, so a busy machine does not decide it). Sizes stay under the answer
 * cap the view applies (100,000 characters).
 */
const HOSTILE: Record<string, (n: number) => string> = {
  'heading of spaces': (n) => '# a' + ' '.repeat(n) + 'b',
  'growing backtick runs': (n) => {
    let text = '';
    for (let run = 1; text.length < n; run++) text += '`'.repeat(run) + 'x';
    return text.slice(0, n);
  },
  'open brackets': (n) => '['.repeat(n),
  'bare URLs': (n) => 'https://e.co/a '.repeat(n / 15),
  'unclosed links': (n) => '[a](b'.repeat(n / 5),
  'emphasis openers': (n) => '*a '.repeat(n / 3),
  'strong runs': (n) => '**'.repeat(n / 2),
  'backtick line (fence-like)': (n) => '`'.repeat(n),
  'tilde fence then text': (n) => '~~~\n' + 'code\n'.repeat(n / 5),
  'list markers': (n) => '- '.repeat(n / 2),
  'blank-separated paragraphs': (n) => 'a\n\n'.repeat(n / 3),
  'escapes and brackets': (n) => '\\[]('.repeat(n / 4),
  'underscores in words': (n) => 'a_b '.repeat(n / 4),
};

const LIMIT = 10;

setFlagsFromString('--expose-gc');
const collectGarbage = runInNewContext('gc') as () => void;

/**
 * Time of `large` over time of `small`, each the best of `times` interleaved runs; a run repeats its function
 * often enough that the small one takes 10 ms or more, so timer resolution does not decide. Up to `attempts`
 * tries, the first under the limit counts: load on a shared machine only ever inflates the ratio, and a
 * quadratic cost stays at 16× whatever the load.
 */
function ratio(small: () => void, large: () => void, times = 5, attempts = 4): number {
  for (let warm = 0; warm < 3; warm++) {
    large();
    small();
  }
  let repeats = 1;
  for (let start = performance.now(); performance.now() - start < 10; repeats++) small();
  const time = (run: () => void) => {
    collectGarbage();
    const start = performance.now();
    for (let repeat = 0; repeat < repeats; repeat++) run();
    return performance.now() - start;
  };
  let lowest = Infinity;
  for (let attempt = 0; attempt < attempts && lowest >= LIMIT; attempt++) {
    let fastest = { small: Infinity, large: Infinity };
    for (let i = 0; i < times; i++) {
      fastest = { small: Math.min(fastest.small, time(small)), large: Math.min(fastest.large, time(large)) };
    }
    lowest = Math.min(lowest, fastest.large / fastest.small);
  }
  return lowest;
}

/** n: 4n stays under LINE_LIMIT, so both sizes take the same path (each piece of a longer line is parsed once). */
const N = 2_000;

for (const [name, make] of Object.entries(HOSTILE)) {
  test(`linear: ${name} (time for 4n / time for n < ${LIMIT})`, () => {
    const small = make(N);
    const large = make(4 * N);
    const measured = ratio(
      () => renderMarkdown(small),
      () => renderMarkdown(large),
    );
    assert.ok(measured < LIMIT, `${name}: ${measured.toFixed(1)}×`);
  });
}

/** A realistic answer: headings, lists, code, links; repeated to the size wanted. */
const ANSWER = [
  '## Resetting your password',
  'Go to **Settings → Account** and press *Reset*; see [the guide](https://example.com/help).',
  '',
  '1. Open `Settings`',
  '2. Choose **Account**',
  '',
  '```bash',
  'curl -X POST https://example.com/reset',
  '```',
  '',
].join('\n');

function stream(text: string, chunk: number): void {
  const markdown = new MarkdownStream();
  for (let end = chunk; end < text.length; end += chunk) markdown.render(text.slice(0, end), { streaming: true });
  markdown.render(text);
}

test(`incremental: streaming in small chunks costs time linear in the answer (4n / n < ${LIMIT})`, () => {
  const small = ANSWER.repeat(Math.ceil(N / ANSWER.length));
  const large = ANSWER.repeat(Math.ceil((4 * N) / ANSWER.length));
  const measured = ratio(
    () => stream(small, 8),
    () => stream(large, 8),
    2,
  );
  assert.ok(measured < LIMIT, `${measured.toFixed(1)}×`);
});

test(`incremental: one long unbroken line streamed in small chunks stays linear (4n / n < ${LIMIT})`, () => {
  const line = (n: number) => 'word '.repeat(n / 5);
  const measured = ratio(
    () => stream(line(N), 16),
    () => stream(line(4 * N), 16),
    2,
  );
  assert.ok(measured < LIMIT, `${measured.toFixed(1)}×`);
});

test('incremental: settled blocks are never scanned again; the open tail stays small', () => {
  const scanner = new BlockScanner();
  const text = ANSWER.repeat(40) + 'x '.repeat(LINE_LIMIT);
  let settled: Block[] = [];
  for (let end = 1; end <= text.length; end += 37) {
    const tail = scanner.update(text.slice(0, end));
    for (const [index, block] of settled.entries()) assert.equal(scanner.settled[index], block, 'settled block kept');
    settled = [...scanner.settled];
    const open = tail.reduce((sum, block) => sum + block.size, 0);
    assert.ok(open <= BLOCK_LIMIT + LINE_LIMIT, `open tail of ${open} characters at ${end}`);
  }
  const whole = new BlockScanner();
  const tail = whole.update(text);
  assert.deepEqual(
    [...scanner.settled, ...scanner.update(text)],
    [...whole.settled, ...tail],
    'same blocks as at once',
  );
});

test('incremental: rendered blocks are reused by identity, a budget spreads a long answer over calls', () => {
  const markdown = new MarkdownStream();
  const text = 'Paragraph of text.\n\n'.repeat(2000);
  const first = markdown.render(text, { budget: 4000 });
  assert.equal(first.complete, false);
  const shownFirst = first.template.values[0] as unknown[];
  let calls = 1;
  let last = first;
  while (!last.complete) {
    last = markdown.render(text, { budget: 4000 });
    calls++;
  }
  assert.ok(calls >= 10, `${calls} calls`);
  const shown = last.template.values[0] as unknown[];
  assert.equal(shown.length, 2000);
  assert.equal(shown[0], shownFirst[0]);
});
