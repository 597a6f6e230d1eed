import { expect } from '@open-wc/testing';
import { executeServerCommand, setViewport } from '@web/test-runner-commands';
import type { MooniFrame } from '../../../src/chat/mooni-frame.js';
import { until } from '../../support/wait.js';
import { $, lastMessage, mount, pictureOf } from './helpers.js';

/** Narrow enough for the full-screen panel, wide enough for MiniBrowser's smallest window (447 px). */
const PHONE = { width: 460, height: 700 };
const DESKTOP = { width: 800, height: 600 };

const rectOf = (el: MooniFrame, selector: string) => $(el, selector)!.getBoundingClientRect();
const pageOverflow = () => {
  const { overflowX, overflowY } = getComputedStyle(document.documentElement);
  return [overflowX, overflowY];
};
/** The viewport follower is a chunk the panel loads once the panel can fill the screen: the lock comes with it. */
const pageLocked = () => until(() => pageOverflow().join() === 'hidden,hidden', 'the page locked behind the panel');

async function onPhone<T>(size: { width: number; height: number }, body: () => Promise<T>): Promise<T> {
  await setViewport(size);
  try {
    return await body();
  } finally {
    await setViewport(DESKTOP);
  }
}

describe('<mooni-frame> on a phone', () => {
  it('with the keyboard up (a visual viewport half the window, then panned) the composer and newest message stay in sight', async () => {
    await onPhone({ width: 390, height: 844 }, async () => {
      const el = await mount();
      for (let index = 1; index <= 12; index++) el.say(`Message number ${index}`);
      await el.updateComplete;
      const viewport = visualViewport!;
      /** The panel covers the visual viewport, its composer is inside it, the newest message is in the log's view. */
      const inSight = async (what: string) => {
        await until(() => {
          const panel = rectOf(el, '[part="panel"]');
          return Math.abs(panel.top - viewport.offsetTop) < 1 && Math.abs(panel.height - viewport.height) < 1;
        }, `${what}: the panel follows the visual viewport`);
        const composer = rectOf(el, 'form');
        expect(composer.top).to.be.at.least(viewport.offsetTop);
        expect(composer.bottom).to.be.at.most(viewport.offsetTop + viewport.height);
        const log = rectOf(el, '[part="log"]');
        const newest = lastMessage(el).getBoundingClientRect();
        expect(lastMessage(el).textContent).to.contain('Message number 12');
        expect(newest.bottom, `${what}: the newest message is in sight`).to.be.at.most(log.bottom + 1);
        expect(newest.top).to.be.at.least(log.top);
      };
      const footer = document.createElement('div');
      footer.style.cssText = 'position: fixed; bottom: 0; height: 10px; width: 10px';
      document.body.append(footer);
      $(el, '[part="input"]')!.focus();
      await executeServerCommand('visual-viewport', { scale: 2 });
      try {
        expect(viewport.height).to.be.closeTo(422, 1);
        await inSight('the keyboard up');
        // The browser pans the visual viewport (as Safari does to show what it scrolls to): the panel goes along.
        footer.scrollIntoView();
        await until(() => viewport.offsetTop > 0, 'the visual viewport is panned');
        await inSight('panned');
        await pictureOf(new DOMRect(0, 0, innerWidth, innerHeight), 'phone-390-keyboard.png');
      } finally {
        footer.remove();
        await executeServerCommand('visual-viewport', { scale: 1 });
      }
      await until(() => Math.abs(rectOf(el, '[part="panel"]').height - innerHeight) < 1, 'full height again');
    });
  });

  it('fills the screen and its composer sits at the bottom; the textbox is 16 px (no zoom on focus)', async () => {
    await onPhone(PHONE, async () => {
      const el = await mount();
      const panel = rectOf(el, '[part="panel"]');
      expect([panel.left, panel.top, panel.width, panel.height]).to.deep.equal([0, 0, PHONE.width, PHONE.height]);
      expect(rectOf(el, 'form').bottom).to.be.closeTo(PHONE.height - 12, 1);
      expect(parseFloat(getComputedStyle($(el, '[part="input"]')!).fontSize)).to.be.at.least(16);
      expect(getComputedStyle($(el, '[part="launcher"]')!).display, 'the launcher under the panel').to.equal('none');
    });
  });

  it('the host page does not scroll behind the full-screen panel, and gets its own overflow back exactly', async () => {
    await onPhone(PHONE, async () => {
      const root = document.documentElement;
      root.style.setProperty('overflow-y', 'scroll', 'important');
      root.style.setProperty('color', 'rgb(1, 2, 3)');
      try {
        const el = await mount({ open: false });
        const before = pageOverflow();
        el.show();
        await pageLocked();
        el.hide();
        await el.updateComplete;
        expect(pageOverflow()).to.deep.equal(before);
        expect([root.style.getPropertyValue('overflow-y'), root.style.getPropertyPriority('overflow-y')]).to.deep.equal(
          ['scroll', 'important'],
        );
        expect(root.style.getPropertyValue('overflow-x')).to.equal('');
        expect(root.style.color).to.equal('rgb(1, 2, 3)');
      } finally {
        root.removeAttribute('style');
      }
    });
  });

  it('a page without a style attribute has none after the panel closes or the element leaves', async () => {
    await onPhone(PHONE, async () => {
      const root = document.documentElement;
      expect(root.getAttribute('style')).to.equal(null);
      const el = await mount();
      await pageLocked();
      el.hide();
      await el.updateComplete;
      expect(root.hasAttribute('style')).to.equal(false);
      el.show();
      await el.updateComplete;
      expect(pageOverflow()).to.deep.equal(['hidden', 'hidden']);
      el.remove();
      expect(root.hasAttribute('style')).to.equal(false);
    });
  });

  it('on a wide screen the open panel leaves the page scrollable', async () => {
    const before = pageOverflow();
    const el = await mount();
    expect($(el, '[part="panel"]')!.hidden).to.equal(false);
    expect(pageOverflow()).to.deep.equal(before);
  });

  it('never touches the host page’s viewport meta', async () => {
    const meta = document.createElement('meta');
    meta.name = 'viewport';
    meta.content = 'width=device-width, initial-scale=1';
    document.head.append(meta);
    try {
      await onPhone(PHONE, async () => {
        const el = await mount({ open: false });
        el.show();
        await el.updateComplete;
        $(el, '[part="input"]')!.focus();
        el.hide();
        await el.updateComplete;
      });
      expect([...document.querySelectorAll('meta[name="viewport"]')].map((item) => item.outerHTML)).to.deep.equal([
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
      ]);
    } finally {
      meta.remove();
    }
  });
});

