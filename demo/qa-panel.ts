// The QA panel: watches the embed from the outside, as a host page could, through window.Mooni, its
// tracker and its hooks, and talks to the mock's admin API. Not part of any bundle a customer loads.
import { html, nothing, render } from 'lit';
import type { MoodEvent } from '../src/mood/types.js';
import { createMockAdmin } from '../src/mock/admin/client.js';
import type { Faults } from '../src/mock/faults.js';
import type { FeedbackRecord } from '../src/mock/store.js';
import type { DeliveryAttempt } from '../src/mock/webhooks/dispatcher.js';
import { verifyWebhookSignature } from '../src/webhooks/verify.js';
import type { MooniApi, MooniHookMap, MooniHookType } from '../src/embed/mooni-api.js';
import type { MoodSnapshot, Tracker } from '../src/tracker/types.js';
import { BEHAVIOURS, type Behaviour } from './behaviours.js';
import { distributionBars, moodTimeline, MOOD_COLORS, type Distribution, type MoodPoint } from './charts.js';
import { LOCALES } from './locales.js';

const MOOD_KEY = 'sm_demo_key';
/** The mock's gateway answers any developer and scope; the element appends /api/v1/gateway/default/… itself. */
const MIND_EXPRESSION = {
  'engine-url': location.origin,
  'auth-key': 'me_demo_key',
  'developer-id': 'lune-wick',
  'scope-id': 'demo',
};
const HOOKS: MooniHookType[] = [
  'session.mood_changed',
  'action.suggested',
  'action.feedback',
  'conversation.started',
  'conversation.message_sent',
  'conversation.completed',
];
/** This page's own webhook subscription (to the mock's inbox), so it can check each delivery's signature. */
const WEBHOOK_SECRET = `whsec_qa_${Array.from(crypto.getRandomValues(new Uint8Array(8)), (byte) => byte.toString(16)).join('')}`;

interface DeliveryLine {
  key: string;
  type: string;
  attempt: number;
  status: number;
  signature: 'valid' | 'invalid';
}

type Page = Window & { Mooni?: Partial<MooniApi>; MooniMockFetch?: typeof fetch };
const page = window as Page;
/** The mock answers in the page in the static build, over HTTP under `npm start`. */
const api = (path: string, init?: RequestInit) => (page.MooniMockFetch ?? fetch)(path, init);
const mockAdmin = createMockAdmin({ fetch: api });

interface LogLine {
  at: number;
  kind: 'detected' | 'sent' | 'failed' | 'dropped' | 'hook' | 'vetoed';
  text: string;
}

const started = performance.now();
const since = () => performance.now() - started;
const state = {
  mooni: undefined as MooniApi | undefined,
  mood: undefined as MoodSnapshot | undefined,
  timeline: [] as MoodPoint[],
  events: [] as LogLine[],
  hooks: [] as LogLine[],
  feedback: [] as FeedbackRecord[],
  distribution: undefined as Distribution | undefined,
  distributionError: '',
  running: '',
  veto: false,
  transport: 'mooni',
  theme: 'auto',
  locale: 'en',
  cooldown: 30,
  faults: { mood: false, chat: false },
  webhookId: '',
  deliveries: [] as DeliveryLine[],
};

// The panel lives in a shadow root: events retarget to its host inside [data-mooni-ignore], so the tracker
// never mistakes the QA person's own hovers, clicks, focus changes and keys for the shopper's behaviour.
const host = document.createElement('div');
document.getElementById('qa')!.append(host);
const root = host.attachShadow({ mode: 'open' });
const stylesheet = new URL('./qa-panel.css', import.meta.url).href;
let queued = false;
function update() {
  if (queued) return;
  queued = true;
  requestAnimationFrame(() => {
    queued = false;
    render(view(), root);
  });
}

function push(list: LogLine[], line: Omit<LogLine, 'at'>) {
  list.unshift({ at: since(), ...line });
  list.length = Math.min(list.length, 80);
  update();
}

