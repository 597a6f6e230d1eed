import { expect } from '@open-wc/testing';
import type { MooniFrame } from '../../../src/chat/mooni-frame.js';
import { DEMO_QUERIES } from '../../../src/mock/demo-queries.js';
import { until } from '../../support/wait.js';

interface AxeResult {
  violations: { id: string; help: string; nodes: { target: unknown[] }[] }[];
}
type DemoWindow = Window & { axe?: { run(context: Element | Document, options?: object): Promise<AxeResult> } };

let frame: HTMLIFrameElement | undefined;

/** The demo page (index.html, as `npm start` serves it) in a frame the size of a laptop screen. */
async function openDemo(): Promise<DemoWindow> {
  frame = document.createElement('iframe');
  frame.style.cssText = 'position:fixed;left:0;top:0;width:1280px;height:800px;border:0';
  const loaded = new Promise((resolve) => frame!.addEventListener('load', resolve, { once: true }));
  frame.src = '/index.html';
  document.body.append(frame);
  await loaded;
  return frame.contentWindow as DemoWindow;
}

/** axe-core, loaded into the framed page itself so it checks that document. */
async function axeIn(w: DemoWindow) {
  if (!w.axe) {
    const script = w.document.createElement('script');
    const ready = new Promise((resolve) => script.addEventListener('load', resolve, { once: true }));
    script.src = '/node_modules/axe-core/axe.min.js';
    w.document.head.append(script);
    await ready;
  }
  return w.axe!;
}

const described = (result: AxeResult) =>
  result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);

afterEach(() => frame?.remove());

describe('the demo page', () => {
  it('the QA panel passes axe, before and after the tracker has reported', async () => {
    const w = await openDemo();
    const qa = await until(
      () => (w.document.querySelector('#qa')?.childElementCount ? w.document.querySelector('#qa') : null),
      'the QA panel',
      8000,
    );
    const axe = await axeIn(w);
    expect(described(await axe.run(qa!)), 'at load').to.deep.equal([]);
    await until(() => w.Mooni?.tracker, 'the tracker', 8000);
    w.document.querySelector<HTMLButtonElement>('button.add')!.click();
    await w.Mooni!.tracker!.flush();
    await new Promise((resolve) => setTimeout(resolve, 1500)); // the panel's polls show the events and mood
    expect(described(await axe.run(qa!)), 'with events shown').to.deep.equal([]);
  });

  it("the shop's chat reaches the signed-in shopper's past conversations", async () => {
    const w = await openDemo();
    await until(() => w.Mooni?.open && w.document.querySelector('mooni-frame')?.shadowRoot, 'the embed', 8000);
    w.Mooni!.open();
    const el = w.document.querySelector('mooni-frame') as MooniFrame;
    await el.updateComplete;
    const history = await until(
      () => el.shadowRoot!.querySelector<HTMLButtonElement>('[part="header"] button[aria-label="Past conversations"]'),
      'a Past conversations button',
      5000,
    );
    history!.click();
    await until(() => el.shadowRoot!.querySelector('.sessions, .welcome, .note'), 'the list', 5000);
    expect(el.shadowRoot!.querySelector('.note'), 'the list loads (the token is accepted)').to.equal(null);
  });

  it('the whole demo page passes axe in every state of the chat: closed, open, answering with templates, past conversations, a nudge', async () => {
    const w = await openDemo();
    await until(() => w.Mooni?.open && w.document.querySelector('mooni-frame')?.shadowRoot, 'the embed', 8000);
    const axe = await axeIn(w);
    const el = w.document.querySelector('mooni-frame') as MooniFrame;
    const check = async (state: string) => expect(described(await axe.run(w.document)), state).to.deep.equal([]);
    await check('closed');
    w.Mooni!.open();
    await until(() => el.shadowRoot!.querySelector('textarea'), 'the panel', 5000);
    await check('open, welcome');
    for (const question of [DEMO_QUERIES.quickReply, DEMO_QUERIES.card]) {
      w.Mooni!.send(question);
      await until(() => el.messages.at(-1)?.state === 'done', 'the answer', 8000);
    }
    await el.updateComplete;
    await check('answered, with quick replies and cards');
    el.shadowRoot!.querySelector<HTMLButtonElement>('[part="header"] button[aria-label="Past conversations"]')!.click();
    await until(() => el.shadowRoot!.querySelector('.sessions, .note'), 'the past conversations', 5000);
    await check('past conversations');
    w.Mooni!.close();
    await el.updateComplete;
    w.Mooni!.intervene('show_tooltip');
    await until(
      () => w.document.querySelector('[data-mooni-nudge]')?.shadowRoot?.querySelector('aside'),
      'the nudge',
      5000,
    );
    await check('a nudge');
  });
});
