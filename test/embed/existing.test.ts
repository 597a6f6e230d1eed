// The embed on a page that already has the pieces: tracker.iife.js loaded first, and a <mooni-frame> the
// page registered from its own copy of the element (e.g. the npm package) and placed itself.
import { expect, waitUntil } from '@open-wc/testing';
import type { MooniApi } from '../../src/embed/mooni-api.js';
import { loadScript } from './helpers.js';

const page = window as unknown as { Mooni: MooniApi };
const errors: unknown[] = [];

describe('mooni.iife.js on a page that has a tracker and a <mooni-frame> already', () => {
  it('reuses both and registers nothing twice', async () => {
    sessionStorage.clear();
    addEventListener('error', (event) => errors.push(event.error ?? event.message));

    await loadScript('/src/embed/tracker-iife.ts', { 'mood-key': 'sm_demo_key', 'mood-base': '' });
    const tracker = page.Mooni.tracker;
    expect(tracker?.sessionId).to.be.a('string');

    const copy = (await import(/* @vite-ignore */ `${'/src/chat/mooni-frame.component.ts'}?own-copy`)) as {
      default: CustomElementConstructor;
    };
    customElements.define('mooni-frame', copy.default);
    document.body.insertAdjacentHTML(
      'beforeend',
      '<mooni-frame id="mine" mode="inline" api-key="mooni_demo_key" api-base=""></mooni-frame>',
    );
    const mine = document.getElementById('mine')!;

    await loadScript('/src/embed/mooni-iife.ts', {
      'api-key': 'mooni_demo_key',
      'api-base': '',
      'mood-key': 'sm_demo_key',
    });
    await waitUntil(() => page.Mooni.version, 'window.Mooni was not set up');

    expect(customElements.get('mooni-frame')).to.equal(copy.default);
    expect(document.querySelectorAll('mooni-frame').length).to.equal(1);
    expect(page.Mooni.frame).to.equal(mine);
    expect(mine.getAttribute('mode'), "the page's own settings are kept").to.equal('inline');
    expect(page.Mooni.tracker).to.equal(tracker);
    page.Mooni.say('Hello from the host');
    await waitUntil(() => mine.shadowRoot?.textContent?.includes('Hello from the host'));
    expect(errors).to.deep.equal([]);
  });
});

// Leave the tab as found: later test files may run in it.
after(() => sessionStorage.clear());
