/**
 * The script-tag entry (dist/mooni.iife.js): registers `<mooni-frame>`, inserts a launcher unless the page
 * has one, starts the tracker unless one runs, turns suggested actions into interventions, and makes
 * `window.Mooni` (replaying calls queued before load). A second copy on the page does nothing.
 *
 * Its life cycle is the page's to drive: `shutdown()` undoes all of it (and forgets the visitor), `boot()` starts
 * it again, `identify()` is both around a new user.
 */
import '../chat/mooni-frame.js';
import { css } from 'lit';
import type { FetchLike } from '../chat/model.js';
import type { MooniFrame } from '../chat/mooni-frame.js';
import type { SocketConstructor } from '../chat/transports/realtime.js';
import { createTracker } from '../tracker/create-tracker.js';
import type { Tracker } from '../tracker/types.js';
import { parseConfig } from './config.js';
import { keepContinuity } from './continuity.js';
import { createEmbed } from './embed.js';
import { off, on, replay, type BootOptions, type HelpTopic, type MooniApi, type QueuedCall } from './mooni-api.js';

const LOADED = Symbol.for('mooni.embed');
type Host = Partial<Omit<MooniApi, 'q'>> & { q?: QueuedCall[] | MooniApi['q']; [LOADED]?: true };
const page = window as unknown as {
  Mooni?: Host;
  MooniMockFetch?: FetchLike;
  MooniMockWebSocket?: SocketConstructor;
};
const mooni = (page.Mooni ||= {});
// Only set while a classic script first runs (null for module scripts: Vite dev, tests).
const current = document.currentScript as HTMLScriptElement | null;

/** The questions of the page's help topics become the empty conversation's chips (else the element's own stay). */
function offerTopics(frame: MooniFrame, topics: HelpTopic[] | undefined): void {
  if (topics) frame.suggestions = topics.map((topic) => topic.question);
}

/**
 * `hideLauncher()`: the launcher's parts go, from the document (the element's own sheets are replaced when its
 * panel loads); the panel still opens through `Mooni.open()`.
 */
const HIDDEN_LAUNCHER = css`
  mooni-frame[data-launcher='hidden']::part(launcher),
  mooni-frame[data-launcher='hidden']::part(badge) {
    display: none;
  }
`.styleSheet as CSSStyleSheet; // every engine the embed supports adopts constructed sheets

let stopping: (() => Promise<void>) | undefined;
let ready = false;
const waiting: ((api: MooniApi) => void)[] = [];

function start(overrides: BootOptions = {}) {
  if (stopping) return;
  const script = current || document.querySelector<HTMLScriptElement>('script[data-api-key],script[data-mood-key]');
  const config = parseConfig({ ...script?.dataset, ...overrides });
  const options = (mooni.config ||= {});
  const fetcher = config.mock ? page.MooniMockFetch : undefined;

  let frame = document.querySelector<MooniFrame>('mooni-frame');
  const inserted = !frame;
  if (!frame) {
    frame = document.createElement('mooni-frame');
    for (const [name, value] of Object.entries(config.frame)) frame.setAttribute(name, value);
    document.body.append(frame);
  }
  // Before its first update (a microtask away), so its first request already goes through the fetcher.
  if (fetcher) frame.fetcher = fetcher;
  if (config.mock && page.MooniMockWebSocket) frame.webSocket = page.MooniMockWebSocket;
  if (options.strings) frame.strings = options.strings;
  offerTopics(frame, options.recommendations);
  // Consent pending: the chat keeps nothing in the browser until the visitor opens it or consent is given.
  const keeps = frame.persist;
  const consenting = config.tracker?.consent === 'pending' && keeps;
  if (consenting) frame.persist = false;
  // The element then keeps the conversation so far, under the session id it generated.
  const grant = () => {
    if (keeps) frame.persist = true;
  };
  const listening = new AbortController();
  if (consenting) frame.addEventListener('mooni-open', grant, { once: true, signal: listening.signal });
  const endContinuity = keepContinuity(frame);

  // Modules loaded on demand, like tracker.iife.js does: a file of dist/ beside the bundle, or its source when
  // this entry is itself served as TypeScript (Vite dev, tests).
  const src = script?.src || location.href;
  const beside = (file: string, source: string) =>
    import(/* @vite-ignore */ new URL(/\.ts($|\?)/.test(src) ? source : file, src).href);
  // The debug log first, so it sees the first decisions (a mood engine for 'local' mode: only in that mode).
  if (config.debug || options.debug) beside('mooni-debug.js', './debug-log.ts').then((m) => m.startDebugLog(config));
  const own = !mooni.tracker;
  const tracker: Tracker | null =
    mooni.tracker ||
    (config.tracker &&
      createTracker({ ...config.tracker, fetch: fetcher }, () => beside('mood-engine.js', '../mood/engine.ts'))) ||
    null;

  // Calls queued by the snippet before the first start (later ones run at once).
  const queued = Array.isArray(mooni.q) ? mooni.q : [];
  const loadView = () => beside('mooni-interventions.js', './intervention-view.ts');
  const { consider: _consider, stop: endEmbed, ...methods } = createEmbed(frame, tracker, config, options, loadView);
  const api: Omit<MooniApi, 'config'> = {
    version: typeof __MOONI_VERSION__ === 'string' ? __MOONI_VERSION__ : 'dev',
    tracker,
    frame,
    ...methods,
    realtime: frame.realtime,
    handoff: () => frame.handoff(),
    on,
    off,
    q: { push: (...calls) => replay(mooni, calls) },
    boot: (again) => start(again),
    shutdown: () => stopping?.() ?? Promise.resolve(),
    // The previous user's token never goes along (undefined leaves the script tag's attribute, if any).
    identify: (userId, { userToken } = {}) => api.shutdown().then(() => start({ ...overrides, userId, userToken })),
    onReady(callback) {
      if (ready) callback(mooni as MooniApi);
      else waiting.push(callback);
    },
    consent(granted) {
      tracker?.consent(granted);
      if (granted) grant();
    },
    hideLauncher() {
      if (!document.adoptedStyleSheets.includes(HIDDEN_LAUNCHER))
        document.adoptedStyleSheets = [...document.adoptedStyleSheets, HIDDEN_LAUNCHER];
      frame.setAttribute('data-launcher', 'hidden');
    },
    showLauncher: () => frame.removeAttribute('data-launcher'),
  };

  stopping = async () => {
    stopping = undefined;
    ready = false;
    endEmbed();
    endContinuity();
    listening.abort();
    document.adoptedStyleSheets = document.adoptedStyleSheets.filter((sheet) => sheet !== HIDDEN_LAUNCHER);
    if (inserted) frame.remove();
    else {
      // The page's own element stays, with nothing of this visitor: a new conversation (stored once it is kept).
      frame.removeAttribute('data-launcher');
      frame.messages = [];
      frame.sessionId = '';
    }
    if (tracker && own) {
      // What was seen is delivered before the tracker goes (or stays in its spool, which goes too).
      await tracker.flush().catch(() => {});
      tracker.stop();
      delete mooni.tracker;
    }
    await beside('mooni-forget.js', './forget.ts')
      .then((module) => module.forgetVisitor())
      .catch(() => {});
  };

  Object.assign(mooni, api);
  replay(mooni, queued);
  ready = true;
  for (const callback of waiting.splice(0)) callback(mooni as MooniApi);
  dispatchEvent(new CustomEvent('mooni:ready'));
}

if (!mooni[LOADED]) {
  mooni[LOADED] = true;
  if (document.body) start();
  else addEventListener('DOMContentLoaded', () => start(), { once: true });
}
