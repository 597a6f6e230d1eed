import { expect, fixture, html } from '@open-wc/testing';
import type { MooniFrame } from '../../../src/chat/mooni-frame.js';
import type { Template } from '../../../src/chat/model.js';
import { $, DEMO_KEY, pictureOf, stillMotion, uniqueSession } from './helpers.js';
import { differingShare } from './pixels.js';

/** What a host page's own stylesheet does to every element it can reach (the list). */
const HOSTILE_CSS = `
  html { font-size: 62.5%; }
  * { line-height: 3; letter-spacing: 2px; box-sizing: content-box; }
  button { border-radius: 50px; padding: 15px 45px; }
  [hidden] { display: block; }
`;

/** At most this share of the panel's pixels may differ between a clean host page and a hostile one. */
const MOST_DIFFERING = 0.01;

const templates: Template[] = [
  {
    type: 'quick_reply',
    prompt: 'Was this helpful?',
    replies: [
      { type: 'message', label: 'Yes, thanks', message: 'yes' },
      { type: 'message', label: 'Not really', message: 'no' },
    ],
  },
  {
    type: 'card',
    cards: [
      { title: 'Returns', subtitle: 'Within 30 days', buttons: [{ type: 'message', label: 'Start a return' }] },
      { title: 'Delivery', subtitle: '2 to 4 days', buttons: [{ type: 'message', label: 'Track my order' }] },
    ],
  },
];

/** A host page with its own text and button (left, out of the panel's way) and an open panel with content. */
async function hostPage(theme: 'light' | 'dark') {
  await stillMotion();
  const page = await fixture<HTMLDivElement>(html`
    <div>
      <p>Our shop's own text.</p>
      <button>Buy now</button>
      <mooni-frame api-key=${DEMO_KEY} session-id=${uniqueSession()} theme=${theme} open></mooni-frame>
    </div>
  `);
  const el = page.querySelector<MooniFrame>('mooni-frame')!;
  await el.updateComplete;
  el.say({ text: 'Hello! Here is **what we can do** for you today.', templates });
  await el.updateComplete;
  // The caret would blink between the two pictures.
  (document.activeElement as HTMLElement | null)?.blur();
  return el;
}

/**
 * The picture of `rect` once the page is still: two in a row alike (an overlay scrollbar fading out, a late
 * font, would otherwise differ between two pictures of the same page).
 */
async function stillPicture(rect: DOMRect, save: string) {
  let previous = await pictureOf(rect);
  for (let attempt = 0; attempt < 10; attempt++) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    const next = await pictureOf(rect, save);
    if (differingShare(previous, next, 0) === 0) return next;
    previous = next;
  }
  throw new Error('the page never stood still for two pictures');
}

/** The panel's picture on the clean page, then with the hostile stylesheet added to it; saved when asked. */
async function cleanAndHostile(el: MooniFrame, name: string) {
  const panel = $(el, '[part="panel"]')!;
  const before = panel.getBoundingClientRect();
  const clean = await stillPicture(before, `${name}-clean.png`);
  const style = document.createElement('style');
  style.textContent = HOSTILE_CSS;
  document.head.append(style);
  try {
    const after = panel.getBoundingClientRect();
    expect([after.x, after.y, after.width, after.height]).to.deep.equal([
      before.x,
      before.y,
      before.width,
      before.height,
    ]);
    const hostile = await stillPicture(before, `${name}-hostile.png`);
    return { share: differingShare(clean, hostile), textbox: getComputedStyle($(el, '[part="input"]')!).fontSize };
  } finally {
    style.remove();
  }
}

describe('<mooni-frame> on a host page with hostile CSS', () => {
  it('the open panel looks the same as on a clean page (≤ 1 % of its pixels differ), light theme', async () => {
    const el = await hostPage('light');
    const { share, textbox } = await cleanAndHostile(el, 'light');
    expect(share, `${(share * 100).toFixed(2)} % of the panel's pixels differ`).to.be.at.most(MOST_DIFFERING);
    // 16 px or more: focusing the textbox never zooms a phone's page, whatever the page's root font size.
    expect(parseFloat(textbox)).to.be.at.least(16);
  });

  it('the open panel looks the same as on a clean page (≤ 1 % of its pixels differ), dark theme', async () => {
    const el = await hostPage('dark');
    const { share } = await cleanAndHostile(el, 'dark');
    expect(share, `${(share * 100).toFixed(2)} % of the panel's pixels differ`).to.be.at.most(MOST_DIFFERING);
  });

  it('the pictures would show a difference: the same panel with its text at twice the line height differs', async () => {
    const el = await hostPage('light');
    const panel = $(el, '[part="panel"]')!;
    const rect = panel.getBoundingClientRect();
    const clean = await pictureOf(rect);
    $(el, '.bubble')!.style.lineHeight = '3';
    const changed = await pictureOf(rect);
    expect(differingShare(clean, changed)).to.be.above(MOST_DIFFERING);
  });
});
