import { expect } from '@open-wc/testing';
import type { Tracker } from '../../src/tracker.js';
import { received } from './helpers.js';

/** dist/tracker.iife.js as a site would use it (`npm test` builds dist/ before the browser tests). */
function load(attributes: Record<string, string>) {
  const tag = document.createElement('script');
  tag.src = '/dist/tracker.iife.js';
  for (const [k, v] of Object.entries(attributes)) tag.setAttribute(k, v);
  return new Promise<void>((resolve, reject) => {
    tag.onload = () => resolve();
    tag.onerror = () => reject(new Error('dist/tracker.iife.js did not load: run `npm run build` first'));
    document.head.append(tag);
  });
}

describe('dist/tracker.iife.js in a script tag', () => {
  it('starts itself from data-mood-key / data-mood-base, exposes window.Mooni.tracker, and a second load is harmless', async () => {
    const w = window as unknown as { Mooni?: { tracker?: Tracker; open?: () => void } };
    const open = () => {};
    w.Mooni = { open };
    sessionStorage.setItem('sm_session_id', `tag-${crypto.randomUUID()}`);
    await load({ 'data-mood-key': 'sm_demo_key', 'data-mood-base': location.origin });
    const tracker = w.Mooni!.tracker!;
    expect(w.Mooni!.open).to.equal(open);
    expect(tracker.sessionId).to.equal(sessionStorage.getItem('sm_session_id'));
    await load({ 'data-mood-key': 'sm_other_key' });
    expect(w.Mooni!.tracker).to.equal(tracker);
    tracker.track({ type: 'click', x: 5, y: 6 });
    tracker.error('shown to the user');
    await tracker.flush();
    expect((await received(tracker.sessionId)).map((e) => e.type)).to.deep.equal(['page_view', 'click', 'error']);
    tracker.stop();
  });
});
