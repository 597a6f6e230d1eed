// mooni.iife.js as a customer loads it: one script tag with data-* options on a plain page. (The entry
// module runs exactly as the IIFE does; a module script because the test server serves TypeScript.)
import { expect, waitUntil } from '@open-wc/testing';
import { sendKeys, sendMouse, resetMouse } from '@web/test-runner-commands';
import type { MooniApi, MooniHookMap } from '../../src/embed/mooni-api.js';
import { clickOn, loadScript, logText, waitForFeedback } from './helpers.js';
import type { MooniFrame } from '../../src/chat/mooni-frame.js';

/** The earlier hook names (aliases) and 000's. */
const HOOK_NAMES = [
  'mood.changed',
  'action.suggested',
  'conversation.started',
  'message.sent',
  'session.mood_changed',
  'conversation.message_sent',
  'conversation.completed',
] as const;

const page = window as unknown as { Mooni: MooniApi };
const hooks: { type: keyof MooniHookMap; detail: unknown }[] = [];
const domEvents: string[] = [];
let pay: HTMLButtonElement;

before(async () => {
  sessionStorage.clear(); // a new visitor: WTR may reuse the tab of an earlier test file
  // A plain shop page whose Pay button always fails, and which reports the failure it shows, as advised.
  document.body.insertAdjacentHTML(
    'beforeend',
    '<main><h1>Checkout</h1><button id="pay" type="button">Pay €52</button><p id="status" role="alert"></p></main>',
  );
  pay = document.getElementById('pay') as HTMLButtonElement;
  pay.addEventListener('click', () => {
    document.getElementById('status')!.textContent = 'Payment declined. Please try again.';
    page.Mooni.tracker?.error('Payment declined');
  });
  for (const type of HOOK_NAMES) {
    addEventListener(`mooni:${type}`, () => domEvents.push(type));
  }
  await loadScript('/src/embed/mooni-iife.ts', {
    'api-key': 'mooni_demo_key',
    'api-base': '',
    'mood-key': 'sm_demo_key',
  });
  await waitUntil(() => page.Mooni?.version, 'window.Mooni was not set up');
  for (const type of HOOK_NAMES) {
    page.Mooni.on(type, (detail) => hooks.push({ type, detail }));
  }
});

after(() => resetMouse());

describe('mooni.iife.js through a <script> tag', () => {
  it('inserts one launcher <mooni-frame>, starts the tracker and exposes window.Mooni', () => {
    const frames = document.querySelectorAll('mooni-frame');
    expect(frames.length).to.equal(1);
    const frame = frames[0]!;
    expect(page.Mooni.frame).to.equal(frame);
    expect(frame.getAttribute('api-key')).to.equal('mooni_demo_key');
    expect(frame.mode).to.equal('launcher');
    expect(page.Mooni.tracker!.sessionId).to.equal(sessionStorage.getItem('sm_session_id'));
    for (const method of ['open', 'close', 'toggle', 'send', 'say', 'reset', 'on', 'off', 'intervene'] as const) {
      expect(page.Mooni[method], method).to.be.a('function');
    }
    expect(page.Mooni.version).to.be.a('string');
  });

  it('a user rage-clicking the failing Pay button gets the chat opened with a kind message; answering is helpful feedback', async () => {
    const box = pay.getBoundingClientRect();
    const at: [number, number] = [Math.round(box.x + box.width / 2), Math.round(box.y + box.height / 2)];
    for (let i = 0; i < 4; i++) await sendMouse({ type: 'click', position: at });
    await page.Mooni.tracker!.flush();

    const frame = page.Mooni.frame as HTMLElement & { open: boolean };
    await waitUntil(() => frame.open, 'the chat did not open', { timeout: 5000 });
    await waitUntil(
      () => logText(frame).includes("Looks like something isn't working — can I help?"),
      'no proactive message',
    );
    const panel = frame.shadowRoot!.querySelector('[role="dialog"]');
    expect(panel, 'the chat panel').to.not.equal(null);

    const mood = hooks.find((h) => h.type === 'mood.changed')!.detail as MooniHookMap['mood.changed'];
    expect(mood).to.include({
      mood: 'frustrated',
      suggestedAction: 'show_live_chat',
      sessionId: page.Mooni.tracker!.sessionId,
    });
    expect(mood.signals.length).to.be.greaterThan(0);
    const suggested = hooks.find((h) => h.type === 'action.suggested')!.detail as MooniHookMap['action.suggested'];
    expect(suggested).to.include({ action: 'show_live_chat', intervention: 'open_chat' });

    // The user answers: the intervention left focus where it was, so they click into the textbox, type, Send.
    await clickOn(frame.shadowRoot!.querySelector('textarea')!);
    await sendKeys({ type: 'My card keeps getting declined' });
    await clickOn(frame.shadowRoot!.querySelector('button[aria-label="Send"]')!);
    const item = await waitForFeedback(page.Mooni.tracker!.sessionId, 'show_live_chat');
    expect(item.was_helpful).to.equal(true);

    const started = hooks.find((h) => h.type === 'conversation.started')!
      .detail as MooniHookMap['conversation.started'];
    expect(started.trigger).to.equal('intervention');
    const sent = hooks.find((h) => h.type === 'message.sent')!.detail as MooniHookMap['message.sent'];
    expect(sent.text).to.equal('My card keeps getting declined');
    // 000's names fire with the very payload of their aliases; the conversation hooks name the conversation.
    const modern = hooks.find((h) => h.type === 'conversation.message_sent')?.detail;
    expect(modern).to.equal(sent);
    expect(hooks.find((h) => h.type === 'session.mood_changed')?.detail).to.equal(
      hooks.find((h) => h.type === 'mood.changed')?.detail,
    );
    expect(started.conversationId).to.equal((document.querySelector('mooni-frame') as MooniFrame).sessionId);
    expect(domEvents).to.include.members(['mood.changed', 'action.suggested', 'conversation.started', 'message.sent']);
  });

  it("the panel's New conversation button ends the conversation for analytics: conversation.completed, reason reset", async () => {
    const frame = page.Mooni.frame as MooniFrame;
    const ended = frame.sessionId;
    expect(
      hooks.some((h) => h.type === 'conversation.completed'),
      'nothing completed yet',
    ).to.equal(false);

    await clickOn(frame.shadowRoot!.querySelector('button[aria-label="New conversation"]')!);
    await waitUntil(() => hooks.some((h) => h.type === 'conversation.completed'), 'no conversation.completed');
    const completed = hooks.find((h) => h.type === 'conversation.completed')!
      .detail as MooniHookMap['conversation.completed'];
    expect(completed).to.include({ reason: 'reset', conversationId: ended, messages: 1 });
    expect(frame.sessionId, 'the next question starts a new conversation').to.not.equal(ended);

    // The empty new conversation ends with nothing to report when the visitor closes the panel.
    page.Mooni.close();
    expect(hooks.filter((h) => h.type === 'conversation.completed')).to.have.length(1);
  });
});

// Leave the tab as found: later test files may run in it.
after(() => sessionStorage.clear());
