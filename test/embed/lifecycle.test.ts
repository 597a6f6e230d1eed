// The embed's life cycle on a host page (an iframe of a served page, which can be reloaded and navigated, and two
// of which are two tabs of one origin): ready hook, shutdown/boot/identify, consent pending, theme="host", hiding
// the launcher, continuity across loads and tabs. Real element, real storage, the mock over HTTP.
import { expect } from '@open-wc/testing';
import { sendMouse } from '@web/test-runner-commands';
import type { MooniFrame } from '../../src/chat/mooni-frame.js';
import type { MooniApi } from '../../src/embed/mooni-api.js';
import { sleep, until } from '../support/wait.js';
import { logText } from './helpers.js';

type HostWindow = Window & { Mooni: MooniApi; readyCalls: MooniApi[] };

const frames: HTMLIFrameElement[] = [];

/** Loads the host page (data-* options as its query) in an iframe at the top left and waits for the embed. */
async function host(query = '', at: [number, number] = [0, 0]): Promise<HTMLIFrameElement> {
  const iframe = document.createElement('iframe');
  iframe.style.cssText = `position:fixed;left:${at[0]}px;top:${at[1]}px;width:400px;height:560px;border:0;z-index:9`;
  iframe.src = `/test/embed/lifecycle/host.html?${query}`;
  document.body.append(iframe);
  frames.push(iframe);
  await ready(iframe);
  return iframe;
}

const page = (iframe: HTMLIFrameElement) => iframe.contentWindow as HostWindow;
const chat = (iframe: HTMLIFrameElement) => page(iframe).document.querySelector('mooni-frame') as MooniFrame | null;

/** Reloads or navigates the iframe and waits for the embed of the new document (not the one still unloading). */
async function goTo(iframe: HTMLIFrameElement, move: (window: HostWindow) => void): Promise<HostWindow> {
  const before = page(iframe).document;
  move(page(iframe));
  await until(() => page(iframe)?.document !== before, 'the next document', 8000);
  return ready(iframe);
}

async function ready(iframe: HTMLIFrameElement): Promise<HostWindow> {
  await until(() => page(iframe)?.readyCalls?.length && chat(iframe)?.shadowRoot, 'the embed to be ready', 8000);
  return page(iframe);
}

/** Asks a question through the API and waits for the mock's whole answer. */
async function askIn(iframe: HTMLIFrameElement, question: string): Promise<void> {
  page(iframe).Mooni.send(question);
  await until(() => chat(iframe)?.messages.at(-1)?.state === 'done', 'the answer', 8000);
}

/** Every record of a Mooni IndexedDB database (none when it does not exist); opens nothing that is not there. */
async function records(name: string, store: string): Promise<unknown[]> {
  if (!(await indexedDB.databases()).some((database) => database.name === name)) return [];
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onerror = () => reject(request.error);
    request.onsuccess = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains(store)) return (db.close(), resolve([]));
      const all = db.transaction(store).objectStore(store).getAll();
      all.onsuccess = () => (db.close(), resolve(all.result));
    };
  });
}

const mooniDatabases = async () =>
  (await indexedDB.databases()).map((database) => database.name).filter((name) => name?.startsWith('mooni'));

/** A new visitor: nothing of an earlier test in this origin's storage (the iframes share it). */
async function newVisitor(): Promise<void> {
  localStorage.clear();
  sessionStorage.clear();
  for (const name of await mooniDatabases())
    await new Promise((resolve) => {
      const request = indexedDB.deleteDatabase(name!);
      // Not on `blocked`: the iframes of the test before have closed their connections once it completes.
      request.onsuccess = request.onerror = resolve;
    });
}

beforeEach(newVisitor);
afterEach(() => frames.splice(0).forEach((iframe) => iframe.remove()));

