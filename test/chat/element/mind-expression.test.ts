import { expect } from '@open-wc/testing';
import { loadConversation } from '../../../src/chat/history/index.js';
import type { MooniFrame } from '../../../src/chat/mooni-frame.js';
import { EMPTY_TEMPLATE_002 } from '../../support/template-002.js';
import { sleep, until } from '../../support/wait.js';
import { $, $$, ask, spoken, byText, lastMessage, messages, mount, next, uniqueSession } from './helpers.js';

const ME = {
  transport: 'mind-expression',
  'engine-url': location.origin,
  'auth-key': 'me_demo_key',
  'developer-id': 'demo',
  'scope-id': 'demo',
};

describe('<mooni-frame transport="mind-expression"> against the mock gateway', () => {
  it('handshakes once, keeps the conversation, and renders text, quick replies and cards', async () => {
    const requests: { url: string; conversation: string | null; auth: string | null }[] = [];
    const el = await mount(ME);
    el.fetcher = (input, init) => {
      const headers = new Headers(init?.headers);
      requests.push({
        url: String(input),
        conversation: headers.get('x-conversation-id'),
        auth: headers.get('authorization'),
      });
      return fetch(input, init);
    };
    await el.updateComplete;

    expect(await ask(el, 'hello')).to.equal('answer');
    expect(lastMessage(el).querySelector('.bubble')!.textContent!.trim()).to.not.equal('');

    expect(await ask(el, 'how are you')).to.equal('answer');
    const good = byText(el, 'button.chip', 'Good') as HTMLButtonElement;
    expect(good).to.exist;
    await expect(el).to.be.accessible();

    expect(await ask(el, 'products')).to.equal('answer');
    expect(lastMessage(el).querySelectorAll('[part="card"]').length).to.be.greaterThan(0);

    // One handshake without a conversation id; every later request carries the id it returned.
    const gateway = requests.filter((r) => r.url.includes('/api/v1/gateway/'));
    expect(gateway.every((r) => r.auth === 'Bearer me_demo_key')).to.equal(true);
    expect(gateway.filter((r) => !r.conversation)).to.have.length(1);
    const ids = new Set(gateway.filter((r) => r.conversation).map((r) => r.conversation));
    expect(ids.size).to.equal(1);

    const reply = next(el, 'mooni-quick-reply');
    const done = next(el, 'mooni-answer');
    good.click();
    expect((await reply).detail.reply.label).to.equal('Good');
    await done;
  });

  it('auth-scheme="bare" sends the auth key alone, as 002’s examples do; the mock accepts it', async () => {
    const authorizations = new Set<string | null>();
    const el = await mount({ ...ME, 'auth-scheme': 'bare' });
    el.fetcher = (input, init) => {
      authorizations.add(new Headers(init?.headers).get('authorization'));
      return fetch(input, init);
    };
    await el.updateComplete;
    expect(await ask(el, 'hello')).to.equal('answer');
    expect([...authorizations]).to.deep.equal(['me_demo_key']);
  });

  it('204: shows the fallback answer', async () => {
    const el = await mount(ME);
    expect(await ask(el, 'qwertyuiop zxcv')).to.equal('answer');
    expect(lastMessage(el).querySelector('.bubble')!.textContent!.trim()).to.not.equal('');
  });

  it('210 is never sent: an empty question is blocked', async () => {
    const el = await mount(ME);
    let sent = 0;
    el.addEventListener('mooni-send', () => sent++);
    el.send('   ');
    await el.updateComplete;
    expect(sent).to.equal(0);
    expect($<HTMLButtonElement>(el, '[part="send-button"]')!.disabled).to.equal(true);
  });

  it('220 ends the conversation with a "Start again" action that starts afresh, greeted again', async () => {
    const el = await mount(ME);
    await until(() => el.messages[0]?.text === GREETING, 'the greeting');
    await ask(el, 'hello');
    await ask(el, 'bye');
    const again = await until(() => byText(el, '.ended button', 'Start again'), 'start again');
    expect($(el, '.ended')!.textContent).to.contain('ended');
    await expect(el).to.be.accessible();
    const session = el.sessionId;
    (again as HTMLButtonElement).click();
    await el.updateComplete;
    expect(el.sessionId).to.not.equal(session);
    await until(() => el.messages[0]?.text === GREETING, 'the new conversation’s greeting');
    expect(el.messages).to.have.length(1);
    expect(await ask(el, 'hello')).to.equal('answer');
  });
});

const GREETING = 'Hello, how may I help you?';

/** Mounts a Mind Expression element whose gateway requests (headers and body) are recorded. */
async function mountRecorded(attributes: Record<string, string | boolean> = {}) {
  const requests: { conversation: string | null; query: unknown }[] = [];
  const el = document.createElement('mooni-frame') as MooniFrame;
  el.fetcher = (input, init) => {
    if (String(input).includes('/api/v1/gateway/')) {
      const query = JSON.parse(String(init?.body)).query;
      requests.push({ conversation: new Headers(init?.headers).get('x-conversation-id'), query });
    }
    return fetch(input, init);
  };
  const all: Record<string, string | boolean> = { ...ME, 'session-id': uniqueSession(), open: true, ...attributes };
  for (const [name, value] of Object.entries(all))
    if (value !== false) el.setAttribute(name, value === true ? '' : value);
  document.body.append(el);
  await el.updateComplete;
  return { el, requests };
}

