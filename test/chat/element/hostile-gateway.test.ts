import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/chat/mooni-frame.js';
import type { MooniFrame } from '../../../src/chat/mooni-frame.js';
import { HOSTILE_URLS, MARKUP_TEXTS } from './hostile-corpus.js';
import { findUnsafe } from '../../support/inertness.js';
import { sleep, until } from '../../support/wait.js';
import { watchWindow } from '../../support/watch-window.js';
import { EMPTY_TEMPLATE_002 } from '../../support/template-002.js';

/** A hostile Mind Expression engine: the handshake (query null) and the answer, as JSON bodies. */
interface GatewayPayload {
  name: string;
  answer: () => Response;
  handshake?: () => Response;
}

const ok = (body: unknown, status = 200, type = 'application/json') =>
  new Response(typeof body === 'string' ? body : JSON.stringify(body), { status, headers: { 'content-type': type } });
const conversation = '408b6dca-fc5e-4be7-b5a9-cfa9d6c61a3c';
const envelope = (data: unknown, code = 200) => ok({ description: 'OK', code, data });
const answerWith = (channelResult: unknown, result: unknown = ['fallback']) =>
  envelope({
    'channel-result': channelResult,
    result,
    conversation_id: conversation,
    'query-id': 'q',
    timestamp: 1,
    'execution-time': 1,
  });
const message = (t: Record<string, unknown>) => ({
  'channel-message': { ...EMPTY_TEMPLATE_002, ...t },
  'channel-message-alt': { channels: [{ ...EMPTY_TEMPLATE_002, 'template-type': 'text', template: 'alt text' }] },
});

function payloads(): GatewayPayload[] {
  const list: GatewayPayload[] = [];
  for (const [name, url] of HOSTILE_URLS) {
    list.push({
      name: `url: ${name}`,
      answer: () =>
        answerWith([
          message({ 'template-type': 'image', 'image-url': url, 'upload-type': 'image' }),
          message({
            'template-type': 'quick_reply',
            template: 'pick',
            'quick-replies': [{ label: 'go', type: 'link', url, 'image-url': url, message: null }],
          }),
          message({
            'template-type': 'card',
            'card-list': [
              {
                title: 'c',
                'sub-title': 's',
                'image-url': url,
                buttons: [{ 'button-type': 'link', label: 'open', link: url, url }],
              },
            ],
          }),
          {
            'channel-message': { ...EMPTY_TEMPLATE_002, 'template-type': 'image', 'image-url': url },
            'channel-message-alt': {
              channels: [{ ...EMPTY_TEMPLATE_002, 'template-type': 'image', 'image-url': url }],
            },
          },
        ]),
    });
  }
  for (const [name, markup] of MARKUP_TEXTS) {
    list.push({
      name: `text: ${name}`,
      answer: () =>
        answerWith(
          [
            message({ 'template-type': 'text', template: markup }),
            { 'channel-instruction': { ...EMPTY_TEMPLATE_002, 'template-type': 'free', template: markup } },
          ],
          [markup],
        ),
      handshake: () => envelope({ conversation_id: conversation, result: [markup] }, 202),
    });
  }
  const odd: [string, () => Response][] = [
    ['data is null', () => envelope(null)],
    ['channel-result is a string', () => answerWith('<img src=x onerror="window.__pwned=1">', 'not a list')],
    [
      'channel-result of wrong-typed entries',
      () =>
        answerWith(
          [null, 1, 'x', [], { 'channel-message': 'str' }, { 'channel-message': { 'template-type': ['image'] } }],
          [null, 5, {}],
        ),
    ],
    [
      '20,000 channel messages',
      () =>
        answerWith(Array.from({ length: 20000 }, (_, i) => message({ 'template-type': 'text', template: `m${i}` }))),
    ],
    ['a 2 MB template', () => answerWith([message({ 'template-type': 'text', template: 'y'.repeat(2_000_000) })])],
    ['code as a string and out of range', () => ok({ description: 'x', code: '200', data: {} })],
    ['code 999', () => envelope({ 'channel-result': [] }, 999)],
    ['invalid JSON with status 200', () => ok('{"code":200,"data":', 200)],
    ['an HTML page with status 200', () => ok(`<html><script>window.__pwned='html'</script></html>`, 200, 'text/html')],
    [
      '500 with a hostile description',
      () => ok({ description: `<img src=x onerror="window.__pwned='desc'">`, code: 500, data: null }, 500),
    ],
    [
      'code 220 with hostile text',
      () =>
        envelope(
          {
            'channel-result': [
              message({ 'template-type': 'text', template: `<img src=x onerror="window.__pwned='220'">` }),
            ],
            result: [],
          },
          220,
        ),
    ],
    [
      'prototype pollution keys',
      () =>
        new Response(
          `{"description":"OK","code":200,"__proto__":{"polluted":1},"data":{"channel-result":[{"channel-message":{"template-type":"text","template":"t","__proto__":{"polluted":1}}}],"conversation_id":"${conversation}"}}`,
          { headers: { 'content-type': 'application/json' } },
        ),
    ],
  ];
  for (const [name, answer] of odd) list.push({ name: `shape: ${name}`, answer });
  list.push({
    name: 'handshake: conversation id of wrong type',
    answer: () => answerWith([]),
    handshake: () => envelope({ conversation_id: { evil: true }, result: ['hi'] }, 202),
  });
  list.push({
    name: 'handshake: 1 MB conversation id',
    answer: () => answerWith([message({ 'template-type': 'text', template: 'fine' })]),
    handshake: () => envelope({ conversation_id: 'c'.repeat(1_000_000), result: ['hi'] }, 202),
  });
  return list;
}

