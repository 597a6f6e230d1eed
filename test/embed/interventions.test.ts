// The interventions with the real element, a real tracker and the mock over HTTP. The mood snapshot is
// given directly (the engine's own path is covered end to end in script-tag.test.ts), so each rule is
// exercised deterministically.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/chat/mooni-frame.js';
import type { MooniFrame } from '../../src/chat/mooni-frame.js';
import { createTracker } from '../../src/tracker.js';
import type { MoodSnapshot, SuggestedAction } from '../../src/tracker/types.js';
import { parseConfig } from '../../src/embed/config.js';
import { createEmbed } from '../../src/embed/embed.js';
import type { ActionSuggestedPayload, MooniOptions } from '../../src/embed/mooni-api.js';
import { clickOn, logText, recordedFeedback, waitForFeedback } from './helpers.js';

const OFF = {
  rageClick: false,
  scroll: false,
  backtrack: false,
  backNav: false,
  pageView: false,
  error: false,
  idle: false,
  hover: false,
  inputPause: false,
  focus: false,
} as const;

let count = 0;
async function setup(data: Record<string, string> = {}, options: MooniOptions = {}) {
  sessionStorage.removeItem('mooni_embed');
  const sessionId = `embed-rules-${Date.now()}-${count++}`;
  const tracker = createTracker({ apiKey: 'sm_demo_key', apiBase: '', sessionId, detectors: OFF });
  tracker.track({ type: 'page_view', url: location.href });
  await tracker.flush();
  undo.push(() => tracker.stop());
  // A conversation of its own: without a session-id the element continues the one this browser kept (in
  // localStorage, from any earlier test file), and that conversation's restore, landing while a test clicks
  // in the panel, moves what it clicks.
  const frame = await fixture<MooniFrame>(
    html`<mooni-frame api-key="mooni_demo_key" api-base="" session-id=${`chat-${sessionId}`}></mooni-frame>`,
  );
  const view = () => import('../../src/embed/intervention-view.js');
  const runner = createEmbed(frame, tracker, parseConfig(data), options, view, 60);
  const suggested: ActionSuggestedPayload[] = [];
  const listener = (event: CustomEvent<ActionSuggestedPayload>) => suggested.push(event.detail);
  addEventListener('mooni:action.suggested', listener);
  undo.push(() => removeEventListener('mooni:action.suggested', listener));
  return { tracker, frame, runner, sessionId, suggested };
}

const undo: (() => void)[] = [];
afterEach(() => {
  undo.splice(0).forEach((fn) => fn());
  document.querySelectorAll('[data-mooni-nudge]').forEach((nudge) => nudge.remove());
});

const snapshot = (suggested_action: SuggestedAction, mood: MoodSnapshot['mood'] = 'confused'): MoodSnapshot => ({
  session_id: 'given',
  mood,
  confidence: 0.8,
  signals: ['backtrack_detected'],
  suggested_action,
  event_count: 6,
  updated_at: new Date().toISOString(),
});

const nudge = () => document.querySelector('[data-mooni-nudge]')?.shadowRoot ?? null;
/** The bubble, once its view (loaded on the first intervention) has shown it. */
async function shownNudge(): Promise<ShadowRoot> {
  await waitUntil(nudge, 'no bubble appeared');
  return nudge()!;
}

