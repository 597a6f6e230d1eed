import { test } from 'node:test';
import assert from 'node:assert/strict';
import { channelResultToTemplates, normalizeTemplate, textTemplate } from '../../../src/chat/templates/index.js';
import { CARD, HELLO, QUICK_REPLY } from './fixtures/me-examples.js';
import { EMPTY_TEMPLATE_002 } from '../../support/template-002.js';

/** The caps the normaliser applies. */
const TEMPLATE_LIMITS = { text: 4000, title: 200, cards: 12, buttons: 12 };

test("002's own examples: instruction first, then message; empty parts skipped", () => {
  assert.deepEqual(channelResultToTemplates(HELLO), [
    { type: 'text', text: 'Hi there' },
    { type: 'text', text: 'Hello from Mind Expression' },
  ]);
  assert.deepEqual(channelResultToTemplates(QUICK_REPLY), [
    { type: 'text', text: 'Hello from Mind Expression.' },
    {
      type: 'quick_reply',
      prompt: 'How are you today?',
      replies: [
        { label: 'Good', type: 'message', message: "I'm good, thanks." },
        { label: 'Not good', type: 'message', message: "Not so good, I'm afraid." },
      ],
    },
  ]);
  assert.deepEqual(channelResultToTemplates(CARD), [
    {
      type: 'card',
      cards: [
        {
          title: 'Welcome to Mind Expression',
          subtitle: 'This is an example subtitle.',
          imageUrl:
            'https://mind-expression.s3.amazonaws.com/builder/dev/QlXUT7-1SpOQQH7IUavSOw_mind_intro_poster_20200101.jpg',
          buttons: [{ type: 'link', label: 'Go to Website', url: 'https://mindx.mind.ai/' }],
        },
      ],
    },
    { type: 'text', text: 'Would you like to buy some?' },
  ]);
});

test('normalizeTemplate: each supported type', () => {
  assert.deepEqual(normalizeTemplate({ ...EMPTY_TEMPLATE_002, 'template-type': 'text', template: 'Hi **there**' }), {
    type: 'text',
    text: 'Hi **there**',
  });
  assert.deepEqual(normalizeTemplate({ ...EMPTY_TEMPLATE_002, 'template-type': 'free', template: 'Anything' }), {
    type: 'text',
    text: 'Anything',
  });
  assert.deepEqual(normalizeTemplate({ ...EMPTY_TEMPLATE_002, 'template-type': 'code', template: 'npm i\nnpm t' }), {
    type: 'code',
    code: 'npm i\nnpm t',
  });
  assert.deepEqual(
    normalizeTemplate({
      ...EMPTY_TEMPLATE_002,
      'template-type': 'image',
      'image-url': 'https://cdn.example.com/a.png',
      template: 'A chart',
    }),
    {
      type: 'image',
      url: 'https://cdn.example.com/a.png',
      alt: 'A chart',
    },
  );
  assert.deepEqual(normalizeTemplate({ 'template-type': 'image', 'image-url': 'https://cdn.example.com/a.png' }), {
    type: 'image',
    url: 'https://cdn.example.com/a.png',
    alt: '',
  });
  assert.deepEqual(
    normalizeTemplate({
      'template-type': 'quick_reply',
      template: null,
      'quick-replies': [
        { label: 'Docs', type: 'link', url: 'https://example.com/docs' },
        { label: 'Mail us', type: 'link', url: 'mailto:help@example.com' },
        { label: 'Yes' },
        { label: 'Open', url: 'https://example.com/x' },
      ],
    }),
    {
      type: 'quick_reply',
      prompt: '',
      replies: [
        { label: 'Docs', type: 'link', url: 'https://example.com/docs' },
        { label: 'Mail us', type: 'link', url: 'mailto:help@example.com' },
        { label: 'Yes', type: 'message', message: 'Yes' },
        { label: 'Open', type: 'link', url: 'https://example.com/x' },
      ],
    },
  );
  assert.deepEqual(
    normalizeTemplate({
      'template-type': 'card',
      'card-list': [
        {
          title: 'Plan A',
          buttons: [
            { 'button-type': 'message', label: 'Choose A', message: 'I want plan A' },
            { 'button-type': 'message', label: 'Info' },
          ],
        },
      ],
    }),
    {
      type: 'card',
      cards: [
        {
          title: 'Plan A',
          buttons: [
            { type: 'message', label: 'Choose A', message: 'I want plan A' },
            { type: 'message', label: 'Info', message: 'Info' },
          ],
        },
      ],
    },
  );
});