const describe = (e: MoodEvent) =>
  [
    e.type,
    e.x != null ? `(${e.x}, ${e.y})` : '',
    e.duration_ms != null ? `${e.duration_ms} ms` : '',
    e.direction ? `${e.direction}${e.speed != null ? ` ${Math.round(e.speed)} px/s` : ''}` : '',
    e.url ?? '',
    e.message ? `“${e.message}”` : '',
  ]
    .filter(Boolean)
    .join(' ');

function watch(mooni: MooniApi) {
  state.mooni = mooni;
  state.cooldown = mooni.config.cooldown ?? state.cooldown;
  mooni.config.cooldown = state.cooldown;
  const tracker = mooni.tracker;
  if (tracker) {
    tracker.on('event', (e) => push(state.events, { kind: 'detected', text: describe(e) }));
    tracker.on('batch', ({ events, status }) => {
      const ok = status === 200 || status === 201;
      push(state.events, {
        kind: ok ? 'sent' : 'failed',
        text: `${ok ? 'sent' : 'not sent'} ${events.length} event${events.length === 1 ? '' : 's'} → ${status}`,
      });
      void refreshDistribution();
    });
    tracker.on('drop', ({ events, reason }) =>
      push(state.events, { kind: 'dropped', text: `dropped ${events.length} (${reason})` }),
    );
    tracker.on('mood', onMood);
    if (tracker.mood) onMood(tracker.mood);
  }
  for (const type of HOOKS) {
    mooni.on(type, (payload, event) => {
      if (type === 'action.suggested' && state.veto && event.cancelable) {
        event.preventDefault();
        push(state.hooks, { kind: 'vetoed', text: `${summary(type, payload)} — vetoed by the host` });
        return;
      }
      push(state.hooks, { kind: 'hook', text: summary(type, payload) });
      if (type === 'action.feedback') setTimeout(refreshFeedback, 200);
    });
  }
  // As a host's server would: report the end of a conversation, so the conversation.completed webhook fires.
  mooni.on('conversation.completed', ({ conversationId, reason }) => {
    void api(`/chat/sessions/${encodeURIComponent(conversationId)}/end`, {
      method: 'POST',
      headers: { 'mooni-api-key': 'mooni_demo_key', 'content-type': 'application/json' },
      body: JSON.stringify({ reason }),
    }).catch(() => {});
  });
  update();
}

async function subscribeWebhooks() {
  try {
    const response = await api('/__mock/webhooks', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ url: `${location.origin}/__mock/webhooks/inbox`, secret: WEBHOOK_SECRET }),
    });
    state.webhookId = ((await response.json()) as { id: string }).id;
  } catch {
    // The panel works without it; the deliveries section then stays empty.
  }
}

async function refreshDeliveries() {
  if (!state.webhookId) return;
  try {
    const response = await api('/__mock/webhooks/deliveries');
    const { items } = (await response.json()) as { items: DeliveryAttempt[] };
    const mine = items.filter((item) => item.subscription_id === state.webhookId).slice(-20);
    state.deliveries = await Promise.all(
      mine.map(async (item) => ({
        key: `${item.event_id}-${item.attempt}`,
        type: item.type,
        attempt: item.attempt,
        status: item.status,
        signature: (await verifyWebhookSignature({
          body: item.body,
          signature: item.signature,
          timestamp: item.timestamp,
          secret: WEBHOOK_SECRET,
          toleranceSec: 0,
        }))
          ? 'valid'
          : 'invalid',
      })),
    );
    update();
  } catch {
    // Next poll.
  }
}

