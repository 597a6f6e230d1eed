import { expect } from '@open-wc/testing';
import type { Template } from '../../../src/chat/model.js';
import { until } from '../../support/wait.js';
import { $, $$, lastMessage, mount, pictureOf } from './helpers.js';

const rectOf = (element: Element) => element.getBoundingClientRect();

const chipsAndCards: Template[] = [
  {
    type: 'quick_reply',
    prompt: 'هل كان هذا مفيدا؟',
    replies: [
      { type: 'message', label: 'نعم', message: 'yes' },
      { type: 'message', label: 'لا', message: 'no' },
    ],
  },
  {
    type: 'card',
    cards: [
      { title: 'الإرجاع', subtitle: 'خلال 30 يوما', buttons: [{ type: 'message', label: 'ابدأ' }] },
      { title: 'التوصيل', subtitle: '2 إلى 4 أيام', buttons: [{ type: 'message', label: 'تتبع' }] },
    ],
  },
];

/**
 * Where one character of a message's text is drawn: its box on screen. Text laid out in its own order puts the
 * characters of a left-to-right run left to right, whatever the panel's direction.
 */
function characterRect(message: Element, character: string): DOMRect {
  const walker = document.createTreeWalker(message, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const index = node.textContent!.indexOf(character);
    if (index < 0) continue;
    const range = document.createRange();
    range.setStart(node, index);
    range.setEnd(node, index + character.length);
    return range.getBoundingClientRect();
  }
  throw new Error(`no ${character} in the message`);
}

describe('<mooni-frame> right to left', () => {
  it('mirrors under dir="rtl": launcher and panel on the left, header, bubbles, chips and cards from the right', async () => {
    const el = await mount({ dir: 'rtl' });
    expect(rectOf($(el, '[part="launcher"]')!).left).to.equal(20);
    const panel = rectOf($(el, '[part="panel"]')!);
    expect(panel.left).to.equal(20);
    expect(rectOf($(el, '.avatar')!).left, 'the avatar starts the header, on the right').to.be.above(
      rectOf($(el, '#title')!).right,
    );
    el.say({ text: 'مرحبا! كيف يمكننا المساعدة؟', templates: chipsAndCards });
    el.send('أين طلبي؟');
    await el.updateComplete;
    const logElement = $(el, '[part="log"]')!;
    const log = rectOf(logElement);
    // Its scrollbar is on the left in a right-to-left box in Firefox: clientLeft counts it.
    const logLeft = log.left + logElement.clientLeft;
    const host = rectOf($(el, '[part~="host-message"] .bubble')!);
    expect(log.right - host.right, 'the answer side is the inline start: right').to.be.below(20);
    const user = rectOf($(el, '[part~="user-message"] .bubble')!);
    expect(user.left - logLeft, 'questions are on the left').to.be.below(20);
    const [yes, no] = $$(el, '[part="chip"]').map(rectOf);
    expect(yes!.left, 'the first chip is the rightmost').to.be.above(no!.right);
    const [returns, delivery] = $$(el, '[part="card"]').map(rectOf);
    expect(returns!.left, 'the first card is the rightmost').to.be.above(delivery!.right);
    expect(log.right - returns!.right).to.be.below(24);
    await until(() => lastMessage(el).getAttribute('aria-busy') === 'false', 'the answer ends');
    await pictureOf(new DOMRect(0, 0, innerWidth, innerHeight), 'rtl.png');
  });

  it('position="right" keeps the launcher on the right under dir="rtl"', async () => {
    const el = await mount({ dir: 'rtl', position: 'right', open: false });
    expect(innerWidth - rectOf($(el, '[part="launcher"]')!).right).to.equal(20);
  });

  it('lang="ar" (or he, fa, ur) mirrors it; a dir of its own wins', async () => {
    const arabic = await mount({ lang: 'ar', open: false });
    expect(arabic.dir).to.equal('rtl');
    expect(rectOf($(arabic, '[part="launcher"]')!).left).to.equal(20);
    arabic.remove();
    const chosen = await mount({ lang: 'he', dir: 'ltr', open: false });
    expect(innerWidth - rectOf($(chosen, '[part="launcher"]')!).right).to.equal(20);
  });

  it('follows the page’s direction: <html dir="rtl"> mirrors the element too', async () => {
    document.documentElement.dir = 'rtl';
    try {
      const el = await mount({ open: false });
      expect(rectOf($(el, '[part="launcher"]')!).left).to.equal(20);
    } finally {
      document.documentElement.removeAttribute('dir');
    }
  });

  it('renders each message in its own direction: English in a right-to-left panel, Hebrew in a left-to-right one', async () => {
    const rtl = await mount({ dir: 'rtl' });
    rtl.say('Your order ships today!');
    await rtl.updateComplete;
    const english = lastMessage(rtl);
    // Read in order, the "!" ends the sentence on its right; a right-to-left paragraph would draw it on the left.
    expect(characterRect(english, '!').left).to.be.above(characterRect(english, 'Y').right);
    rtl.remove();
    const ltr = await mount();
    ltr.say('ההזמנה שלך נשלחת היום!');
    await ltr.updateComplete;
    const hebrew = lastMessage(ltr);
    expect(characterRect(hebrew, '!').right).to.be.below(characterRect(hebrew, 'ה').left);
  });

  it('the textbox takes the direction of what is typed in it', async () => {
    const el = await mount({ dir: 'rtl' });
    const textbox = $<HTMLTextAreaElement>(el, '[part="input"]')!;
    expect(textbox.getAttribute('dir')).to.equal('auto');
    textbox.value = 'Where is my order?';
    expect(textbox.matches(':dir(ltr)')).to.equal(true);
  });
});