describe('interventions', () => {
  it('show_tooltip: an accessible nudge that never takes focus; dismissing it is was_helpful: false', async () => {
    const { runner, frame, sessionId } = await setup();
    const focused = document.activeElement;
    runner.consider(snapshot('show_tooltip'));
    const root = await shownNudge();
    // The status region is in the page before its text, so the text is announced once.
    await waitUntil(() => root.querySelector('[role="status"]')?.textContent === 'Need a hand? Ask us anything.');
    expect(document.activeElement).to.equal(focused);
    expect(frame.open).to.equal(false);
    await expect(document.querySelector('[data-mooni-nudge]')).to.be.accessible();
    await clickOn(root.querySelector('button[aria-label="Dismiss"]')!);
    expect(nudge()).to.equal(null);
    const item = await waitForFeedback(sessionId, 'show_tooltip');
    expect(item.was_helpful).to.equal(false);
  });

  it('the bubble takes the element\'s colour scheme: theme="host" on a dark page is dark, whatever the system\'s', async () => {
    const root = document.documentElement;
    root.dataset.theme = 'dark';
    undo.push(() => delete root.dataset.theme);
    const { runner, frame } = await setup();
    frame.theme = 'host';
    await frame.updateComplete;
    runner.consider(snapshot('show_tooltip'));
    const aside = (await shownNudge()).querySelector('aside')!;
    expect(getComputedStyle(aside).colorScheme).to.equal('dark');
    const dark = document.createElement('div');
    dark.style.cssText = 'color-scheme: dark; background: Canvas';
    document.body.append(dark);
    undo.push(() => dark.remove());
    expect(getComputedStyle(aside).backgroundColor, 'the dark Canvas').to.equal(getComputedStyle(dark).backgroundColor);
  });

  it('the nudge offers the page question; pressing it opens the chat, asks it, and is was_helpful: true', async () => {
    const { runner, frame, sessionId } = await setup({}, { question: 'How do I reset my password?' });
    runner.consider(snapshot('show_tooltip'));
    const ask = (await shownNudge()).querySelector<HTMLButtonElement>('button.go')!;
    expect(ask.textContent).to.equal('How do I reset my password?');
    await clickOn(ask);
    await waitUntil(() => logText(frame).includes('How do I reset my password?'), 'the question was not asked');
    expect(frame.open).to.equal(true);
    expect((await waitForFeedback(sessionId, 'show_tooltip')).was_helpful).to.equal(true);
  });

  it('show_live_chat opens the chat with a kind message; closing it is was_helpful: false and it never re-opens', async () => {
    const { runner, frame, sessionId, suggested } = await setup({}, { cooldown: 0 });
    runner.consider(snapshot('show_live_chat', 'frustrated'));
    const focused = document.activeElement;
    await waitUntil(() => frame.open && logText(frame).includes("Looks like something isn't working — can I help?"));
    await frame.updateComplete;
    expect(document.activeElement, 'an intervention never moves focus').to.equal(focused);
    // The visitor goes into the panel (here its textbox), then presses Escape.
    await clickOn(frame.shadowRoot!.querySelector('textarea')!);
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => !frame.open, 'Escape did not close the chat');
    expect((await waitForFeedback(sessionId, 'show_live_chat')).was_helpful).to.equal(false);

    runner.consider(snapshot('show_live_chat', 'frustrated'));
    runner.consider(snapshot('show_recommendations', 'browsing'));
    await frame.updateComplete;
    expect(frame.open).to.equal(false);
    expect(suggested.slice(-2).map((s) => s.skipped)).to.deep.equal(['user_closed_chat', 'user_closed_chat']);
    expect(JSON.parse(sessionStorage.getItem('mooni_embed')!).closed).to.equal(true);
  });

  it('closing the chat through the API is not the user closing it', async () => {
    const { runner, frame } = await setup({}, { cooldown: 0 });
    frame.show();
    await frame.updateComplete;
    runner.close();
    await frame.updateComplete;
    expect(frame.open).to.equal(false);
    runner.consider(snapshot('show_live_chat', 'frustrated'));
    await waitUntil(() => frame.open, 'the chat should open: the user never closed it');
  });

  it('show_recommendations: a card list of the help topics; pressing a card button is was_helpful: true', async () => {
    const { runner, frame, sessionId } = await setup(
      {},
      {
        recommendations: [{ title: 'Shipping', subtitle: 'Times and costs', question: 'How long does shipping take?' }],
      },
    );
    runner.consider(snapshot('show_recommendations', 'browsing'));
    await frame.updateComplete;
    // Browsing gets nothing that appears by itself: the cards wait in the chat until the visitor opens it.
    expect(frame.open).to.equal(false);
    expect(nudge()).to.equal(null);
    frame.show();
    await waitUntil(() => logText(frame).includes('Shipping'), 'no card list in the chat');
    expect(logText(frame)).to.contain('A few things people often look for:');
    await frame.updateComplete;
    // The panel slides in: press the button where it comes to rest.
    await Promise.all(frame.shadowRoot!.getAnimations().map((animation) => animation.finished));
    const button = [...frame.shadowRoot!.querySelectorAll<HTMLElement>('[part~="card-button"]')].find((b) =>
      b.textContent!.includes('How long does shipping take?'),
    )!;
    await clickOn(button);
    expect((await waitForFeedback(sessionId, 'show_recommendations')).was_helpful).to.equal(true);
  });

  it('show_exit_offer: a bubble whose button opens the chat ready to type, sending nothing', async () => {
    const { runner, frame, sessionId } = await setup();
    const focused = document.activeElement;
    const sent: Event[] = [];
    frame.addEventListener('mooni-send', (event) => sent.push(event));
    runner.consider(snapshot('show_exit_offer', 'disengaged'));
    const root = await shownNudge();
    await waitUntil(() => root.textContent!.includes('Is something holding you back?'), 'no exit offer');
    expect(root.textContent).to.contain('Before you go');
    expect(frame.open).to.equal(false);
    expect(document.activeElement).to.equal(focused);
    await clickOn(root.querySelector('button.go')!);
    await waitUntil(() => frame.open, 'the button did not open the chat');
    await waitUntil(() => frame.shadowRoot!.activeElement?.matches('textarea'), 'the textbox has no focus');
    expect(sent).to.deep.equal([]);
    expect((await waitForFeedback(sessionId, 'show_exit_offer')).was_helpful).to.equal(true);
    expect(nudge()).to.equal(null);
  });

  it('the exit offer goes where the host said instead, when it said', async () => {
    const { runner } = await setup({}, { exitOfferUrl: 'javascript:alert(1)' });
    runner.consider(snapshot('show_exit_offer', 'disengaged'));
    const root = await shownNudge();
    // Not an http(s) address: the button falls back to opening the chat.
    await clickOn(root.querySelector('button.go')!);
    expect(location.protocol).to.match(/^https?:$/);
  });

  it('a host veto (preventDefault) stops the intervention and does not start the cooldown', async () => {
    const { runner, frame, sessionId, suggested } = await setup();
    const veto = (event: Event) => event.preventDefault();
    addEventListener('mooni:action.suggested', veto, { once: true });
    runner.consider(snapshot('show_live_chat', 'frustrated'));
    await frame.updateComplete;
    expect(frame.open).to.equal(false);
    expect(suggested[0]).to.include({ action: 'show_live_chat', intervention: 'open_chat', mood: 'frustrated' });
    expect(await recordedFeedback(sessionId)).to.deep.equal([]);
    runner.consider(snapshot('show_live_chat', 'frustrated'));
    await waitUntil(() => frame.open, 'without a veto the chat opens');
  });

  it('one intervention per cooldown, and none while the user types (it comes once they pause)', async () => {
    const options: MooniOptions = {};
    const { runner, suggested } = await setup({ cooldown: '180' }, options);
    runner.consider(snapshot('show_tooltip'));
    await shownNudge();
    document.querySelector('[data-mooni-nudge]')!.remove();
    runner.consider(snapshot('show_tooltip'));
    expect(suggested.at(-1)).to.include({ intervention: null, skipped: 'cooldown' });
    expect(nudge()).to.equal(null);

    options.cooldown = 0;
    const input = await fixture<HTMLInputElement>(html`<input aria-label="Coupon" />`);
    input.focus();
    await sendKeys({ type: 'ab' });
    runner.consider(snapshot('show_tooltip'));
    expect(suggested.at(-1)).to.include({ intervention: null, skipped: 'typing' });
    expect(nudge()).to.equal(null);
    await waitUntil(() => nudge(), 'the nudge did not come after the typing pause');
    expect(input.value).to.equal('ab');
  });

  it('data-interventions="off" reports the suggestion and does nothing; no_action is silent', async () => {
    const { runner, frame, suggested } = await setup({ interventions: 'off' });
    runner.consider(snapshot('no_action', 'focused'));
    expect(suggested).to.deep.equal([]);
    runner.consider(snapshot('show_live_chat', 'frustrated'));
    await frame.updateComplete;
    expect(frame.open).to.equal(false);
    expect(suggested[0]).to.include({ intervention: null, skipped: 'disabled' });
  });

  it('silence for the whole feedback window sends feedback without was_helpful', async () => {
    const { runner, sessionId } = await setup({ feedbackWindow: '0.1' });
    runner.consider(snapshot('show_tooltip'));
    const item = await waitForFeedback(sessionId, 'show_tooltip');
    expect(item).to.not.have.property('was_helpful');
    expect(item.notes).to.equal('no response');
    expect(nudge()).to.equal(null);
  });
});

// Leave the tab as found: later test files may run in it.
after(() => sessionStorage.clear());