test('normalizeTemplate: unknown, unsupported, empty or invalid → undefined', () => {
  const invalid: unknown[] = [
    undefined,
    null,
    0,
    'text',
    [],
    [{ 'template-type': 'text', template: 'x' }],
    {},
    { 'template-type': 'video', template: 'x' },
    { 'template-type': 'TEXT', template: 'x' },
    { 'template-type': ['text'], template: 'x' },
    { 'template-type': 'text', template: '' },
    { 'template-type': 'text', template: '   \n ' },
    { 'template-type': 'text', template: null },
    { 'template-type': 'text', template: 42 },
    { 'template-type': 'text', template: { toString: () => 'x' } },
    { 'template-type': 'code', template: '' },
    { 'template-type': 'image', 'image-url': '' },
    { 'template-type': 'image', 'image-url': 'javascript:alert(1)', template: 'alt' },
    { 'template-type': 'image', 'image-url': 'data:image/png;base64,AAAA' },
    { 'template-type': 'image', 'image-url': '/relative.png' },
    { 'template-type': 'image', 'image-url': 'mailto:a@b.c' },
    { 'template-type': 'quick_reply', template: 'Pick', 'quick-replies': [] },
    { 'template-type': 'quick_reply', template: 'Pick', 'quick-replies': 'Good,Bad' },
    {
      'template-type': 'quick_reply',
      template: 'Pick',
      'quick-replies': [
        { label: 'Go', type: 'link', url: 'javascript:alert(1)' },
        { label: '', type: 'message', message: 'x' },
        { type: 'message', message: 'no label' },
        { label: 'x', type: 'call' },
        null,
        'Good',
      ],
    },
    { 'template-type': 'card', 'card-list': [] },
    { 'template-type': 'card', 'card-list': [{ 'sub-title': 'no title' }, { title: '  ' }, null] },
  ];
  for (const raw of invalid) assert.equal(normalizeTemplate(raw), undefined, JSON.stringify(raw));
});

test('unsafe URLs are dropped: link buttons removed, card images omitted', () => {
  const card = normalizeTemplate({
    'template-type': 'card',
    'card-list': [
      {
        title: 'T',
        'image-url': 'javascript:alert(1)',
        buttons: [
          { 'button-type': 'link', label: 'Bad', link: 'javascript:alert(1)' },
          { 'button-type': 'link', label: 'Also bad', link: '//evil.com' },
          { 'button-type': 'link', label: 'Entity', link: 'java&#115;cript:alert(1)' },
          { 'button-type': 'link', label: 'Good', link: 'https://example.com' },
        ],
      },
    ],
  });
  assert.deepEqual(card, {
    type: 'card',
    cards: [{ title: 'T', buttons: [{ type: 'link', label: 'Good', url: 'https://example.com/' }] }],
  });
});

test('an image with an unsafe URL falls back to the -alt form, else to its own text', () => {
  const image = {
    ...EMPTY_TEMPLATE_002,
    'template-type': 'image',
    'image-url': 'javascript:alert(1)',
    template: 'Our office',
  };
  assert.deepEqual(
    channelResultToTemplates([
      {
        'channel-message': image,
        'channel-message-alt': {
          channels: [{ ...EMPTY_TEMPLATE_002, 'template-type': 'text', template: 'See our office at example.com' }],
        },
      },
    ]),
    [{ type: 'text', text: 'See our office at example.com' }],
  );
  assert.deepEqual(channelResultToTemplates([{ 'channel-message': image, 'channel-message-alt': { channels: [] } }]), [
    { type: 'text', text: 'Our office' },
  ]);
  assert.deepEqual(textTemplate(image), { type: 'text', text: 'Our office' });
});

test('-alt prefers the default channel and skips empty channels', () => {
  const alt = {
    channels: [
      { ...EMPTY_TEMPLATE_002, 'channel-name': 'kakao', 'template-type': 'text', template: 'kakao text' },
      { ...EMPTY_TEMPLATE_002, 'channel-name': 'default', 'template-type': 'text', template: null },
      { ...EMPTY_TEMPLATE_002, 'channel-name': 'default', 'template-type': 'text', template: 'default text' },
    ],
  };
  assert.deepEqual(
    channelResultToTemplates([{ 'channel-message': { 'template-type': 'carousel' }, 'channel-message-alt': alt }]),
    [{ type: 'text', text: 'default text' }],
  );
});