describe('<mooni-frame> launcher placement', () => {
  const launcherRect = (el: MooniFrame) => rectOf(el, '[part="launcher"]');

  it('sits 20 px from the bottom right by default, and on the left with position="left"', async () => {
    const el = await mount({ open: false });
    expect([innerWidth - launcherRect(el).right, innerHeight - launcherRect(el).bottom]).to.deep.equal([20, 20]);
    el.position = 'left';
    await el.updateComplete;
    expect(el.getAttribute('position')).to.equal('left');
    expect(launcherRect(el).left).to.equal(20);
    el.show();
    await el.updateComplete;
    expect(rectOf(el, '[part="panel"]').left, 'the panel opens on the same side').to.equal(20);
  });

  it('moves clear of the host page’s own buttons with --mooni-offset-x and --mooni-offset-y', async () => {
    const el = await mount();
    el.style.setProperty('--mooni-offset-x', '100px');
    el.style.setProperty('--mooni-offset-y', '90px');
    expect([innerWidth - launcherRect(el).right, innerHeight - launcherRect(el).bottom]).to.deep.equal([100, 90]);
    const panel = rectOf(el, '[part="panel"]');
    expect(innerWidth - panel.right).to.equal(100);
    expect(panel.bottom, 'the panel stays above the launcher').to.be.below(launcherRect(el).top);
    expect(panel.top, 'and inside the viewport').to.be.at.least(0);
  });
});