let counter = 0;
async function mount(): Promise<MooniFrame> {
  const el = await fixture<MooniFrame>(
    html`<mooni-frame transport="mind-expression" engine-url=${location.origin} auth-key="me_demo_key" developer-id="demo" scope-id=${`hardening-${++counter}`} open></mooni-frame>`,
  );
  await el.updateComplete;
  return el;
}

async function askAndSettle(el: MooniFrame, question: string) {
  const textarea = el.shadowRoot!.querySelector<HTMLTextAreaElement>('textarea')!;
  textarea.value = question;
  textarea.dispatchEvent(new Event('input'));
  await el.updateComplete;
  const before = el.messages.length;
  el.shadowRoot!.querySelector<HTMLButtonElement>('button[part="send-button"]')!.click();
  await until(
    () => el.messages.length >= before + 2 && el.messages.at(-1)!.state !== 'streaming',
    `the answer to "${question}"`,
    8000,
  );
  await el.updateComplete;
  return el.messages.at(-1)!;
}

const corpus = payloads();
describe('hardening: hostile Mind Expression gateway answers: nothing runs, nothing unsafe renders, the element stays usable', function () {
  this.timeout(20000);
  let watch: ReturnType<typeof watchWindow>;
  beforeEach(() => {
    window.__pwned = undefined;
    watch = watchWindow();
  });
  afterEach(() => watch.stop());
  after(() =>
    console.log(
      `hardening: ${corpus.length} hostile gateway payloads tried through <mooni-frame transport="mind-expression">`,
    ),
  );

  for (const payload of corpus) {
    it(payload.name, async () => {
      const el = await mount();
      el.fetcher = async (_input, init) => {
        const body = JSON.parse(String(init?.body ?? '{}'));
        if (body.query === null)
          return payload.handshake?.() ?? envelope({ conversation_id: conversation, result: ['Hello!'] }, 202);
        return payload.answer();
      };
      await el.updateComplete;
      const hostile = await askAndSettle(el, 'hostile?');
      await sleep(50);
      await el.updateComplete;
      expect(['done', 'failed']).to.include(hostile.state);
      expect(findUnsafe(el.shadowRoot!)).to.deep.equal([]);
      expect(window.__pwned, 'script ran').to.equal(undefined);
      expect(({} as Record<string, unknown>).polluted).to.equal(undefined);

      el.fetcher = undefined;
      await el.updateComplete;
      const normal = await askAndSettle(el, 'hello');
      expect(normal.state, `the real gateway answers afterwards (${normal.failure ?? ''})`).to.equal('done');
      expect(findUnsafe(el.shadowRoot!)).to.deep.equal([]);
      expect(watch.errors, 'uncaught errors').to.deep.equal([]);
    });
  }
});
