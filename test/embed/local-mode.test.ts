// data-tracker-mode="local": the mood is scored in the page by the mood engine, which the embed loads on demand
// (it is not part of mooni.iife.js); no event leaves the page, and the interventions still follow the mood.
import { expect, waitUntil } from '@open-wc/testing';
import type { MooniApi, MooniHookMap } from '../../src/embed/mooni-api.js';
import { loadScript, logText } from './helpers.js';

const page = window as unknown as { Mooni: MooniApi };
const requests: string[] = [];
const moods: MooniHookMap['mood.changed'][] = [];

before(async () => {
  sessionStorage.clear();
  new PerformanceObserver((list) => list.getEntries().forEach((entry) => requests.push(entry.name))).observe({
    type: 'resource',
    buffered: true,
  });
  addEventListener('mooni:mood.changed', (event) => moods.push(event.detail));
  await loadScript('/src/embed/mooni-iife.ts', {
    'api-key': 'mooni_demo_key',
    'api-base': '',
    'tracker-mode': 'local',
  });
  await waitUntil(() => page.Mooni?.version, 'window.Mooni was not set up');
});

describe('the embed in local tracker mode', () => {
  it('loads the mood engine on first use, scores a frustrated user in the page and opens the chat', async () => {
    const tracker = page.Mooni.tracker!;
    expect(tracker, 'local mode starts a tracker without a mood key').to.not.equal(null);
    for (let i = 0; i < 4; i++) tracker.track({ type: 'rage_click', x: 10, y: 10 });
    tracker.error('Payment failed');
    tracker.error('Payment failed');
    await waitUntil(() => moods.at(-1)?.mood === 'frustrated', 'no frustrated mood from the local engine');
    expect(moods.at(-1)).to.include({ suggestedAction: 'show_live_chat', sessionId: tracker.sessionId });
    const frame = page.Mooni.frame as HTMLElement & { open: boolean };
    await waitUntil(
      () => frame.open && logText(frame).includes("Looks like something isn't working"),
      'the chat did not open',
    );
    expect(
      requests.some((url) => url.includes('/mood/engine.ts')),
      'the engine was loaded on demand',
    ).to.equal(true);
    expect(
      requests.filter((url) => url.includes('/v1/sessions/')),
      'nothing sent to SessionMood',
    ).to.deep.equal([]);
  });
});

// Leave the tab as found: later test files may run in it.
after(() => sessionStorage.clear());
