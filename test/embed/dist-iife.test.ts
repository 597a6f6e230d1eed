// The built dist/mooni.iife.js (`npm test` builds dist/ before the browser run) as a customer loads it: an
// async classic <script> with data-* options, after the pre-load snippet, on a page served with the strict
// Content-Security-Policy. The page is framed full-size at the top left so real mouse input lands in it.
import { expect, waitUntil } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse } from '@web/test-runner-commands';
import type { MooniApi } from '../../src/embed/mooni-api.js';
import { logText, waitForFeedback } from './helpers.js';

type ShopWindow = Window & {
  Mooni: MooniApi;
  __watch: { violations: string[]; errors: string[] };
  __moods: string[];
};

let w: ShopWindow;

/** Loads a test page in a frame of this document and returns the frame, once the page has loaded. */
async function framePage(src: string, title: string, style = ''): Promise<HTMLIFrameElement> {
  const iframe = document.createElement('iframe');
  iframe.title = title;
  iframe.style.cssText = style;
  iframe.src = src;
  const loaded = new Promise((resolve) => iframe.addEventListener('load', resolve, { once: true }));
  document.body.append(iframe);
  await loaded;
  return iframe;
}

before(async () => {
  sessionStorage.clear(); // a new visitor (a same-origin frame shares this tab's sessionStorage)
  const iframe = await framePage(
    '/test/embed/csp/shop.html',
    'shop',
    'position:fixed;inset:0;width:100vw;height:100vh;border:0',
  );
  w = iframe.contentWindow as ShopWindow;
  await waitUntil(
    () => w.Mooni?.version,
    'dist/mooni.iife.js did not set up window.Mooni (run `npm run build` first)',
    {
      timeout: 5000,
    },
  );
});

after(() => resetMouse());

describe('dist/mooni.iife.js in an async script tag under a strict CSP', () => {
  it('reads its data-* options from its own tag, runs the queued calls, and breaks no policy', async () => {
    expect(w.Mooni.version).to.match(/^\d+\.\d+\.\d+/);
    const frame = w.document.querySelector('mooni-frame')!;
    expect(frame.getAttribute('api-key')).to.equal('mooni_demo_key');
    expect(w.Mooni.tracker!.sessionId).to.be.a('string');
    await waitUntil(() => logText(frame).includes('Queued before the bundle loaded'), 'the queued say() did not run');
    expect(w.__watch.violations).to.deep.equal([]);
    expect(w.__watch.errors).to.deep.equal([]);
  });

  it('rage-clicking the failing Pay button opens the chat with a kind message; answering records helpful feedback', async () => {
    const pay = w.document.getElementById('pay')!.getBoundingClientRect();
    const at: [number, number] = [Math.round(pay.x + pay.width / 2), Math.round(pay.y + pay.height / 2)];
    for (let i = 0; i < 4; i++) await sendMouse({ type: 'click', position: at });
    await w.Mooni.tracker!.flush();

    const frame = w.document.querySelector('mooni-frame')!;
    await waitUntil(() => frame.open, 'the chat did not open', { timeout: 5000 });
    await waitUntil(() => logText(frame).includes("Looks like something isn't working — can I help?"));
    expect(w.__moods).to.include('frustrated');

    // The visitor goes to the chat's textbox (the intervention does not take focus), then asks.
    await waitUntil(() => frame.shadowRoot!.querySelector('textarea'), 'no textbox');
    const box = frame.shadowRoot!.querySelector('textarea')!.getBoundingClientRect();
    const offset = w.frameElement!.getBoundingClientRect();
    await sendMouse({
      type: 'click',
      position: [Math.round(offset.x + box.x + box.width / 2), Math.round(offset.y + box.y + box.height / 2)],
    });
    await sendKeys({ type: 'Why was my card declined?' });
    await sendKeys({ press: 'Enter' });
    const item = await waitForFeedback(w.Mooni.tracker!.sessionId, 'show_live_chat');
    expect(item.was_helpful).to.equal(true);
    expect(w.__watch.violations).to.deep.equal([]);
    expect(w.__watch.errors).to.deep.equal([]);
  });
});