describe('ready hook', () => {
  it('onReady through the snippet queue runs once with window.Mooni; mooni:ready fires; a late onReady at once', async () => {
    const iframe = await host();
    const w = page(iframe);
    expect(w.readyCalls).to.have.length(1);
    expect(w.readyCalls[0]).to.equal(w.Mooni);
    let late: MooniApi | undefined;
    w.Mooni.onReady((api) => (late = api));
    expect(late).to.equal(w.Mooni);
    let event = 0;
    w.addEventListener('mooni:ready', () => event++);
    await w.Mooni.shutdown();
    w.Mooni.boot();
    expect(event, 'mooni:ready on boot').to.equal(1);
    expect(w.readyCalls, 'a queued onReady runs once, not at each boot').to.have.length(1);
  });
});

describe('shutdown, boot, identify', () => {
  it('shutdown removes the nodes, stops and flushes the tracker, and clears every Mooni key', async () => {
    const iframe = await host();
    const w = page(iframe);
    const before = [...w.document.body.children];
    w.Mooni.open();
    await askIn(iframe, 'How long does delivery take?');
    w.Mooni.intervene('show_tooltip');
    await until(() => w.document.querySelector('[data-mooni-nudge]'), 'the nudge');
    await until(async () => (await records('mooni-chat', 'conversations')).length, 'the conversation stored');
    expect(w.localStorage.getItem('mooni_session_id')).to.be.a('string');
    expect(w.sessionStorage.getItem('sm_session_id')).to.be.a('string');
    const tracker = w.Mooni.tracker!;
    tracker.track({ type: 'scroll' });
    expect(tracker.stats.queued).to.be.greaterThan(0);
    // A page hide keeps what is unsent in sessionStorage too, for the next page: shutdown clears that copy as well.
    w.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: true }));
    expect(
      Object.keys(w.sessionStorage).some((key) => key.startsWith('mooni_unsent_')),
      'the hide kept',
    ).to.equal(true);

    await w.Mooni.shutdown();
    expect(tracker.stats.queued, 'the tracker delivered what it saw before stopping').to.equal(0);
    expect(w.document.querySelector('mooni-frame')).to.equal(null);
    expect(w.document.querySelector('[data-mooni-nudge]')).to.equal(null);
    expect([...w.document.body.children].filter((node) => !before.includes(node))).to.deep.equal([]);
    expect(Object.keys(w.localStorage).filter((key) => /^(mooni|sm)_/.test(key))).to.deep.equal([]);
    expect(Object.keys(w.sessionStorage).filter((key) => /^(mooni|sm)_/.test(key))).to.deep.equal([]);
    expect(await records('mooni-chat', 'conversations')).to.deep.equal([]);
    expect(await records('mooni-tracker', 'spool')).to.deep.equal([]);
    // Its listeners are gone: a click on the page is no longer seen.
    const detected = tracker.stats.detected;
    const box = w.document.querySelector('#target')!.getBoundingClientRect();
    await sendMouse({ type: 'click', position: [Math.round(box.x + 5), Math.round(box.y + 5)] });
    await sleep(100);
    expect(tracker.stats.detected).to.equal(detected);

    w.Mooni.boot();
    await ready(iframe);
    const again = chat(iframe)!;
    expect(w.Mooni.tracker).to.not.equal(tracker);
    expect(w.Mooni.tracker!.sessionId, 'a new tracker session').to.not.equal(tracker.sessionId);
    expect(again.open).to.equal(false);
    expect(again.messages).to.deep.equal([]);
  });

  it("identify() switches user: nothing of the previous user's conversation shows or stays stored", async () => {
    const iframe = await host('user-id=alice');
    const w = page(iframe);
    w.Mooni.open();
    await askIn(iframe, 'How do I return an item?');
    await until(async () => (await records('mooni-chat', 'conversations')).length, 'alice conversation stored');
    const aliceSession = chat(iframe)!.sessionId;

    await w.Mooni.identify('bob', { userToken: 'signed-for-bob' });
    await ready(iframe);
    const frame = chat(iframe)!;
    expect(frame.getAttribute('user-id')).to.equal('bob');
    expect(frame.getAttribute('user-token')).to.equal('signed-for-bob');
    expect(frame.sessionId).to.not.equal(aliceSession);
    w.Mooni.open();
    await frame.updateComplete;
    expect(logText(frame)).to.not.contain('How do I return an item?');
    await askIn(iframe, 'Why did my payment fail?');
    await until(async () => (await records('mooni-chat', 'conversations')).length, 'bob conversation stored');
    const stored = JSON.stringify(await records('mooni-chat', 'conversations'));
    expect(stored).to.contain('Why did my payment fail?');
    expect(stored).to.not.contain('How do I return an item?');
  });
});