/** One readable line per hook payload. */
function summary(type: MooniHookType, payload: MooniHookMap[MooniHookType]): string {
  const p = payload as Partial<
    MooniHookMap['session.mood_changed'] & MooniHookMap['action.suggested'] & MooniHookMap['action.feedback']
  > &
    Partial<
      MooniHookMap['conversation.started'] &
        MooniHookMap['conversation.message_sent'] &
        MooniHookMap['conversation.completed']
    >;
  switch (type) {
    case 'session.mood_changed':
      return `${type}: ${p.previousMood ?? '—'} → ${p.mood} (${Math.round((p.confidence ?? 0) * 100)}%), suggests ${p.suggestedAction}`;
    case 'action.suggested':
      return `${type}: ${p.action} → ${p.intervention ?? `nothing (${p.skipped})`}`;
    case 'action.feedback':
      return `${type}: ${p.action} was_helpful=${p.wasHelpful ?? 'unknown'} (${p.notes})`;
    case 'conversation.started':
      return `${type}: by ${p.trigger}`;
    case 'conversation.message_sent':
      return `${type}: “${p.text}”`;
    default:
      return `${type}: ${p.reason}, ${p.messages} message(s), ${Math.round((p.durationMs ?? 0) / 1000)} s`;
  }
}

function onMood(snapshot: MoodSnapshot) {
  state.mood = snapshot;
  state.timeline.push({
    t: since(),
    mood: snapshot.mood,
    confidence: snapshot.confidence,
    action: snapshot.suggested_action,
  });
  update();
}

async function refreshDistribution() {
  try {
    const response = await api('/v1/analytics/moods', { headers: { 'X-Api-Key': MOOD_KEY } });
    if (!response.ok) throw new Error(`HTTP ${response.status}`);
    state.distribution = (await response.json()) as Distribution;
    state.distributionError = '';
  } catch (error) {
    state.distributionError = `Could not load the distribution (${(error as Error).message}).`;
  }
  update();
}

async function refreshFeedback() {
  const id = state.mooni?.tracker?.sessionId;
  if (!id) return;
  try {
    state.feedback = await mockAdmin.feedback(id);
  } catch {
    // The admin API is optional for the panel; the hooks log still shows the feedback sent.
  }
  update();
}

async function play(behaviour: Behaviour, tracker: Tracker) {
  state.running = behaviour.id;
  update();
  try {
    await behaviour.run(tracker);
    await tracker.flush();
  } finally {
    state.running = '';
    update();
  }
}

/** The toggles show what the mock is doing: its faults outlive a reload of this page. */
async function readFaults() {
  const faults = await mockAdmin.faults().catch(() => undefined);
  if (!faults) return;
  state.faults = { mood: Boolean(faults.mood), chat: Boolean(faults.chat) };
  update();
}

async function setFaults() {
  await mockAdmin.setFaults(null);
  const faults: Faults = {};
  if (state.faults.mood) faults.mood = { status: 500 };
  if (state.faults.chat) faults.chat = { status: 500 };
  if (Object.keys(faults).length) await mockAdmin.setFaults(faults);
  update();
}

function setTransport(value: string) {
  state.transport = value;
  const frame = state.mooni?.frame;
  if (!frame) return;
  if (value === 'mind-expression') {
    for (const [name, v] of Object.entries(MIND_EXPRESSION)) frame.setAttribute(name, v);
  } else for (const name of Object.keys(MIND_EXPRESSION)) frame.removeAttribute(name);
  frame.setAttribute('transport', value);
  update();
}

function setTheme(value: string) {
  state.theme = value;
  state.mooni?.frame.setAttribute('theme', value);
  update();
}

function setLocale(value: string) {
  state.locale = value;
  const locale = LOCALES[value]!;
  const mooni = state.mooni;
  if (mooni) {
    Object.assign(mooni.frame, { strings: locale.strings });
    mooni.frame.lang = value;
    mooni.config.texts = locale.texts;
  }
  update();
}

async function newSession() {
  await state.mooni?.tracker?.forget();
  sessionStorage.removeItem('mooni_embed');
  location.reload();
}

const clock = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
const value = (event: Event) => (event.target as HTMLSelectElement).value;

