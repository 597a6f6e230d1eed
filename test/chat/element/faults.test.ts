import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/chat/mooni-frame.js';
import type { MooniFrame } from '../../../src/chat/mooni-frame.js';
import type { ChatMessage } from '../../../src/chat/model.js';
import { DEMO_QUERIES } from '../../../src/mock/demo-queries.js';
import { CUT_POINTS } from '../../../src/mock/faults.js';
import { findUnsafe } from '../../support/inertness.js';
import { mockAdmin } from '../../support/mock-admin.js';
import { sleep, until } from '../../support/wait.js';
import { watchWindow } from '../../support/watch-window.js';

let counter = 0;
const sessionId = () =>
  `00000000-0000-4000-a000-${String(Date.now() % 1e8).padStart(8, '0')}${String(++counter).padStart(4, '0')}`;

async function mount(): Promise<MooniFrame> {
  const el = await fixture<MooniFrame>(
    html`<mooni-frame api-key="mooni_demo_key" session-id=${sessionId()} open></mooni-frame>`,
  );
  await el.updateComplete;
  return el;
}

const $ = <T extends Element = HTMLElement>(el: MooniFrame, selector: string) =>
  el.shadowRoot!.querySelector<T>(selector);
const lastArticle = (el: MooniFrame) => [...el.shadowRoot!.querySelectorAll('article.msg')].at(-1)!;
const bots = (el: MooniFrame) => el.messages.filter((m) => m.role === 'bot');
const users = (el: MooniFrame) => el.messages.filter((m) => m.role === 'user');

async function send(el: MooniFrame, question: string) {
  const textarea = $<HTMLTextAreaElement>(el, 'textarea')!;
  textarea.value = question;
  textarea.dispatchEvent(new Event('input'));
  await el.updateComplete;
  $<HTMLButtonElement>(el, 'button[part="send-button"]')!.click();
  await el.updateComplete;
}

const ended = (m: ChatMessage | undefined) => !!m && m.role === 'bot' && m.state !== 'streaming';

async function settle(el: MooniFrame, ms = 5000) {
  await until(() => ended(el.messages.at(-1)), 'the answer to end', ms);
  await el.updateComplete;
  return el.messages.at(-1)!;
}

/** The answer text, FAQ chips and template kinds of an uncut answer, for comparison. */
async function reference(question: string) {
  const el = await mount();
  await send(el, question);
  const m = await settle(el);
  expect(m.state).to.equal('done');
  const shape = { text: m.text, faqs: m.faqs.map((f) => f.title), templates: m.templates.map((t) => t.type) };
  el.remove();
  return shape;
}

