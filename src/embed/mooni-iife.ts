/**
 * The script-tag entry (dist/mooni.iife.js): registers `<mooni-frame>`, inserts a launcher unless the page
 * has one, starts the tracker unless one runs, turns suggested actions into interventions, and makes
 * `window.Mooni` (replaying calls queued before load). A second copy on the page does nothing.
 */
import '../chat/mooni-frame.js';
import type { MooniFrame } from '../chat/mooni-frame.js';
import type { FetchLike } from '../chat/model.js';
import type { SocketConstructor } from '../chat/transports/realtime.js';
import { createTracker } from '../tracker/create-tracker.js';
import { parseConfig } from './config.js';
import { createEmbed } from './embed.js';
import { off, on, replay, type HelpTopic, type MooniApi, type QueuedCall } from './mooni-api.js';

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

function start() {
  const script = current || document.querySelector<HTMLScriptElement>('script[data-api-key],script[data-mood-key]');
  const config = parseConfig({ ...script?.dataset });
  const options = (mooni.config ||= {});
  const fetcher = config.mock ? page.MooniMockFetch : undefined;

  let frame = document.querySelector('mooni-frame');
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

  // Modules loaded on demand, like tracker.iife.js does: a file of dist/ beside the bundle, or its source when
  // this entry is itself served as TypeScript (Vite dev, tests).
  const src = script?.src || location.href;
  const beside = (file: string, source: string) =>
    import(/* @vite-ignore */ new URL(/\.ts($|\?)/.test(src) ? source : file, src).href);
  // The debug log first, so it sees the first decisions (a mood engine for 'local' mode: only in that mode).
  if (config.debug || options.debug) beside('mooni-debug.js', './debug-log.ts').then((m) => m.startDebugLog(config));
  const tracker =
    mooni.tracker ||
    (config.tracker &&
      createTracker({ ...config.tracker, fetch: fetcher }, () => beside('mood-engine.js', '../mood/engine.ts'))) ||
    null;

  const queued = mooni.q as QueuedCall[] | undefined;
  const { consider: _consider, ...methods } = createEmbed(frame, tracker, config, options);
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
  };
  Object.assign(mooni, api);
  replay(mooni, queued || []);
  dispatchEvent(new CustomEvent('mooni:ready'));
}

if (!mooni[LOADED]) {
  mooni[LOADED] = true;
  if (document.body) start();
  else addEventListener('DOMContentLoaded', start, { once: true });
}
