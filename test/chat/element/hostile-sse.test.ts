import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/chat/mooni-frame.js';
import type { MooniFrame } from '../../../src/chat/mooni-frame.js';
import { DEMO_QUERIES } from '../../../src/mock/demo-queries.js';
import { hostileCorpus, type HostilePayload } from './hostile-corpus.js';
import { findUnsafe } from '../../support/inertness.js';
import { sleep, until } from '../../support/wait.js';
import { watchWindow } from '../../support/watch-window.js';

let counter = 0;
const sessionId = () =>
  `00000000-0000-4000-9000-${String(Date.now() % 1e8).padStart(8, '0')}${String(++counter).padStart(4, '0')}`;

async function mount(): Promise<MooniFrame> {
  const el = await fixture<MooniFrame>(
    html`<mooni-frame api-key="mooni_demo_key" session-id=${sessionId()} open></mooni-frame>`,
  );
  await el.updateComplete;
  return el;
}

const find = <T extends Element>(el: MooniFrame, selector: string) => el.shadowRoot!.querySelector<T>(selector);

/** A server that answers `/chat` with the payload's exact bytes and passes everything else to the mock. */
function serve(payload: HostilePayload): typeof fetch {
  const encoder = new TextEncoder();
  return async (input, init) => {
    const url = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    if (!new URL(url, location.href).pathname.endsWith('/chat')) return fetch(input, init);
    const chunks = payload.chunks.map((c) => (typeof c === 'string' ? encoder.encode(c) : Uint8Array.from(c)));
    let i = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (i < chunks.length) controller.enqueue(chunks[i++]!);
        else controller.close();
      },
    });
    return new Response(body, { headers: { 'content-type': 'text/event-stream' } });
  };
}

/** Asks like a user (the textbox, then Send) and waits until the answer stops streaming. */
async function askAndSettle(el: MooniFrame, question: string, ms = 8000) {
  const textarea = find<HTMLTextAreaElement>(el, 'textarea')!;
  textarea.value = question;
  textarea.dispatchEvent(new Event('input'));
  await el.updateComplete;
  const before = el.messages.length;
  find<HTMLButtonElement>(el, 'button[part="send-button"]')!.click();
  await until(
    () => el.messages.length >= before + 2 && el.messages.at(-1)!.state !== 'streaming',
    `the answer to "${question.slice(0, 40)}" to end`,
    ms,
  );
  await el.updateComplete;
  return el.messages.at(-1)!;
}

const corpus = hostileCorpus();
export const PAYLOADS_TRIED = corpus.length;

describe('hardening: hostile chat payloads: nothing runs, nothing unsafe renders, the element stays usable', function () {
  this.timeout(30000);
  let watch: ReturnType<typeof watchWindow>;
  beforeEach(() => {
    window.__pwned = undefined;
    watch = watchWindow();
  });
  afterEach(() => watch.stop());
  after(() => console.log(`hardening: ${PAYLOADS_TRIED} hostile chat payloads tried through <mooni-frame>`));

  it(`the corpus has at least 50 payloads (${corpus.length})`, () => {
    expect(corpus.length).to.be.at.least(50);
  });

  for (const payload of corpus) {
    it(payload.name, async () => {
      const el = await mount();
      el.fetcher = serve(payload);
      await el.updateComplete;
      const hostile = await askAndSettle(el, 'hostile?');
      await sleep(60); // lets image errors and any deferred handlers fire
      await el.updateComplete;

      expect(['done', 'failed', 'stopped'], `state of the hostile answer`).to.include(hostile.state);
      expect(findUnsafe(el.shadowRoot!), 'unsafe nodes in the shadow DOM').to.deep.equal([]);
      expect(el.children.length, 'light DOM children').to.equal(0);
      expect(window.__pwned, 'script ran').to.equal(undefined);
      expect(({} as Record<string, unknown>).polluted, 'Object.prototype polluted').to.equal(undefined);
      if (payload.shows) expect(find(el, '[role="log"]')!.textContent!.replace(/\s+/g, ' ')).to.contain(payload.shows);
      if (hostile.state === 'failed')
        expect(find(el, '[role="log"]')!.textContent, 'a failed answer offers Retry').to.contain('Retry');

      // Still usable: the textbox takes real typing, and a normal question gets the mock's answer.
      el.fetcher = undefined;
      await el.updateComplete;
      const textarea = find<HTMLTextAreaElement>(el, 'textarea')!;
      textarea.focus();
      textarea.value = '';
      await sendKeys({ type: 'typed ok' });
      expect(textarea.value).to.equal('typed ok');
      const normal = await askAndSettle(el, DEMO_QUERIES.answer);
      expect(normal.state, `a normal answer after the payload (${normal.failure ?? ''})`).to.equal('done');
      expect(normal.text.length).to.be.greaterThan(20);
      expect(findUnsafe(el.shadowRoot!)).to.deep.equal([]);
      expect(watch.errors, 'uncaught errors').to.deep.equal([]);
      expect(watch.violations).to.deep.equal([]);
      expect(window.__pwned).to.equal(undefined);
    });
  }

  it('hostile questions through the real mock: the user text and the answer render inert', async () => {
    const el = await mount();
    const questions = [
      `<img src=x onerror="window.__pwned='q1'"> shipping?`,
      `[x](javascript:window.__pwned='q2') <script>window.__pwned='q3'</script>`,
      `${'<svg onload=window.__pwned=1>'.repeat(16)}`.slice(0, 500),
      `\u202e\u0000\ud800 "quoted" 'single' \`tick\` \${1+1} {{1+1}}`,
    ];
    for (const q of questions) {
      const answer = await askAndSettle(el, q);
      expect(answer.state).to.equal('done');
    }
    await sleep(60);
    expect(find(el, '[role="log"]')!.textContent).to.contain('onerror');
    expect(findUnsafe(el.shadowRoot!)).to.deep.equal([]);
    expect(window.__pwned).to.equal(undefined);
    expect(watch.errors).to.deep.equal([]);
  });

  it('the inertness walk itself finds unsafe nodes (positive control)', async () => {
    const host = document.createElement('div');
    const root = host.attachShadow({ mode: 'open' });
    const inner = document.createElement('span');
    inner.attachShadow({ mode: 'open' }).innerHTML =
      '<a href="javascript:void 0">x</a><img src="data:image/png,1"><b onclick="x"></b><iframe></iframe>';
    root.append(inner);
    const found = findUnsafe(root);
    expect(found).to.have.length(4);
  });
});