const bubbles = (el: MooniFrame) => messages(el).map((m) => m.querySelector('.bubble')?.textContent?.trim());

describe('<mooni-frame transport="mind-expression">: what the engine says of itself (002)', () => {
  afterEach(() => document.querySelectorAll('mooni-frame').forEach((el) => el.remove()));

  it('the handshake’s greeting shows when the panel opens, once: not again on reopen, nor after a reload', async () => {
    const sessionId = uniqueSession();
    const { el, requests } = await mountRecorded({ 'session-id': sessionId, open: false });
    await sleep(100);
    expect(requests, 'nothing is asked of the engine while the panel is closed').to.have.length(0);
    el.show();
    const greeting = await until(() => byText(el, 'article.bot .bubble', GREETING), 'the greeting in the log');
    expect(requests).to.deep.equal([{ conversation: null, query: null }]);
    expect(greeting.closest('article')!.querySelector('.tools'), 'a greeting has no copy or rating').to.equal(null);
    await until(() => spoken(el).includes(GREETING), 'the greeting announced');
    await expect(el).to.be.accessible();

    el.hide();
    await el.updateComplete;
    el.show();
    await el.updateComplete;
    await sleep(100);
    expect(bubbles(el)).to.deep.equal([GREETING]);
    expect(requests).to.have.length(1);

    // The question continues the conversation the handshake opened.
    expect(await ask(el, 'hello')).to.equal('answer');
    expect(requests).to.have.length(2);
    expect(requests[1]!.conversation).to.match(/^[0-9a-f-]{36}$/);
    await until(async () => (await loadConversation(sessionId)).length === 3, 'saved in IndexedDB');
    el.remove();

    // A reload restores the conversation with its one greeting and does not ask for another.
    const reloaded = await mountRecorded({ 'session-id': sessionId });
    await until(() => reloaded.el.messages.length === 3, 'the restored conversation');
    await sleep(100);
    expect(reloaded.el.messages.filter((m) => m.text === GREETING)).to.have.length(1);
    expect(reloaded.requests).to.have.length(0);
  });

  it('a 210 answer shows the engine’s prompt', async () => {
    const el = await mount(ME);
    expect(await ask(el, '?!')).to.equal('answer');
    expect(lastMessage(el).querySelector('.bubble')!.textContent!.trim()).to.equal(
      'Please type a message so I can help you.',
    );
    expect(lastMessage(el).querySelector('[part="note"]')).to.equal(null);
  });

  it('quick replies show the small picture their image-url adds; the label names the button', async () => {
    const el = await mount(ME);
    expect(await ask(el, 'how are you')).to.equal('answer');
    const good = byText(el, 'button.chip', 'Good')!;
    const picture = good.querySelector<HTMLImageElement>('img.chip-image')!;
    expect(new URL(picture.src).pathname).to.equal('/__mock/assets/face-good.svg');
    expect(picture.alt).to.equal('');
    await until(() => picture.complete && picture.naturalWidth > 0, 'the picture loaded');
    expect(picture.getBoundingClientRect().width).to.be.at.most(24);
    expect($$(el, 'img.chip-image')).to.have.length(2);
    await expect(el).to.be.accessible();
  });

  it('image templates by upload-type: a picture for url, a link for a video; never a javascript: source', async () => {
    const video = 'https://media.example.com/how-to-fold.mp4';
    const { el } = await mountRecorded();
    el.fetcher = async (_input, init) => {
      const query = JSON.parse(String(init?.body)).query;
      const image = (url: string, uploadType: string, template: string) => ({
        'channel-message': {
          ...EMPTY_TEMPLATE_002,
          'template-type': 'image',
          'image-url': url,
          'upload-type': uploadType,
          template,
        },
      });
      const data =
        query === null
          ? { result: [GREETING], conversation_id: '408b6dca-fc5e-4be7-b5a9-cfa9d6c61a3c' }
          : {
              'channel-result': [
                image(location.origin + '/__mock/assets/size-chart.svg', 'url', 'Size chart'),
                image(video, 'VIDEO', 'How to fold a duvet'),
                image('javascript:alert(1)', 'video', 'Hostile'),
              ],
              conversation_id: '408b6dca-fc5e-4be7-b5a9-cfa9d6c61a3c',
            };
      return new Response(JSON.stringify({ description: 'x', code: query === null ? 202 : 200, data }), {
        headers: { 'content-type': 'application/json' },
      });
    };
    await el.updateComplete;
    expect(await ask(el, 'show me')).to.equal('answer');
    const answer = lastMessage(el);
    expect(answer.querySelector<HTMLImageElement>('img.image')!.alt).to.equal('Size chart');
    const link = answer.querySelector<HTMLAnchorElement>('a[href]')!;
    expect([link.href, link.textContent, link.target]).to.deep.equal([video, 'How to fold a duvet', '_blank']);
    expect(answer.querySelectorAll('img, a')).to.have.length(2);
    expect(answer.innerHTML).to.not.contain('javascript:');
  });
});