describe('consent pending', () => {
  it('the chat writes no storage until the visitor opens it', async () => {
    const iframe = await host('consent=pending');
    const w = page(iframe);
    // The panel module loads at idle; give everything time to write what it would.
    await until(() => chat(iframe)!.shadowRoot!.querySelector('.launcher'), 'the launcher');
    await sleep(1000);
    expect(w.localStorage.length, 'localStorage').to.equal(0);
    expect(w.sessionStorage.length, 'sessionStorage').to.equal(0);
    expect(await mooniDatabases(), 'IndexedDB').to.deep.equal([]);
    expect(w.document.cookie, 'cookies').to.equal('');

    const launcher = chat(iframe)!.shadowRoot!.querySelector('.launcher')!.getBoundingClientRect();
    await sendMouse({
      type: 'click',
      position: [Math.round(launcher.x + launcher.width / 2), Math.round(launcher.y + launcher.height / 2)],
    });
    await until(() => chat(iframe)!.open, 'the chat to open');
    await askIn(iframe, 'How long does delivery take?');
    expect(w.localStorage.getItem('mooni_session_id')).to.equal(chat(iframe)!.sessionId);
    await until(async () => (await records('mooni-chat', 'conversations')).length, 'the conversation stored');
    // The tracker still waits for the visitor's consent.
    expect(w.sessionStorage.getItem('sm_session_id')).to.equal(null);
  });

  it('Mooni.consent(true) lets the tracker send and the chat keep its conversation', async () => {
    const iframe = await host('consent=pending');
    const w = page(iframe);
    w.Mooni.tracker!.track({ type: 'scroll' });
    await sleep(300);
    expect(w.localStorage.length + w.sessionStorage.length).to.equal(0);
    w.Mooni.consent(true);
    await w.Mooni.tracker!.flush();
    expect(w.Mooni.tracker!.stats.sent).to.be.greaterThan(0);
    expect(w.sessionStorage.getItem('sm_session_id')).to.equal(w.Mooni.tracker!.sessionId);
    expect(w.localStorage.getItem('mooni_session_id')).to.equal(chat(iframe)!.sessionId);
  });
});

