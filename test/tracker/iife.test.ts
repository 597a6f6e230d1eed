import { expect } from '@open-wc/testing';
import type { Tracker } from '../../src/tracker.js';
import { received } from './helpers.js';

describe('tracker.iife entry', () => {
  it('starts from its script tag data-* and joins an existing window.Mooni without clobbering it', async () => {
    const open = () => 'kept';
    const w = window as unknown as { Mooni?: { open?: () => string; tracker?: Tracker } };
    w.Mooni = { open };
    const tag = document.createElement('script');
    tag.type = 'text/plain'; // stands in for the loading tag: same attributes, nothing to run
    tag.dataset.moodKey = 'sm_demo_key';
    tag.dataset.moodBase = location.origin;
    document.head.append(tag);
    sessionStorage.setItem('sm_session_id', `iife-${crypto.randomUUID()}`);
    try {
      await import('../../src/embed/tracker-iife.js');
      const tracker = w.Mooni!.tracker!;
      expect(w.Mooni!.open).to.equal(open);
      expect(tracker.sessionId).to.equal(sessionStorage.getItem('sm_session_id'));
      tracker.error('from the script tag');
      await tracker.flush();
      const got = await received(tracker.sessionId);
      expect(got.map((e) => e.type)).to.deep.equal(['page_view', 'error']);
      tracker.stop();
    } finally {
      tag.remove();
    }
  });
});