test('hostile channel results: wrong types, nulls, deep nesting, huge sizes', () => {
  for (const raw of [
    undefined,
    null,
    'x',
    1,
    {},
    { length: 3 },
    [null, 1, 'x', [], {}, { 'channel-message': 'text' }],
  ]) {
    assert.deepEqual(channelResultToTemplates(raw), [], JSON.stringify(raw));
  }
  let deep: unknown = { 'template-type': 'text', template: 'deep' };
  for (let i = 0; i < 100_000; i++) deep = { 'channel-message': deep, channels: [deep] };
  assert.deepEqual(channelResultToTemplates([deep]), []);

  const huge = 'x'.repeat(1_000_000);
  const [t] = channelResultToTemplates([{ 'channel-message': { 'template-type': 'text', template: huge } }]);
  assert.equal(t?.type === 'text' && t.text.length, TEMPLATE_LIMITS.text);

  const emoji = '😀'.repeat(TEMPLATE_LIMITS.text);
  const e = normalizeTemplate({ 'template-type': 'text', template: emoji });
  assert.ok(
    e?.type === 'text' && e.text.length <= TEMPLATE_LIMITS.text && !/[\ud800-\udbff]$/.test(e.text),
    'no half surrogate pair',
  );

  const cards = normalizeTemplate({
    'template-type': 'card',
    'card-list': Array.from({ length: 1000 }, (_, i) => ({
      title: `Card ${i}`.padEnd(10_000, '!'),
      buttons: Array.from({ length: 100 }, (_, j) => ({ 'button-type': 'message', label: `B${j}`, message: 'm' })),
    })),
  });
  assert.ok(cards?.type === 'card');
  assert.equal(cards.cards.length, TEMPLATE_LIMITS.cards);
  assert.equal(cards.cards[0]!.title.length, TEMPLATE_LIMITS.title);
  assert.equal(cards.cards[0]!.buttons.length, TEMPLATE_LIMITS.buttons);

  const replies = normalizeTemplate({
    'template-type': 'quick_reply',
    'quick-replies': Array.from({ length: 50 }, (_, i) => ({ label: `R${i}`, type: 'message', message: `r${i}` })),
  });
  assert.ok(replies?.type === 'quick_reply' && replies.replies.length === TEMPLATE_LIMITS.buttons);

  const many = Array.from({ length: 10_000 }, () => HELLO[0]);
  assert.ok(channelResultToTemplates(many).length <= 40);

  const proto = JSON.parse(
    '{"__proto__": {"template-type": "text", "template": "polluted"}, "template-type": "text", "template": "ok"}',
  );
  assert.deepEqual(normalizeTemplate(proto), { type: 'text', text: 'ok' });
  assert.equal(({} as Record<string, unknown>)['template-type'], undefined);
});

test('labels and titles are trimmed; message defaults to the label', () => {
  assert.deepEqual(
    normalizeTemplate({
      'template-type': 'quick_reply',
      'quick-replies': [{ label: '  Yes  ', type: 'message', message: '' }],
    }),
    { type: 'quick_reply', prompt: '', replies: [{ label: 'Yes', type: 'message', message: 'Yes' }] },
  );
});

test("quick replies keep the picture 002's image-url adds to the button: http(s) only", () => {
  const replies = (imageUrl: unknown) =>
    normalizeTemplate({
      ...EMPTY_TEMPLATE_002,
      'template-type': 'quick_reply',
      template: 'How are you today?',
      'quick-replies': [
        { label: 'Good', message: "I'm good, thanks.", type: 'message', 'image-url': imageUrl, url: null },
      ],
    });
  assert.deepEqual(replies('https://cdn.example.com/good.png'), {
    type: 'quick_reply',
    prompt: 'How are you today?',
    replies: [
      { label: 'Good', type: 'message', message: "I'm good, thanks.", imageUrl: 'https://cdn.example.com/good.png' },
    ],
  });
  // 002's own example sends null; unsafe schemes are dropped, the reply stays.
  for (const unsafe of [null, '', 'javascript:alert(1)', 'data:image/png;base64,AAAA', '//cdn.example.com/x.png']) {
    assert.deepEqual(replies(unsafe), {
      type: 'quick_reply',
      prompt: 'How are you today?',
      replies: [{ label: 'Good', type: 'message', message: "I'm good, thanks." }],
    });
  }
});

test("image templates carry 002's upload-type, lower case, when there is one", () => {
  const image = (uploadType: unknown) =>
    normalizeTemplate({
      ...EMPTY_TEMPLATE_002,
      'template-type': 'image',
      template: 'Size chart',
      'image-url': 'https://cdn.example.com/chart.png',
      'upload-type': uploadType,
    });
  const picture = { type: 'image', url: 'https://cdn.example.com/chart.png', alt: 'Size chart' };
  assert.deepEqual(image('url'), { ...picture, uploadType: 'url' });
  assert.deepEqual(image(' Video '), { ...picture, uploadType: 'video' });
  assert.deepEqual(image(''), picture);
  assert.deepEqual(image(null), picture);
  assert.deepEqual(image(42), picture);
});