describe('theme="host" and the launcher', () => {
  const accent = (iframe: HTMLIFrameElement) =>
    getComputedStyle(chat(iframe)!.shadowRoot!.querySelector('.launcher')!).backgroundColor;
  const LIGHT = 'rgb(79, 70, 229)';
  const DARK = 'rgb(139, 143, 249)';

  it("follows the host's html[data-theme] and html.dark toggles", async () => {
    const iframe = await host('theme=host');
    const root = page(iframe).document.documentElement;
    await until(() => chat(iframe)!.shadowRoot!.querySelector('.launcher'), 'the launcher');
    expect(accent(iframe)).to.equal(LIGHT);
    root.dataset.theme = 'dark';
    await until(
      () => accent(iframe) === DARK,
      () => `dark after data-theme=dark, not ${accent(iframe)}`,
    );
    root.dataset.theme = 'light';
    await until(() => accent(iframe) === LIGHT, 'light after data-theme=light');
    root.classList.add('dark');
    await until(() => accent(iframe) === DARK, 'dark after class=dark');
    root.classList.remove('dark');
    await until(() => accent(iframe) === LIGHT, 'light again');
  });

  it('hideLauncher() hides the launcher (the panel still opens), showLauncher() brings it back', async () => {
    const iframe = await host();
    const w = page(iframe);
    const launcher = () => chat(iframe)!.shadowRoot!.querySelector<HTMLElement>('.launcher')!;
    await until(() => chat(iframe)!.shadowRoot!.querySelector('.launcher'), 'the launcher');
    w.Mooni.hideLauncher();
    expect(launcher().getBoundingClientRect().width).to.equal(0);
    w.Mooni.open();
    await until(() => chat(iframe)!.shadowRoot!.querySelector('textarea'), 'the panel');
    await chat(iframe)!.updateComplete;
    const textbox = chat(iframe)!.shadowRoot!.querySelector('textarea')!;
    expect(textbox.getBoundingClientRect().width, 'the panel shows').to.be.greaterThan(0);
    w.Mooni.close();
    await chat(iframe)!.updateComplete;
    w.Mooni.showLauncher();
    expect(launcher().getBoundingClientRect().width, 'the launcher is back').to.be.greaterThan(0);
  });
});

describe('continuity', () => {
  it('an open panel stays open, with its conversation, after a reload and a same-site navigation', async () => {
    const iframe = await host();
    page(iframe).Mooni.open();
    await askIn(iframe, 'How long does delivery take?');
    const sessionId = chat(iframe)!.sessionId;
    await until(async () => (await records('mooni-chat', 'conversations')).length, 'the conversation stored');

    await goTo(iframe, (window) => window.location.reload());
    await until(() => logText(chat(iframe)!).includes('How long does delivery take?'), 'the conversation restored');
    expect(chat(iframe)!.open).to.equal(true);
    expect(chat(iframe)!.sessionId).to.equal(sessionId);
    expect(page(iframe).document.activeElement, 'focus stays with the page').to.equal(page(iframe).document.body);

    await goTo(iframe, (window) => (window.location.href = '/test/embed/lifecycle/host.html?another=page'));
    await until(() => logText(chat(iframe)!).includes('How long does delivery take?'), 'the conversation, next page');
    expect(chat(iframe)!.open).to.equal(true);
  });

  it('a closed panel stays closed after a reload', async () => {
    const iframe = await host();
    page(iframe).Mooni.open();
    await chat(iframe)!.updateComplete;
    page(iframe).Mooni.close();
    await chat(iframe)!.updateComplete;
    await goTo(iframe, (window) => window.location.reload());
    await sleep(200);
    expect(chat(iframe)!.open).to.equal(false);
  });

  it('two tabs of one session: one conversation, a message sent in one shows in the other within 1 s', async () => {
    const first = await host();
    const second = await host('', [400, 0]);
    expect(chat(second)!.sessionId, 'one chat session').to.equal(chat(first)!.sessionId);
    expect(page(second).Mooni.tracker!.sessionId, 'one tracker session').to.equal(page(first).Mooni.tracker!.sessionId);
    page(second).Mooni.open();
    await chat(second)!.updateComplete;

    const sentAt = performance.now();
    page(first).Mooni.send('How do I return an item?');
    await until(() => logText(chat(second)!).includes('How do I return an item?'), 'the question in the other tab');
    const latency = performance.now() - sentAt;
    console.log(`cross-tab message latency: ${Math.round(latency)} ms`);
    expect(latency).to.be.lessThan(1000);
    await until(() => chat(first)!.messages.at(-1)?.state === 'done', 'the answer in the first tab', 8000);
    const answer = chat(first)!.messages.at(-1)!.text;
    await until(
      () => chat(second)!.messages.at(-1)?.text === answer,
      () =>
        `the answer in the other tab, which shows ${JSON.stringify(chat(second)!.messages.map(({ role, state, text }) => ({ role, state, text: text.slice(0, 40) })))}`,
    );
  });
});