describe('hardening: chat under faults from the mock: every cut, a slow server, Stop', function () {
  this.timeout(20000);
  let watch: ReturnType<typeof watchWindow>;
  beforeEach(() => (watch = watchWindow()));
  afterEach(async () => {
    watch.stop();
    await mockAdmin.setFaults(null);
    expect(watch.errors, 'uncaught errors').to.deep.equal([]);
  });

  for (const cutAt of CUT_POINTS) {
    it(`a stream cut ${cutAt.replace('_', ' ')} leaves a coherent message, and Retry gets the whole answer`, async () => {
      const question = DEMO_QUERIES.card; // text, a card template and related FAQ: every stage has content
      const whole = await reference(question);
      expect(whole.faqs.length, 'the reference answer has related FAQ').to.be.greaterThan(0);
      const el = await mount();
      await mockAdmin.setFaults({ chat: { cutAt, count: 1 } });
      await send(el, question);
      const cut = await settle(el);

      // Coherent: failed, not streaming; what arrived is a prefix of the real answer; the user is told; Retry offered.
      expect(cut.state).to.equal('failed');
      expect(
        whole.text.startsWith(cut.text),
        `partial text is a prefix of the answer: ${JSON.stringify(cut.text.slice(0, 60))}`,
      ).to.equal(true);
      if (cutAt === 'mid_text') expect(cut.text.length).to.be.greaterThan(0).and.lessThan(whole.text.length);
      if (cutAt === 'after_faq' || cutAt === 'before_done') {
        expect(cut.text).to.equal(whole.text);
        expect(cut.faqs.map((f) => f.title)).to.deep.equal(whole.faqs);
      }
      if (cutAt === 'before_status' || cutAt === 'after_status') expect(cut.text).to.equal('');
      const article = lastArticle(el);
      expect(article.getAttribute('aria-busy')).to.not.equal('true');
      expect(article.querySelector('.typing'), 'no typing indicator left behind').to.equal(null);
      expect($(el, '.stop'), 'no Stop button left behind').to.equal(null);
      const note = article.querySelector('[part="note"]')!;
      expect(note.textContent!.trim().length, 'a plain-words note').to.be.greaterThan(5);
      const retry = [...note.querySelectorAll('button')].find((b) => /retry/i.test(b.textContent!));
      expect(retry, 'a Retry button').to.exist;
      expect(findUnsafe(el.shadowRoot!)).to.deep.equal([]);

      retry!.click();
      const answered = await settle(el);
      expect(answered.state).to.equal('done');
      expect(answered.text).to.equal(whole.text);
      expect(answered.faqs.map((f) => f.title)).to.deep.equal(whole.faqs);
      expect(answered.templates.map((t) => t.type)).to.deep.equal(whole.templates);
      expect(bots(el), 'Retry replaces the failed answer').to.have.length(1);
      expect(users(el), 'Retry does not repeat the question').to.have.length(1);
    });
  }

  it('an error event mid-answer, then Retry, also ends coherent', async () => {
    const el = await mount();
    await mockAdmin.setFaults({ chat: { errorEvent: true, count: 1 } });
    await send(el, DEMO_QUERIES.answer);
    const failed = await settle(el);
    expect(failed.state).to.equal('failed');
    [...lastArticle(el).querySelectorAll<HTMLButtonElement>('[part="note"] button')]
      .find((b) => /retry/i.test(b.textContent!))!
      .click();
    expect((await settle(el)).state).to.equal('done');
    expect(bots(el)).to.have.length(1);
  });

  it('a slow server: the typing state shows until the first byte, then the answer arrives', async () => {
    const el = await mount();
    await mockAdmin.setFaults({ chat: { latencyMs: 1200, count: 1 } });
    const sentAt = Date.now();
    await send(el, DEMO_QUERIES.answer);
    await until(() => lastArticle(el).querySelector('.typing'), 'the typing indicator', 500);
    expect(lastArticle(el).getAttribute('aria-busy')).to.equal('true');
    expect($(el, '.stop'), 'Stop offered while waiting').to.exist;
    await sleep(600);
    expect(lastArticle(el).querySelector('.typing'), 'still typing while the server is slow').to.exist;
    const m = await settle(el);
    expect(Date.now() - sentAt).to.be.greaterThan(1000);
    expect(m.state).to.equal('done');
    expect(lastArticle(el).querySelector('.typing')).to.equal(null);
  });

  it('Stop while the server has not answered yet: stopped at once, and the late answer never appears', async () => {
    const el = await mount();
    await mockAdmin.setFaults({ chat: { latencyMs: 1500, count: 1 } });
    await send(el, DEMO_QUERIES.answer);
    await until(() => $(el, '.stop'), 'the Stop button', 500);
    const t0 = Date.now();
    $<HTMLButtonElement>(el, '.stop')!.click();
    const stopped = await settle(el, 1000);
    expect(Date.now() - t0, 'Stop takes effect at once').to.be.lessThan(500);
    expect(stopped.state).to.equal('stopped');
    await sleep(1800); // past the server's answer
    await el.updateComplete;
    expect(el.messages.at(-1)!.state).to.equal('stopped');
    expect(el.messages.at(-1)!.text).to.equal('');
    await send(el, DEMO_QUERIES.answer);
    expect((await settle(el)).state).to.equal('done');
  });

  it('Stop on a stream that stalls mid-answer (connection open, no more bytes) keeps the partial text', async () => {
    const el = await mount();
    // The real mock's answer, but the connection stays open after the first text event, as a stalled
    // server's would; like a real network body it ends when the request is aborted.
    el.fetcher = async (input, init) => {
      const response = await fetch(input, init);
      if (!response.headers.get('content-type')?.includes('event-stream')) return response;
      const text = await response.text();
      const head = text.slice(0, text.indexOf('\n\n', text.indexOf('"type":"text"')) + 2);
      const signal = init?.signal;
      const body = new ReadableStream<Uint8Array>({
        start(controller) {
          controller.enqueue(new TextEncoder().encode(head));
          signal?.addEventListener('abort', () => controller.error(signal.reason), { once: true });
        },
      });
      return new Response(body, { headers: response.headers });
    };
    await el.updateComplete;
    await send(el, DEMO_QUERIES.answer);
    await until(() => el.messages.at(-1)?.text, 'the first text', 2000);
    await sleep(100);
    expect(el.messages.at(-1)!.state).to.equal('streaming');
    $<HTMLButtonElement>(el, '.stop')!.click();
    const stopped = await settle(el, 1000);
    expect(stopped.state).to.equal('stopped');
    expect(stopped.text.length).to.be.greaterThan(0);
    el.fetcher = undefined;
    await el.updateComplete;
    await send(el, DEMO_QUERIES.answer);
    expect((await settle(el)).state).to.equal('done');
  });

  it('Stop works even when a custom fetcher ignores the abort signal (a hung body)', async () => {
    const el = await mount();
    el.fetcher = async () =>
      new Response(
        new ReadableStream<Uint8Array>({
          start(controller) {
            controller.enqueue(new TextEncoder().encode('data: {"type":"text","content":"partial "}\n\n'));
          },
        }),
        { headers: { 'content-type': 'text/event-stream' } },
      );
    await el.updateComplete;
    await send(el, DEMO_QUERIES.answer);
    await until(() => el.messages.at(-1)?.text, 'the first text', 2000);
    $<HTMLButtonElement>(el, '.stop')!.click();
    const stopped = await settle(el, 1000);
    expect(stopped.state).to.equal('stopped');
    expect(stopped.text).to.equal('partial ');
  });

  it('a 5xx burst (every request fails) then recovery: each failure offers Retry, and Retry answers', async () => {
    const el = await mount();
    await mockAdmin.setFaults({ chat: { status: 503, count: 3 } });
    for (let i = 0; i < 3; i++) {
      if (i === 0) await send(el, DEMO_QUERIES.answer);
      else
        [...lastArticle(el).querySelectorAll<HTMLButtonElement>('[part="note"] button')]
          .find((b) => /retry/i.test(b.textContent!))!
          .click();
      expect((await settle(el)).state).to.equal('failed');
      expect(bots(el)).to.have.length(1);
    }
    [...lastArticle(el).querySelectorAll<HTMLButtonElement>('[part="note"] button')]
      .find((b) => /retry/i.test(b.textContent!))!
      .click();
    expect((await settle(el)).state).to.equal('done');
    expect(users(el)).to.have.length(1);
  });

  describe('the Mind Expression transport under gateway faults', () => {
    let scope = 0;
    const mountGateway = async () => {
      const el = await fixture<MooniFrame>(
        html`<mooni-frame session-id=${sessionId()} transport="mind-expression" engine-url=${location.origin} auth-key="me_demo_key" developer-id="demo" scope-id=${`faults-${++scope}`} open></mooni-frame>`,
      );
      await el.updateComplete;
      return el;
    };
    const retry = (el: MooniFrame) =>
      [...lastArticle(el).querySelectorAll<HTMLButtonElement>('[part="note"] button')].find((b) =>
        /retry/i.test(b.textContent!),
      )!;

    it('5xx, a dropped connection and a 429: each fails coherently with Retry, and Retry answers', async () => {
      const el = await mountGateway();
      await send(el, 'hello');
      expect((await settle(el)).state).to.equal('done');
      for (const fault of [
        { status: 503, count: 1 },
        { drop: true, count: 1 },
        { status: 429, retryAfterSec: 0, count: 1 },
      ]) {
        await mockAdmin.setFaults({ gateway: fault });
        await send(el, 'products');
        const failed = await settle(el);
        expect(failed.state, JSON.stringify(fault)).to.equal('failed');
        expect(lastArticle(el).querySelector('.typing')).to.equal(null);
        await until(() => retry(el) && !retry(el).disabled, 'Retry to be enabled', 3000);
        retry(el).click();
        const answered = await settle(el);
        expect(answered.state, `Retry after ${JSON.stringify(fault)}: ${answered.failure ?? ''}`).to.equal('done');
        expect(answered.templates.map((t) => t.type)).to.include('card');
      }
      expect(users(el).map((m) => m.text)).to.deep.equal(['hello', 'products', 'products', 'products']);
    });

    it('a slow gateway shows the typing state, and Stop ends the wait at once', async () => {
      const el = await mountGateway();
      await send(el, 'hello');
      await settle(el);
      await mockAdmin.setFaults({ gateway: { latencyMs: 1500, count: 1 } });
      await send(el, 'how are you');
      await until(() => lastArticle(el).querySelector('.typing'), 'the typing indicator', 500);
      const t0 = Date.now();
      $<HTMLButtonElement>(el, '.stop')!.click();
      expect((await settle(el, 1000)).state).to.equal('stopped');
      expect(Date.now() - t0).to.be.lessThan(500);
      await sleep(1600);
      expect(el.messages.at(-1)!.state).to.equal('stopped');
      await send(el, 'how are you');
      expect((await settle(el)).state).to.equal('done');
    });
  });
});