function moodNow(mood: MoodSnapshot | undefined) {
  if (!mood) return html`<p class="muted">No mood yet: interact with the shop or play a behaviour.</p>`;
  const percent = Math.round(mood.confidence * 100);
  return html`<div class="mood-now">
      <span class="mood-chip" data-mood=${mood.mood}>${mood.mood}</span>
      <span class="confidence">
        <svg viewBox="0 0 100 8" aria-hidden="true">
          <rect width="100" height="8" rx="4" class="track"></rect>
          <rect width=${percent} height="8" rx="4" fill=${MOOD_COLORS[mood.mood]}></rect>
        </svg>
        ${percent}% confident
      </span>
    </div>
    <p>Suggested action: <strong>${mood.suggested_action}</strong> · ${mood.event_count} events</p>
    <ul class="signals" aria-label="signals">
      ${mood.signals.length ? mood.signals.map((s) => html`<li>${s}</li>`) : html`<li class="muted">no signals</li>`}
    </ul>`;
}

/** A scrolling log is focusable and named by its heading, so keyboard users can scroll it (axe scrollable-region-focusable). */
function log(lines: LogLine[], empty: string, headingId: string) {
  return lines.length
    ? html`<ol class="log" tabindex="0" aria-labelledby=${headingId}>
        ${lines.map((l) => html`<li class=${l.kind}><time>${clock(l.at)}</time> ${l.text}</li>`)}
      </ol>`
    : html`<p class="muted">${empty}</p>`;
}

function view() {
  return html`<link rel="stylesheet" href=${stylesheet} />${content()}`;
}

