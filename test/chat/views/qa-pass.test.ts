import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { MooniFrame } from '../../../src/chat/mooni-frame.js';
import type { MooniRateDetail } from '../../../src/chat/events.js';
import { loadConversation } from '../../../src/chat/history/index.js';
import { DEMO_QUERIES } from '../../../src/mock/demo-queries.js';
import { showBubble } from '../../../src/embed/bubble.js';
import { $, $$, ask, lastMessage, mount, next, settled, slowFetch, typeAndSend } from '../element/helpers.js';
import { until } from '../../support/wait.js';

/** A button of the shadow tree by its accessible name (aria-label, else its text). */
const button = (el: MooniFrame, name: string, within: ParentNode = el.shadowRoot!) =>
  [...within.querySelectorAll<HTMLButtonElement>('button')].find(
    (b) => (b.getAttribute('aria-label') ?? b.textContent!.trim()) === name,
  );

/** WCAG relative luminance of a computed `rgb(…)` colour. */
function luminance(color: string): number {
  const [r, g, b] = (color.match(/[\d.]+/g) ?? []).slice(0, 3).map((part) => {
    const c = Number(part) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
}
const contrast = (a: string, b: string) => {
  const [light, dark] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (light! + 0.05) / (dark! + 0.05);
};

describe('chat, as the QA pass found it', () => {
  it('a card button reached with Tab is scrolled into the card list with its whole focus ring', async () => {
    const el = await mount({ theme: 'light' });
    await ask(el, DEMO_QUERIES.card);
    const list = $(el, '.cards')!;
    const first = $$<HTMLElement>(el, '[part="card-button"]')[0]!;
    first.focus();
    // "Buy a gift box", then "Check my balance": both in the second card, partly outside the list at first.
    await sendKeys({ press: 'Tab' });
    await sendKeys({ press: 'Tab' });
    const focused = el.shadowRoot!.activeElement as HTMLElement;
    expect(focused.textContent!.trim()).to.equal('Check my balance');
    await new Promise((resolve) => setTimeout(resolve, 400)); // a smooth scroll, if any, ends
    const ring = Number.parseFloat(getComputedStyle(focused).outlineWidth);
    const offset = Number.parseFloat(getComputedStyle(focused).outlineOffset);
    const reach = ring + offset;
    const box = focused.getBoundingClientRect();
    for (const clip of [list, focused.closest('[part="card"]')!]) {
      const area = clip.getBoundingClientRect();
      expect(box.left - reach, 'ring inside on the left').to.be.at.least(area.left - 0.5);
      expect(box.right + reach, 'ring inside on the right').to.be.at.most(area.right + 0.5);
      expect(box.top - reach, 'ring inside at the top').to.be.at.least(area.top - 0.5);
      expect(box.bottom + reach, 'ring inside at the bottom').to.be.at.most(area.bottom + 0.5);
    }
  });

  it('Copy copies the answer as it reads, not its Markdown', async () => {
    const el = await mount();
    await ask(el, DEMO_QUERIES.markdown);
    const raw = el.messages.at(-1)!.text;
    expect(raw, 'the mock answers this in Markdown').to.match(/\*\*|\]\(/);
    const copied: string[] = [];
    const clipboard = navigator.clipboard;
    const writeText = clipboard.writeText;
    // The page's clipboard is the boundary here: what reaches it is recorded, nothing else changes.
    clipboard.writeText = async (text: string) => void copied.push(text);
    try {
      button(el, 'Copy', lastMessage(el))!.click();
      await until(() => copied.length, 'a copy');
    } finally {
      clipboard.writeText = writeText;
    }
    const text = copied[0]!;
    expect(text).to.not.match(/\*\*|\]\(|^#/m);
    const rendered = lastMessage(el).querySelector('.bubble')!;
    for (const strong of rendered.querySelectorAll('strong')) expect(text).to.contain(strong.textContent!);
    for (const link of rendered.querySelectorAll('a')) expect(text).to.contain(`${link.textContent} (${link.href})`);
    for (const [index, item] of [...rendered.querySelectorAll('ol > li')].entries())
      expect(text).to.contain(`${index + 1}. ${item.textContent!.trim().slice(0, 12)}`);
    await until(() => button(el, 'Copy', lastMessage(el))!.textContent!.includes('Copied'), 'Copied shown');
  });

  it('a rating can be taken back: pressing the pressed thumb again clears it, and the event says so', async () => {
    const el = await mount();
    await ask(el, DEMO_QUERIES.answer);
    const answer = lastMessage(el);
    const helpful = () => button(el, 'Helpful', lastMessage(el))!;
    const rated = next(el, 'mooni-rate');
    helpful().click();
    expect((await rated).detail).to.include({ rating: 'helpful' });
    await el.updateComplete;
    expect(helpful().getAttribute('aria-pressed')).to.equal('true');
    const undone = next(el, 'mooni-rate');
    helpful().click();
    const detail: MooniRateDetail = (await undone).detail;
    expect(detail.messageId).to.equal(el.messages.at(-1)!.id);
    expect(detail.rating).to.equal(undefined);
    await el.updateComplete;
    expect(helpful().getAttribute('aria-pressed')).to.equal('false');
    expect(answer.isConnected).to.equal(true);
    await until(
      async () => (await loadConversation(el.sessionId)).at(-1)?.rating === undefined,
      'the stored answer unrated',
    );
  });

  it('the pressed thumb differs by shape, not only colour, with 3:1 contrast', async () => {
    const el = await mount({ theme: 'light' });
    await ask(el, DEMO_QUERIES.answer);
    const helpful = button(el, 'Helpful', lastMessage(el))!;
    const notHelpful = button(el, 'Not helpful', lastMessage(el))!;
    helpful.click();
    await el.updateComplete;
    const pressed = getComputedStyle(helpful);
    const plain = getComputedStyle(notHelpful);
    const pressedIcon = getComputedStyle(helpful.querySelector('svg')!);
    const plainIcon = getComputedStyle(notHelpful.querySelector('svg')!);
    expect(pressedIcon.fillOpacity, 'the pressed thumb is solid').to.equal('1');
    expect(pressedIcon.fill).to.not.equal('none');
    expect(plainIcon.fill, 'the other is an outline').to.equal('none');
    expect(pressed.boxShadow, 'a ring marks the pressed button').to.not.equal('none');
    expect(plain.boxShadow).to.equal('none');
    const surface = getComputedStyle($(el, '[part="panel"]')!).backgroundColor;
    expect(contrast(pressed.color, surface)).to.be.at.least(3);
  });

  it('a question sent while an answer streams: the panel says first that it stops the answer, then marks it Stopped', async () => {
    const el = await mount();
    el.fetcher = slowFetch(40);
    await typeAndSend(el, DEMO_QUERIES.answer);
    await until(() => el.messages.at(-1)!.text, 'first text');
    const textbox = $<HTMLTextAreaElement>(el, 'textarea')!;
    textbox.value = DEMO_QUERIES.markdown;
    textbox.dispatchEvent(new Event('input'));
    await el.updateComplete;
    const described = (textbox.getAttribute('aria-describedby') ?? '').split(' ').filter(Boolean);
    const hint = described.map((id) => el.shadowRoot!.getElementById(id)?.textContent ?? '').join(' ');
    expect(hint).to.contain('stops the answer');
    el.fetcher = undefined;
    const done = settled(el);
    $<HTMLButtonElement>(el, 'button[part="send-button"]')!.click();
    expect(await done).to.equal('answer');
    await el.updateComplete;
    const bots = el.messages.filter((m) => m.role === 'bot');
    expect(bots.map((m) => m.state)).to.deep.equal(['stopped', 'done']);
    const stopped = $$(el, '[part~="bot-message"]')[0]!;
    expect(stopped.querySelector('[part="note"]')!.textContent).to.contain('Stopped');
  });

  it('the welcome state offers the suggested questions the page configured; pressing one asks it', async () => {
    const el = await mount();
    el.suggestions = ['How long does shipping take?', 'How do I return an item?'];
    await el.updateComplete;
    const group = $(el, '.welcome [role="group"]')!;
    expect(group, 'a group of suggestions').to.exist;
    const chips = $$<HTMLButtonElement>(el, '.welcome [part="chip"]');
    expect(chips.map((chip) => chip.textContent!.trim())).to.deep.equal(el.suggestions);
    const sent = next(el, 'mooni-send');
    const done = settled(el);
    chips[1]!.click();
    expect((await sent).detail).to.deep.equal({ text: 'How do I return an item?', source: 'suggestion' });
    await done;
    await el.updateComplete;
    expect($(el, '.welcome'), 'the welcome state is gone').to.equal(null);
  });

  it('the out-of-scope answer has a straight accent at its start edge', async () => {
    const el = await mount({ theme: 'light' });
    await ask(el, DEMO_QUERIES.outOfScope);
    const bubble = lastMessage(el).querySelector<HTMLElement>('.bubble')!;
    const style = getComputedStyle(bubble);
    expect(Number.parseFloat(style.borderInlineStartWidth), 'an accent edge').to.be.at.least(3);
    expect(style.borderInlineStartStyle).to.equal('solid');
    expect(style.borderStartStartRadius, 'square where the accent is').to.equal('0px');
    expect(style.borderEndStartRadius).to.equal('0px');
    expect(style.boxShadow, 'no inset stroke following the corners').to.equal('none');
  });
});

describe('the nudge beside the widget', () => {
  afterEach(() => document.querySelectorAll('[data-mooni-nudge]').forEach((nudge) => nudge.remove()));

  it('its buttons have the panel buttons’ shape, size, font and keyboard focus ring', async () => {
    const el = await mount({ theme: 'light' });
    const host = showBubble({
      label: 'Help',
      text: 'Need help? Ask us anything.',
      action: 'Ask a question',
      dismiss: 'Dismiss',
      onAction() {},
      onDismiss() {},
    });
    await new Promise((resolve) => requestAnimationFrame(resolve));
    const root = host.shadowRoot!;
    const go = button(el, 'Ask a question', root)!;
    const dismiss = button(el, 'Dismiss', root)!;
    const panel = getComputedStyle($(el, '[part="panel"]')!);
    const iconButton = button(el, 'New conversation')!;
    const icon = getComputedStyle(iconButton);
    const send = getComputedStyle($(el, '[part="send-button"]')!);
    el.suggestions = ['How long does shipping take?'];
    await el.updateComplete;
    const suggestion = getComputedStyle($(el, '.welcome [part="chip"]')!);

    expect(getComputedStyle(go).borderRadius, 'the action: a pill like the chips').to.equal(suggestion.borderRadius);
    expect(getComputedStyle(go).fontSize).to.equal(suggestion.fontSize);
    expect(getComputedStyle(go).fontFamily).to.equal(panel.fontFamily);
    const box = dismiss.getBoundingClientRect();
    const iconBox = iconButton.getBoundingClientRect();
    expect([box.width, box.height], '× is the size of the panel’s icon buttons').to.deep.equal([
      iconBox.width,
      iconBox.height,
    ]);
    expect(getComputedStyle(dismiss).borderRadius).to.equal(icon.borderRadius);

    go.focus();
    await sendKeys({ press: 'Tab' });
    expect(root.activeElement, 'Tab reaches ×').to.equal(dismiss);
    const ring = getComputedStyle(dismiss);
    expect([ring.outlineStyle, ring.outlineWidth, ring.outlineOffset]).to.deep.equal(['solid', '2px', '2px']);
    expect(ring.outlineColor, 'the accent, as the panel’s ring').to.equal(send.backgroundColor);
  });
});
