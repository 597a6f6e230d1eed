import { expect, fixtureCleanup } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { createStore, get } from 'idb-keyval';
import { DEMO_QUERIES } from '../../../src/mock/demo-queries.js';
import { sleep, until } from '../../support/wait.js';
import {
  $,
  $$,
  ask,
  byText,
  clearFaults,
  lastMessage,
  messages,
  mount,
  next,
  setFault,
  settled,
  slowFetch,
  spoken,
  typeAndSend,
} from './helpers.js';

const query = (name: keyof typeof DEMO_QUERIES): string => {
  const value = DEMO_QUERIES[name] as unknown;
  return typeof value === 'string' ? value : (value as { query: string }).query;
};

describe('<mooni-frame> streaming answers from the mock', () => {
  afterEach(clearFaults);

  it('streams an answer in several chunks, updating only the streaming message, then announces it once', async () => {
    const el = await mount();
    await ask(el, query('answer'));
    const first = messages(el).at(-1)!;
    const firstText = first.textContent;

    el.fetcher = slowFetch(25);
    await el.updateComplete;
    const seen: string[] = [];
    const touched = new Set<Node>();
    const observer = new MutationObserver((records) => records.forEach((r) => touched.add(r.target)));
    observer.observe($(el, '[role="log"]')!, { subtree: true, childList: true, characterData: true });
    const answered = next(el, 'mooni-answer');
    await typeAndSend(el, query('answer'));
    const poll = setInterval(() => {
      const bubble = lastMessage(el).querySelector('.bubble:not(.typing)');
      if (lastMessage(el).getAttribute('aria-busy') === 'true' && bubble && seen.at(-1) !== bubble.textContent)
        seen.push(bubble.textContent!);
    }, 5);
    const { detail } = await answered;
    clearInterval(poll);
    observer.disconnect();
    await el.updateComplete;

    expect(seen.length, `partial texts seen: ${JSON.stringify(seen)}`).to.be.greaterThan(1);
    expect(detail.message.state).to.equal('done');
    expect(detail.message.text.length).to.be.greaterThan(seen[0]!.length);
    const answer = lastMessage(el);
    expect(answer.getAttribute('aria-busy')).to.equal('false');
    // The earlier answer's DOM was never touched while the new one streamed.
    expect([...touched].some((node) => first.contains(node))).to.equal(false);
    expect(first.textContent).to.equal(firstText);
    // The log itself stays silent; the hidden polite region says the final answer once.
    expect($(el, '[role="log"]')!.getAttribute('aria-live')).to.equal('off');
    await until(() =>
      $(el, '[part="panel"] [role="status"]')!.textContent!.includes(
        detail.message.text.slice(0, 20).replace(/[*_`#>[]/g, ''),
      ),
    );
  });

  it('shows a typing indicator while searching and is accessible while streaming', async () => {
    const el = await mount();
    el.fetcher = slowFetch(60);
    await typeAndSend(el, query('answer'));
    await until(() => lastMessage(el).querySelector('.typing'), 'typing indicator');
    expect(lastMessage(el).getAttribute('aria-busy')).to.equal('true');
    expect($(el, '.stop')).to.exist;
    await expect(el).to.be.accessible();
    await settled(el);
  });

  it('related-FAQ chips ask their question', async () => {
    const el = await mount();
    await ask(el, query('answer'));
    const chip = await until(() => lastMessage(el).querySelector<HTMLButtonElement>('[part="chip"]'), 'faq chip');
    const title = chip!.textContent!.trim();
    const sent = next(el, 'mooni-send');
    const done = settled(el);
    chip!.click();
    expect((await sent).detail.text).to.equal(title);
    await done;
  });

  it('renders Markdown answers as elements, not as markup characters', async () => {
    const el = await mount();
    await ask(el, query('markdown'));
    const bubble = lastMessage(el).querySelector('.bubble')!;
    expect(bubble.querySelector('strong, em, ul, ol, a, code')).to.exist;
  });

  it('quick replies: a message button sends its message and fires mooni-quick-reply; accessible', async () => {
    const el = await mount();
    await ask(el, query('quickReply'));
    const button = lastMessage(el).querySelector<HTMLButtonElement>('button.chip')!;
    expect(button).to.exist;
    await expect(el).to.be.accessible();
    const reply = next(el, 'mooni-quick-reply');
    const sent = next(el, 'mooni-send');
    const done = settled(el);
    button.click();
    const { detail } = await reply;
    expect((await sent).detail.text).to.equal(detail.reply.message ?? detail.reply.label);
    await done;
  });

  it('cards: title, subtitle, safe links in a new tab, and buttons that fire mooni-card-action; accessible', async () => {
    const el = await mount();
    await ask(el, query('card'));
    const cards = $$(el, '[part="card"]');
    expect(cards.length).to.be.greaterThan(0);
    expect(cards[0]!.querySelector('strong')!.textContent).to.not.equal('');
    for (const link of $$<HTMLAnchorElement>(el, 'a[part="card-button"]')) {
      expect(link.target).to.equal('_blank');
      expect(link.rel).to.equal('noopener noreferrer');
      expect(link.protocol).to.match(/^https?:$/);
    }
    await expect(el).to.be.accessible();
    const button = $$<HTMLElement>(el, '[part="card-button"]').find((b) => b.tagName === 'BUTTON');
    if (button) {
      const action = next(el, 'mooni-card-action');
      const done = settled(el);
      button.click();
      const { detail } = await action;
      expect(detail.card.title).to.be.a('string');
      expect(detail.button.type).to.equal('message');
      await done;
    } else {
      const link = $<HTMLAnchorElement>(el, 'a[part="card-button"]')!;
      link.addEventListener('click', (e) => e.preventDefault(), { once: true });
      const action = next(el, 'mooni-card-action');
      link.click();
      expect((await action).detail.button.type).to.equal('link');
    }
  });

  it('image and code templates: a safe image with alt text, monospace code with preserved whitespace and a copy button', async () => {
    const el = await mount();
    await ask(el, query('image'));
    const image = lastMessage(el).querySelector<HTMLImageElement>('img.image');
    expect(image?.src ?? lastMessage(el).textContent).to.not.match(/^(javascript|data|vbscript):/);
    if (image) expect(image.hasAttribute('alt')).to.equal(true);
    await ask(el, query('code'));
    const pre = lastMessage(el).querySelector('pre')!;
    expect(getComputedStyle(pre).whiteSpace).to.equal('pre');
    expect(getComputedStyle(pre).fontFamily).to.match(/mono|Menlo|Consolas/i);
    expect(lastMessage(el).querySelector('.code button')).to.exist;
  });

  it('marks an out-of-scope answer as a warning', async () => {
    const el = await mount();
    await ask(el, query('outOfScope'));
    expect(lastMessage(el).classList.contains('warning')).to.equal(true);
    expect(lastMessage(el).querySelector('.bubble')!.textContent!.trim()).to.not.equal('');
  });

  it('copy and rating actions on a finished answer; mooni-rate fires with the rating', async () => {
    const el = await mount();
    await ask(el, query('answer'));
    const answer = lastMessage(el);
    const helpful = answer.querySelector<HTMLButtonElement>('button[aria-label="Helpful"]')!;
    const notHelpful = answer.querySelector<HTMLButtonElement>('button[aria-label="Not helpful"]')!;
    expect(answer.querySelector('button[aria-label="Copy"]')).to.exist;
    const rated = next(el, 'mooni-rate');
    notHelpful.click();
    const { detail } = await rated;
    expect(detail.rating).to.equal('not_helpful');
    expect(detail.messageId).to.equal(el.messages.at(-1)!.id);
    await el.updateComplete;
    expect(notHelpful.getAttribute('aria-pressed')).to.equal('true');
    expect(helpful.getAttribute('aria-pressed')).to.equal('false');
  });

  it('posts the trimmed question with sessionId, userId and organizationId; the organization narrows the FAQ', async () => {
    const bodies: Record<string, unknown>[] = [];
    const el = await mount({ 'user-id': 'user-42', 'organization-id': 'school' });
    el.fetcher = (input, init) => {
      if (String(input).endsWith('/chat')) bodies.push(JSON.parse(String(init?.body)));
      return fetch(input, init);
    };
    await el.updateComplete;
    expect(await ask(el, `  ${query('schoolOnly')}  `)).to.equal('answer');
    expect(bodies[0]).to.deep.equal({
      query: query('schoolOnly'),
      sessionId: el.sessionId,
      userId: 'user-42',
      organizationId: 'school',
    });
    expect(lastMessage(el).classList.contains('warning')).to.equal(false);
    el.organizationId = 'shop';
    await el.updateComplete;
    await ask(el, query('schoolOnly'));
    expect(lastMessage(el).classList.contains('warning')).to.equal(true);
  });

  it('talks to an absolute api-base and shows the placeholder given', async () => {
    const el = await mount({ 'api-base': `${location.origin}/`, placeholder: 'Ask Lumen…' });
    expect($(el, 'textarea')!.getAttribute('placeholder')).to.equal('Ask Lumen…');
    expect(await ask(el, query('answer'))).to.equal('answer');
  });

  it('every event bubbles out of the shadow root (composed) to the document', async () => {
    const seen = new Set<string>();
    const types = ['mooni-send', 'mooni-answer', 'mooni-rate', 'mooni-quick-reply'] as const;
    const listener = (e: Event) => e.bubbles && e.composed && seen.add(e.type);
    for (const type of types) document.addEventListener(type, listener);
    try {
      const el = await mount();
      await ask(el, query('quickReply'));
      lastMessage(el).querySelector<HTMLButtonElement>('button[aria-label="Helpful"]')!.click();
      const chip = lastMessage(el).querySelector<HTMLElement>('.chip')!;
      chip.addEventListener('click', (e) => chip.tagName === 'A' && e.preventDefault(), { once: true });
      const done = chip.tagName === 'BUTTON' ? settled(el) : Promise.resolve();
      chip.click();
      await done;
      expect([...seen].sort()).to.deep.equal([...types].sort());
    } finally {
      for (const type of types) document.removeEventListener(type, listener);
    }
  });

  it('the log follows a long answer to its end, stays where the user scrolled up to, and follows the next question', async () => {
    const el = await mount({ mode: 'inline' });
    el.style.height = '360px';
    // The mock's answer with its text events said forty times over, four every 10 ms: a long answer that grows
    // the log while it follows.
    el.fetcher = async (input, init) => {
      const response = await fetch(input, init);
      if (!response.headers.get('content-type')?.includes('event-stream')) return response;
      const events = (await response.text()).split(/(?<=\n\n)/);
      const texts = events.filter((event) => event.includes('"type":"text"'));
      const long = [...Array.from({ length: 40 }, () => texts).flat(), ...events.filter((e) => !texts.includes(e))];
      const encoder = new TextEncoder();
      const body = new ReadableStream<Uint8Array>({
        async pull(controller) {
          if (!long.length) return controller.close();
          await sleep(10);
          controller.enqueue(encoder.encode(long.splice(0, 4).join('')));
        },
      });
      return new Response(body, { headers: response.headers });
    };
    await el.updateComplete;
    const log = $<HTMLElement>(el, '[part="log"]')!;
    const fromEnd = () => log.scrollHeight - log.scrollTop - log.clientHeight;

    await ask(el, DEMO_QUERIES.answer);
    expect(log.scrollHeight, 'the answer overflows the log').to.be.greaterThan(log.clientHeight * 3);
    await until(
      () => fromEnd() < 2,
      () => `the log followed to the end, not ${fromEnd()} px short of it`,
    );

    const done = settled(el);
    const before = log.scrollHeight;
    await typeAndSend(el, DEMO_QUERIES.answer);
    await until(() => log.scrollHeight > before + log.clientHeight && fromEnd() < 2, 'the second answer grows the log');
    log.scrollTop = log.clientHeight;
    await done;
    await sleep(100);
    // What the user reads stays in view (scroll anchoring may shift the position by a line); the end is far away.
    expect(log.scrollTop, 'the log stays where the user scrolled to').to.be.closeTo(log.clientHeight, 60);
    expect(fromEnd(), 'not taken to the end').to.be.greaterThan(log.clientHeight * 3);

    await ask(el, DEMO_QUERIES.answer);
    await until(
      () => fromEnd() < 2,
      () => `the next question follows again, not ${fromEnd()} px short of the end`,
    );
  });

  it('Stop aborts the answer in flight and keeps the partial text', async () => {
    const el = await mount();
    el.fetcher = slowFetch(40);
    await typeAndSend(el, query('answer'));
    await until(() => lastMessage(el).querySelector('.bubble:not(.typing)'), 'first text');
    // From the keyboard: the pressed button goes away, so focus must land somewhere useful, not on <body>.
    $<HTMLButtonElement>(el, '.stop')!.focus();
    await sendKeys({ press: 'Enter' });
    await until(() => el.messages.at(-1)!.state === 'stopped', 'stopped');
    await el.updateComplete;
    expect(lastMessage(el).querySelector('.bubble')!.textContent!.trim()).to.not.equal('');
    expect(lastMessage(el).querySelector('[part="note"]')!.textContent).to.contain('Stopped');
    expect($(el, '.stop')).to.equal(null);
    expect(el.shadowRoot!.activeElement, 'focus goes to the textbox').to.equal($(el, 'textarea'));
  });

  it('a new question while one streams stops the old one first', async () => {
    const el = await mount();
    el.fetcher = slowFetch(40);
    await typeAndSend(el, query('answer'));
    await until(() => el.messages.at(-1)!.text, 'first text');
    const done = next(el, 'mooni-answer');
    el.fetcher = undefined;
    await el.updateComplete;
    await typeAndSend(el, query('markdown'));
    await done;
    const bots = el.messages.filter((m) => m.role === 'bot');
    expect(bots.map((m) => m.state)).to.deep.equal(['stopped', 'done']);
  });
});

describe('<mooni-frame> failures', () => {
  afterEach(clearFaults);

  it('a dropped stream keeps the partial answer, shows a note and Retry; Retry answers; accessible', async () => {
    const el = await mount();
    await setFault({ cutAt: 'mid_text', count: 1 });
    const how = await ask(el, query('answer'));
    expect(how).to.equal('stream_cut');
    const failed = lastMessage(el);
    expect(failed.querySelector('.bubble')!.textContent!.trim()).to.not.equal('');
    expect(failed.querySelector('[part="note"]')!.textContent).to.contain('interrupted');
    await expect(el).to.be.accessible();
    const retry = byText(el, '[part="note"] button', 'Retry') as HTMLButtonElement;
    const done = next(el, 'mooni-answer');
    retry.click();
    await done;
    await el.updateComplete;
    expect(el.messages.filter((m) => m.role === 'bot').map((m) => m.state)).to.deep.equal(['done']);
    expect(el.messages.filter((m) => m.role === 'user')).to.have.length(1);
  });

  it('an error event keeps the partial answer with a note and Retry', async () => {
    const el = await mount();
    await setFault({ errorEvent: true, count: 1 });
    const failed = next(el, 'mooni-fail');
    await ask(el, query('answer'));
    const { detail } = await failed;
    expect(detail.reason).to.equal('server_error');
    expect(lastMessage(el).querySelector('[part="note"] button')!.textContent).to.contain('Retry');
  });

  it('HTTP 500 says so in plain words and offers Retry', async () => {
    const el = await mount();
    await setFault({ status: 500, count: 1 });
    const failed = next(el, 'mooni-fail');
    await ask(el, query('answer'));
    expect((await failed).detail).to.include({ reason: 'server_error', status: 500 });
    expect(lastMessage(el).querySelector('[part="note"]')!.textContent).to.contain('went wrong');
  });

  it('HTTP 400 codes map to plain messages', async () => {
    const el = await mount();
    await setFault({ status: 400, count: 1 });
    const failed = next(el, 'mooni-fail');
    await ask(el, query('answer'));
    expect((await failed).detail).to.include({ reason: 'http_400', status: 400 });
    expect(lastMessage(el).querySelector('[part="note"]')!.textContent!.trim()).to.not.equal('');
  });

  it('HTTP 401: "chat is unavailable" and one console.warn for the integrator', async () => {
    const warnings: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => warnings.push(args);
    try {
      const el = await mount({ 'api-key': 'mooni_wrong_key' });
      const failed = next(el, 'mooni-fail');
      await ask(el, query('answer'));
      expect((await failed).detail).to.include({ reason: 'unauthorized', status: 401 });
      expect(lastMessage(el).querySelector('[part="note"]')!.textContent).to.contain('Chat is unavailable');
      await ask(el, query('answer'));
      expect(warnings.filter((w) => String(w[0]).includes('401'))).to.have.length(1);
      await expect(el).to.be.accessible();
    } finally {
      console.warn = warn;
    }
  });

  it('HTTP 429 waits per retry-after before Retry is allowed', async () => {
    const el = await mount();
    await setFault({ status: 429, retryAfterSec: 1, count: 1 });
    const failed = next(el, 'mooni-fail');
    await ask(el, query('answer'));
    expect((await failed).detail).to.include({ reason: 'rate_limited', status: 429 });
    const retry = lastMessage(el).querySelector<HTMLButtonElement>('[part="note"] button')!;
    expect(lastMessage(el).querySelector('[part="note"]')!.textContent).to.contain('1 s');
    expect(retry.disabled).to.equal(true);
    await until(
      () => !lastMessage(el).querySelector<HTMLButtonElement>('[part="note"] button')!.disabled,
      'retry enabled',
      3000,
    );
    const done = next(el, 'mooni-answer');
    lastMessage(el).querySelector<HTMLButtonElement>('[part="note"] button')!.click();
    await done;
  });

  it('offline: a note, and the question stays in the input', async () => {
    const el = await mount();
    await setFault({ drop: true, count: 1 });
    const failed = next(el, 'mooni-fail');
    await ask(el, query('answer'));
    expect((await failed).detail.reason).to.equal('offline');
    await el.updateComplete;
    expect($<HTMLTextAreaElement>(el, 'textarea')!.value).to.equal(query('answer'));
    expect(lastMessage(el).querySelector('[part="note"]')!.textContent).to.contain('offline');
  });
});

describe('<mooni-frame> over-long questions (001: 500 characters at most)', () => {
  const long = 'How do I reset my password? '.repeat(22).trim(); // 615 characters, words cut nowhere

  it('keeps every character typed, says how long it is, and never sends a cut question', async () => {
    const el = await mount();
    const sent: string[] = [];
    el.addEventListener('mooni-send', (event) => sent.push(event.detail.text));
    const requests: string[] = [];
    el.fetcher = (input, init) => {
      if (String(input).endsWith('/chat')) requests.push(String(input));
      return fetch(input, init);
    };
    await el.updateComplete;
    const input = $<HTMLTextAreaElement>(el, 'textarea')!;
    const send = $<HTMLButtonElement>(el, '[part="send-button"]')!;
    input.focus();
    input.value = long;
    input.dispatchEvent(new Event('input'));
    await el.updateComplete;

    expect(input.value).to.equal(long);
    const counter = $(el, '#counter')!;
    expect(counter.textContent).to.equal('615 / 500 characters — shorten your question to send it');
    expect(input.getAttribute('aria-describedby')).to.equal('counter');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(send.disabled).to.equal(true);
    await expect(el).to.be.accessible();

    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    await until(() => spoken(el).includes(counter.textContent ?? ''), 'the length announced');
    expect(input.value, 'Enter keeps the question').to.equal(long);
    expect([sent, requests, el.messages]).to.deep.equal([[], [], []]);

    // Shortened to the limit, it is sent as it stands.
    input.value = long.slice(0, 500);
    input.dispatchEvent(new Event('input'));
    await el.updateComplete;
    expect(input.getAttribute('aria-invalid')).to.equal('false');
    expect(send.disabled).to.equal(false);
    expect(await ask(el, long.slice(0, 500))).to.equal('answer');
    expect(sent).to.deep.equal([long.slice(0, 500)]);
  });

  it('send() with a too-long question throws a RangeError and sends nothing', async () => {
    const el = await mount();
    let sent = 0;
    el.addEventListener('mooni-send', () => sent++);
    expect(() => el.send(long)).to.throw(RangeError, /615 characters.*500 at most/);
    await sleep(50);
    expect([sent, el.messages.length]).to.deep.equal([0, 0]);
  });
});

describe('<mooni-frame persist="false"> (001: sessions are recorded only when sessionId is sent)', () => {
  const conversations = createStore('mooni-chat', 'conversations');

  it('sends no sessionId, stores nothing in the browser, and a reload starts afresh', async () => {
    localStorage.removeItem('mooni_session_id');
    const bodies: Record<string, unknown>[] = [];
    const el = await mount({ persist: 'false', 'session-id': false });
    el.fetcher = (input, init) => {
      if (String(input).endsWith('/chat')) bodies.push(JSON.parse(String(init?.body)));
      return fetch(input, init);
    };
    await el.updateComplete;
    expect(el.persist).to.equal(false);
    expect(await ask(el, query('answer'))).to.equal('answer');
    expect(bodies).to.have.length(1);
    expect(bodies[0]).to.not.have.property('sessionId');
    await sleep(100);
    expect(await get(el.sessionId, conversations)).to.equal(undefined);
    expect(localStorage.getItem('mooni_session_id')).to.equal(null);
    fixtureCleanup();

    const again = await mount({ persist: 'false', 'session-id': false });
    await sleep(100);
    expect(again.messages).to.have.length(0);
  });

  it('by default the conversation continues: its sessionId is sent and it is stored', async () => {
    const bodies: Record<string, unknown>[] = [];
    const el = await mount();
    el.fetcher = (input, init) => {
      if (String(input).endsWith('/chat')) bodies.push(JSON.parse(String(init?.body)));
      return fetch(input, init);
    };
    await el.updateComplete;
    expect(el.persist).to.equal(true);
    await ask(el, query('answer'));
    expect(bodies[0]!.sessionId).to.equal(el.sessionId);
    await until(async () => (await get(el.sessionId, conversations)) !== undefined, 'stored in IndexedDB');
  });
});