describe('dist/mooni.iife.js in local tracker mode', () => {
  it('loads dist/mood-engine.js from beside the bundle on first use (the engine is not inlined) and scores in the page', async () => {
    sessionStorage.clear();
    const iframe = await framePage('/test/embed/csp/local.html', 'local');
    const local = iframe.contentWindow as ShopWindow;
    const moods: string[] = [];
    local.addEventListener('mooni:mood.changed', (event) =>
      moods.push((event as CustomEvent<{ mood: string }>).detail.mood),
    );
    const tracker = local.Mooni.tracker!;
    for (let i = 0; i < 4; i++) tracker.track({ type: 'rage_click', x: 10, y: 10 });
    tracker.error('Payment failed');
    tracker.error('Payment failed');
    await waitUntil(() => moods.includes('frustrated'), 'no mood from the on-demand engine', { timeout: 5000 });
    const loadedFiles = local.performance.getEntriesByType('resource').map((entry) => entry.name);
    expect(loadedFiles.some((url) => url.endsWith('/dist/mood-engine.js'))).to.equal(true);
    expect(loadedFiles.filter((url) => url.includes('/v1/sessions/'))).to.deep.equal([]);
    expect(local.__watch.violations).to.deep.equal([]);
    expect(local.__watch.errors).to.deep.equal([]);
    iframe.remove();
  });
});

describe('dist/mooni.iife.js and its panel module', () => {
  it('loads dist/mooni-panel.js from beside the bundle once (the restore of the conversation asks for it), with no second Lit', () => {
    const loadedFiles = w.performance.getEntriesByType('resource').map((entry) => entry.name);
    expect(loadedFiles.filter((url) => url.endsWith('/dist/mooni-panel.js'))).to.have.length(1);
    const frame = w.document.querySelector('mooni-frame')!;
    // The shared visually-hidden sheet, the frame's and the panel module's, each once.
    expect(new Set(frame.shadowRoot!.adoptedStyleSheets).size).to.equal(3);
    expect(frame.shadowRoot!.adoptedStyleSheets).to.have.length(3);
    expect((w as unknown as { litHtmlVersions: string[] }).litHtmlVersions).to.have.length(1);
  });

  it('without the panel module beside it, the open chat says it is unavailable, keeps the launcher, and Retry tries again', async () => {
    const iframe = await framePage('/test/embed/csp/no-panel.html', 'no panel');
    const alone = iframe.contentWindow as ShopWindow;
    await waitUntil(() => alone.Mooni?.version, 'the bundle did not start');
    alone.Mooni.open();
    const frame = alone.document.querySelector('mooni-frame')!;
    await frame.updateComplete;
    const dialog = frame.shadowRoot!.querySelector('[role="dialog"]')!;
    expect(dialog.textContent).to.include('Chat is unavailable right now.');
    const failedLoads = () =>
      alone.performance
        .getEntriesByType('resource')
        .filter((entry) => new URL(entry.name).pathname.endsWith('/no-panel/mooni-panel.js')).length;
    const before = failedLoads();
    expect(before).to.be.greaterThan(0);
    (dialog.querySelector('button') as HTMLButtonElement).click();
    await waitUntil(() => failedLoads() > before, 'Retry did not load again');
    await frame.updateComplete;
    expect(frame.shadowRoot!.querySelector('[role="dialog"]')!.textContent).to.include(
      'Chat is unavailable right now.',
    );
    expect(frame.shadowRoot!.querySelector('[part="launcher"]')).to.exist;
    expect(alone.__watch.violations).to.deep.equal([]);
    iframe.remove();
  });
});

// Leave the tab as found: later test files may run in it.
after(() => sessionStorage.clear());