function content() {
  const mooni = state.mooni;
  if (!mooni)
    return html`<header class="qa-head"><h2>Mooni QA</h2></header><p class="muted">Waiting for the embed…</p>`;
  const tracker = mooni.tracker;
  const stats = tracker?.stats;
  return html`
    <header class="qa-head">
      <h2>Mooni QA <span class="version">v${mooni.version}</span></h2>
      <button type="button" @click=${newSession} title="Erase this session and start a fresh one">New session</button>
    </header>
    ${
      tracker && stats
        ? html`<p class="session">Session <code>${tracker.sessionId.slice(0, 8)}…</code></p>
          <dl class="stats">
            <div><dt>detected</dt><dd>${stats.detected}</dd></div>
            <div><dt>sent</dt><dd>${stats.sent}</dd></div>
            <div><dt>queued</dt><dd>${stats.queued}</dd></div>
            <div><dt>requests</dt><dd>${stats.requests}</dd></div>
            <div><dt>dropped</dt><dd>${Object.values(stats.dropped).reduce((a, b) => a + b, 0)}</dd></div>
          </dl>`
        : html`<p class="muted">The tracker is off (data-tracker="off" or no data-mood-key).</p>`
    }

    <section aria-labelledby="qa-mood">
      <h3 id="qa-mood">Mood now</h3>
      ${moodNow(state.mood)}
      ${moodTimeline(state.timeline, since())}
    </section>

    <section aria-labelledby="qa-play">
      <h3 id="qa-play">Play a behaviour</h3>
      <div class="behaviours">
        ${BEHAVIOURS.map(
          (b) => html`<button type="button" ?disabled=${!tracker || !!state.running} title=${b.hint}
            @click=${() => tracker && play(b, tracker)}>${state.running === b.id ? 'Playing…' : b.label}</button>`,
        )}
      </div>
      <p class="muted small">Hover a button to see what it does. Interventions wait ${state.cooldown} s between each other.</p>
    </section>

    <section aria-labelledby="qa-widget">
      <h3 id="qa-widget">Widget</h3>
      <div class="controls">
        <label>Transport
          <select @change=${(e: Event) => setTransport(value(e))} .value=${state.transport}>
            <option value="mooni">Mooni Chat</option>
            <option value="mind-expression">Mind Expression</option>
          </select>
        </label>
        <label>Theme
          <select @change=${(e: Event) => setTheme(value(e))} .value=${state.theme}>
            <option value="auto">Auto</option><option value="light">Light</option><option value="dark">Dark</option>
          </select>
        </label>
        <label>Locale
          <select @change=${(e: Event) => setLocale(value(e))} .value=${state.locale}>
            ${Object.entries(LOCALES).map(([code, l]) => html`<option value=${code}>${l.label}</option>`)}
          </select>
        </label>
        <label>Cooldown
          <select @change=${(e: Event) => {
            state.cooldown = Number(value(e));
            mooni.config.cooldown = state.cooldown;
            update();
          }} .value=${String(state.cooldown)}>
            <option value="0">0 s</option><option value="30">30 s</option><option value="180">180 s</option>
          </select>
        </label>
      </div>
      <label class="check"><input type="checkbox" .checked=${state.veto}
        @change=${(e: Event) => ((state.veto = (e.target as HTMLInputElement).checked), update())} />
        <span>Host vetoes interventions (<code>preventDefault()</code> on <code>mooni:action.suggested</code>)</span></label>
      <label class="check"><input type="checkbox" .checked=${state.faults.mood}
        @change=${(e: Event) => ((state.faults.mood = (e.target as HTMLInputElement).checked), setFaults())} />
        <span>SessionMood API fails (500): events wait and retry</span></label>
      <label class="check"><input type="checkbox" .checked=${state.faults.chat}
        @change=${(e: Event) => ((state.faults.chat = (e.target as HTMLInputElement).checked), setFaults())} />
        <span>Chat API fails (500)</span></label>
    </section>

    <section aria-labelledby="qa-events">
      <h3 id="qa-events">Tracker events</h3>
      ${log(state.events, 'Nothing detected yet.', 'qa-events')}
    </section>

    <section aria-labelledby="qa-hooks">
      <h3 id="qa-hooks">Hooks (Mooni.on)</h3>
      ${log(state.hooks, 'No hook fired yet.', 'qa-hooks')}
    </section>

    <section aria-labelledby="qa-feedback">
      <h3 id="qa-feedback">Feedback recorded at the mock</h3>
      ${
        state.feedback.length
          ? html`<ul class="feedback">
            ${state.feedback.map(
              (f) => html`<li>
                <strong>${f.action_taken}</strong>
                <span class=${f.was_helpful === true ? 'yes' : f.was_helpful === false ? 'no' : 'unknown'}>
                  ${f.was_helpful === true ? 'helpful' : f.was_helpful === false ? 'not helpful' : 'no answer'}</span>
                ${f.notes ? html`<span class="muted">${f.notes}</span>` : nothing}
              </li>`,
            )}
          </ul>`
          : html`<p class="muted">None yet for this session.</p>`
      }
    </section>

    <section aria-labelledby="qa-webhooks">
      <h3 id="qa-webhooks">Webhook deliveries (signature checked here)</h3>
      ${
        state.deliveries.length
          ? html`<ul class="feedback">
              ${state.deliveries.map(
                (d) => html`<li>
                  <strong>${d.type}</strong>
                  <span class="muted">attempt ${d.attempt} → ${d.status || 'failed'}</span>
                  <span class=${d.signature === 'valid' ? 'yes' : 'no'}>signature ${d.signature}</span>
                </li>`,
              )}
            </ul>`
          : html`<p class="muted">No delivery yet.</p>`
      }
    </section>

    <section aria-labelledby="qa-dist">
      <h3 id="qa-dist">Moods across the key's sessions</h3>
      ${
        state.distribution
          ? html`${distributionBars(state.distribution)}
            <p class="muted small">${state.distribution.total_sessions} sessions · ${state.distribution.feedback_count} with
              feedback · refreshes every 5 s</p>`
          : html`<p class="muted">${state.distributionError || 'Loading…'}</p>`
      }
    </section>
  `;
}

/** Starts watching once the embed is ready (a call queued through the pre-load snippet, loaded before this). */
function startWatching(mooni: MooniApi) {
  watch(mooni);
  void refreshDistribution();
  void refreshFeedback();
  void subscribeWebhooks();
  setInterval(() => void refreshDistribution(), 5000);
  setInterval(() => void refreshDeliveries(), 2000);
  setInterval(update, 1000);
}
update();
void readFaults();
page.Mooni?.onReady?.(startWatching);
