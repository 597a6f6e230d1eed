// Calls made before the bundle loads (through the pre-load snippet) run in order once it has; loading the
// bundle a second time changes nothing.
import { expect, waitUntil } from '@open-wc/testing';
import type { MooniApi, QueuedCall } from '../../src/embed/mooni-api.js';
import { loadScript, logText } from './helpers.js';

type Stub = Record<string, (...args: unknown[]) => void> & { q: QueuedCall[] | MooniApi['q'] };
const page = window as unknown as { Mooni: MooniApi };
const DATA = { 'api-key': 'mooni_demo_key', 'api-base': '', 'mood-key': 'sm_demo_key' };
const errors: unknown[] = [];
const consoleErrors: unknown[][] = [];
const started: string[] = [];
const sent: string[] = [];

before(async () => {
  sessionStorage.clear();
  addEventListener('error', (event) => errors.push(event.error ?? event.message));
  addEventListener('unhandledrejection', (event) => errors.push(event.reason));
  const original = console.error;
  console.error = (...args: unknown[]) => {
    consoleErrors.push(args);
    original(...args);
  };

  await loadScript('/src/embed/snippet.js', {}, 'classic');
  const stub = page.Mooni as unknown as Stub;
  stub.on!('conversation.started', (payload: { trigger: string }) => started.push(payload.trigger));
  stub.on!('message.sent', (payload: { text: string }) => sent.push(payload.text));
  stub.say!('one');
  stub.say!({ text: 'two' });
  (stub.q as QueuedCall[]).push(['noSuchMethod']);
  stub.say!('three');
  stub.send!('hello');
  expect(stub.version).to.equal(undefined);
  expect((stub.q as QueuedCall[]).length).to.equal(7);

  await loadScript('/src/embed/mooni-iife.ts', DATA);
  await waitUntil(() => page.Mooni.version, 'the bundle did not take over window.Mooni');
});

describe('the pre-load queue', () => {
  it('runs queued calls in order once the bundle has loaded', async () => {
    const frame = page.Mooni.frame;
    await waitUntil(() => logText(frame).includes('hello'), 'the queued send did not run');
    const text = logText(frame);
    const order = ['one', 'two', 'three', 'hello'].map((word) => text.indexOf(word));
    expect(order.every((at) => at >= 0)).to.equal(true);
    expect(order).to.deep.equal([...order].sort((a, b) => a - b));
    expect((frame as HTMLElement & { open: boolean }).open, 'send opens the chat').to.equal(true);
    expect(started).to.deep.equal(['user']);
    expect(sent).to.deep.equal(['hello']);
  });

  it('reports an unknown queued call and still runs the calls after it', () => {
    expect(
      consoleErrors.some(([where, error]) => where === 'Mooni.noSuchMethod' && error instanceof TypeError),
    ).to.equal(true);
    expect(logText(page.Mooni.frame)).to.contain('three');
  });

  it('after load, Mooni.q.push runs at once and a late snippet keeps the real methods', async () => {
    const open = page.Mooni.open;
    await loadScript('/src/embed/snippet.js?late', {}, 'classic');
    expect(page.Mooni.open).to.equal(open);
    page.Mooni.q.push(['say', 'late call']);
    await waitUntil(() => logText(page.Mooni.frame).includes('late call'));
  });
});

describe('window.Mooni', () => {
  it('on() returns an unsubscribe, off() unsubscribes, and reset() completes the conversation', async () => {
    const completed: { reason: string; messages: number }[] = [];
    const seen: string[] = [];
    const stop = page.Mooni.on('conversation.completed', (payload) => completed.push(payload));
    const onSent = (payload: { text: string }) => seen.push(payload.text);
    page.Mooni.on('message.sent', onSent);
    page.Mooni.reset();
    expect(completed.map(({ reason, messages }) => ({ reason, messages }))).to.deep.equal([
      { reason: 'reset', messages: 1 },
    ]);

    page.Mooni.off('message.sent', onSent);
    stop();
    page.Mooni.send('after off');
    await waitUntil(() => sent.includes('after off'));
    page.Mooni.reset();
    expect(seen).to.deep.equal([]);
    expect(completed.length).to.equal(1);
  });

  it("intervene() performs an intervention at the host's request", async () => {
    page.Mooni.intervene('show_exit_offer');
    await waitUntil(
      () => document.querySelector('[data-mooni-nudge]')?.shadowRoot?.textContent?.includes('Before you go'),
      'no exit offer',
    );
    document.querySelector('[data-mooni-nudge]')?.remove();
  });
});

describe('loading the bundle twice', () => {
  it('keeps one element, one tracker and one set of listeners, without errors', async () => {
    const before = {
      tracker: page.Mooni.tracker,
      frame: page.Mooni.frame,
      open: page.Mooni.open,
      config: page.Mooni.config,
    };
    await loadScript('/src/embed/mooni-iife.ts?second-copy', DATA);
    await loadScript('/src/embed/mooni-iife.ts?third-copy', DATA);
    expect(document.querySelectorAll('mooni-frame').length).to.equal(1);
    expect(page.Mooni.tracker).to.equal(before.tracker);
    expect(page.Mooni.frame).to.equal(before.frame);
    expect(page.Mooni.open).to.equal(before.open);
    expect(page.Mooni.config).to.equal(before.config);

    sent.length = 0;
    page.Mooni.send('once');
    await waitUntil(() => sent.length > 0);
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(sent).to.deep.equal(['once']);
    expect(errors).to.deep.equal([]);
  });
});

// Leave the tab as found: later test files may run in it.
after(() => sessionStorage.clear());
