import { Hono, type MiddlewareHandler } from 'hono';
import { applyEvent, createMoodState, readMood } from '../../mood/engine.js';
import { MOODS, type MoodEvent, type MoodLabel, type MoodReading } from '../../mood/types.js';
import { nextMonthStart } from '../admin/fault-response.js';
import { isRecord, json, randomHex, readJson } from '../http.js';
import type { ApiKeyRecord, MockStore, MoodSessionRecord, Plan } from '../store.js';
import { MAX_SESSION_ID, validateEvents, validateFeedback, type ApiError } from './validate.js';

export const PLANS: Plan[] = ['starter', 'growth', 'pro'];
/**
 * 003's rate table and 429 example say "Free" / `"plan":"free"` while key generation names starter/growth/pro:
 * starter is the free tier. `free` is accepted at key generation and stored (and answered) as `starter`.
 */
const PLAN_ALIASES: Record<string, Plan> = { free: 'starter' };
export const DEFAULT_QUOTAS: Record<Plan, number> = { starter: 5000, growth: 50_000, pro: 200_000 };

export interface MoodChangedEvent {
  session_id: string;
  previous_mood: MoodLabel;
  mood: MoodLabel;
  confidence: number;
  signals: string[];
  suggested_action: string;
  event_count: number;
}

export interface MoodRoutesOptions {
  store: MockStore;
  /** Monthly session quota per plan; read at each request, so it can change at run time. */
  quotas: Record<Plan, number>;
  onMoodChanged?: (event: MoodChangedEvent) => void;
}

const unauthorized = (message = 'Missing or invalid API key') => json({ error: 'Unauthorized', message }, 401);

export const HEALTH_VERSION = '1.0.0';

/** The API key of a request: `X-Api-Key`, or `Authorization: Bearer …` (003, both methods). */
export function apiKeyOf(request: Request): string | undefined {
  const header = request.headers.get('x-api-key')?.trim();
  if (header) return header;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(request.headers.get('authorization') ?? '');
  return match?.[1];
}

/** The plan and quota of the request's key (starter when the key is unknown). */
export async function planOfRequest(store: MockStore, request: Request, quotas: Record<Plan, number>) {
  const key = apiKeyOf(request);
  const record = key ? await store.apiKey(key) : undefined;
  const plan = record?.plan ?? 'starter';
  return { plan, limit: quotas[plan] };
}

const period = (now = new Date()) => now.toISOString().slice(0, 7);
const round1 = (x: number) => Math.round(x * 10) / 10;

/**
 * The mood a session reads now. Feedback closes the loop: when the suggested action was marked unhelpful
 * at least twice for the session's current mood, and more often than helpful, it is no longer suggested.
 */
function reading(record: MoodSessionRecord): MoodReading {
  const result = readMood(record.state);
  if (result.suggested_action === 'no_action') return result;
  let helpful = 0;
  let unhelpful = 0;
  for (const f of record.feedback) {
    if (f.action_taken !== result.suggested_action || f.mood !== result.mood) continue;
    if (f.was_helpful === true) helpful++;
    if (f.was_helpful === false) unhelpful++;
  }
  if (unhelpful >= 2 && unhelpful > helpful) return { ...result, suggested_action: 'no_action' };
  return result;
}

/** The time of a processed event: its `ts` (seconds), or the receipt time when it has none. */
const eventTime = (event: MoodEvent, receivedAt: number) =>
  new Date(event.ts === undefined ? receivedAt : event.ts * 1000);

/** SessionMood (003): keys, events, mood, feedback, delete, analytics, `/health`. */
export function moodRoutes(options: MoodRoutesOptions) {
  const { store, quotas } = options;
  const app = new Hono<{ Variables: { key: ApiKeyRecord; sessionId: string } }>();

  // 503 so that load balancers and uptime monitors, which read the status, see a store that cannot answer.
  app.get('/health', async () => {
    try {
      await store.ping();
      return json({ status: 'ok', version: HEALTH_VERSION });
    } catch {
      return json({ status: 'degraded', version: HEALTH_VERSION }, 503);
    }
  });

  app.post('/v1/keys/generate', async (c) => {
    const body = await readJson(c.req.raw);
    if (!body.ok) return badBody(body.reason);
    const input = isRecord(body.value) ? body.value : {};
    const name = input.customer_name;
    if (typeof name !== 'string' || !name.trim()) return json({ error: 'customer_name is required' }, 400);
    if (name.length > 200) return json({ error: 'Field too long', field: 'customer_name', max_length: 200 }, 400);
    if (input.email !== undefined && input.email !== null && typeof input.email !== 'string') {
      return json({ error: 'Invalid field type', field: 'email', message: 'Expected a string.' }, 400);
    }
    const given = input.plan ?? 'starter';
    const plan = typeof given === 'string' ? (PLAN_ALIASES[given] ?? given) : given;
    if (!PLANS.includes(plan as Plan)) return json({ error: 'Invalid plan', valid_plans: PLANS }, 400);
    const record: ApiKeyRecord = {
      api_key: `sm_${randomHex(24)}`,
      customer: name.trim(),
      email: typeof input.email === 'string' ? input.email : null,
      plan: plan as Plan,
      created_at: new Date().toISOString(),
    };
    await store.putApiKey(record);
    return json(
      {
        api_key: record.api_key,
        customer: record.customer,
        email: record.email,
        plan: record.plan,
        limits: `${quotas[record.plan].toLocaleString('en-US')} sessions/month`,
        message: "Store this key safely - it won't be shown again.",
      },
      201,
    );
  });

  // Every other /v1 route needs a key; session routes also a valid id.
  app.use('/v1/*', async (c, next) => {
    if (c.req.path === '/v1/keys/generate') return next();
    const key = apiKeyOf(c.req.raw);
    const record = key ? await store.apiKey(key) : undefined;
    if (!record) return unauthorized();
    if (record.revoked_at) return unauthorized('This API key has been revoked');
    c.set('key', record);
    return next();
  });
  app.use('/v1/sessions/:id/*', checkSessionId);
  app.use('/v1/sessions/:id', checkSessionId);

  app.post('/v1/sessions/:id/events', async (c) => {
    const key = c.get('key');
    const sessionId = c.get('sessionId');
    const body = await readJson(c.req.raw);
    if (!body.ok) return badBody(body.reason);
    const checked = validateEvents(body.value);
    if ('error' in checked) return json(checked.error, 400);

    let record = await store.moodSession(key.api_key, sessionId);
    const month = period();
    if (!(await store.hasSessionInPeriod(key.api_key, month, sessionId))) {
      const used = await store.sessionsInPeriod(key.api_key, month);
      const limit = quotas[key.plan];
      if (used >= limit) {
        const resetAt = nextMonthStart();
        const retryAfter = Math.max(1, Math.ceil((Date.parse(resetAt) - Date.now()) / 1000));
        return json({ error: 'Rate limit exceeded', plan: key.plan, limit, reset_at: resetAt }, 429, {
          'retry-after': String(retryAfter),
        });
      }
      await store.sessionsInPeriod(key.api_key, month, sessionId);
    }

    record ??= {
      apiKey: key.api_key,
      sessionId,
      state: createMoodState(),
      eventCount: 0,
      mood: 'neutral',
      updatedAt: new Date().toISOString(),
      feedback: [],
    };
    const previous = record.eventCount ? record.mood : 'neutral';
    const receivedAt = Date.now();
    const now = receivedAt / 1000;
    for (const event of checked.events) applyEvent(record.state, event, now);
    record.eventCount += checked.events.length;
    record.updatedAt = eventTime(checked.events[checked.events.length - 1], receivedAt).toISOString();
    const current = reading(record);
    record.mood = current.mood;
    await store.putMoodSession(record);
    await store.appendRawEvents(key.api_key, sessionId, (body.value as { events: unknown[] }).events);
    if (current.mood !== previous) {
      options.onMoodChanged?.({
        session_id: sessionId,
        previous_mood: previous,
        mood: current.mood,
        confidence: current.confidence,
        signals: current.signals,
        suggested_action: current.suggested_action,
        event_count: record.eventCount,
      });
    }
    return json({
      session_id: sessionId,
      events_stored: checked.events.length,
      total_events: record.eventCount,
      current_mood: current.mood,
    });
  });

  app.get('/v1/sessions/:id/mood', async (c) => {
    const sessionId = c.get('sessionId');
    const record = await store.moodSession(c.get('key').api_key, sessionId);
    if (!record || !record.eventCount) return notFound(sessionId);
    const current = reading(record);
    return json({
      session_id: sessionId,
      mood: current.mood,
      confidence: current.confidence,
      signals: current.signals,
      suggested_action: current.suggested_action,
      event_count: record.eventCount,
      updated_at: record.updatedAt,
    });
  });

  app.post('/v1/sessions/:id/feedback', async (c) => {
    const key = c.get('key');
    const sessionId = c.get('sessionId');
    const body = await readJson(c.req.raw);
    if (!body.ok) return badBody(body.reason);
    const checked = validateFeedback(body.value);
    if ('error' in checked) return json(checked.error, 400);
    // Feedback can arrive before the session's first batch of events (the tracker sends every few seconds):
    // it records the session, which then counts in analytics, at neutral until events come.
    const record: MoodSessionRecord = (await store.moodSession(key.api_key, sessionId)) ?? {
      apiKey: key.api_key,
      sessionId,
      state: createMoodState(),
      eventCount: 0,
      mood: 'neutral',
      updatedAt: new Date().toISOString(),
      feedback: [],
    };
    record.feedback.push({
      session_id: sessionId,
      ...checked.feedback,
      mood: record.eventCount ? reading(record).mood : 'neutral',
      at: new Date().toISOString(),
    });
    await store.putMoodSession(record);
    return json({ session_id: sessionId, feedback_recorded: true });
  });

  app.delete('/v1/sessions/:id', async (c) => {
    const sessionId = c.get('sessionId');
    if (!(await store.deleteMoodSession(c.get('key').api_key, sessionId))) return notFound(sessionId);
    return json({ session_id: sessionId, deleted: true, message: 'Session data permanently erased.' });
  });

  // total_sessions: every session the key ever recorded (live ones, recorded by a first event or feedback,
  // plus erased ones). mood_distribution counts live sessions at their mood (neutral without events); erased
  // ones are in none, so the counts add up to total_sessions minus the erased, and each percentage is of
  // total_sessions, as 003 defines it. feedback_count: live sessions with feedback (erasure removes it too).
  app.get('/v1/analytics/moods', async (c) => {
    const apiKey = c.get('key').api_key;
    const live = await store.moodSessionsOf(apiKey);
    const counts: Record<MoodLabel, number> = Object.fromEntries(MOODS.map((m) => [m, 0])) as Record<MoodLabel, number>;
    for (const s of live) counts[s.mood] += 1;
    const total = live.length + (await store.erasedSessionCount(apiKey));
    const mood_distribution = MOODS.map((mood) => ({
      mood,
      count: counts[mood],
      percentage: total ? round1((counts[mood] / total) * 100) : 0,
    })).sort((a, b) => b.count - a.count);
    return json({
      total_sessions: total,
      feedback_count: live.filter((s) => s.feedback.length > 0).length,
      mood_distribution,
    });
  });

  return app;
}

const checkSessionId: MiddlewareHandler<{ Variables: { sessionId: string } }> = async (c, next) => {
  let id: string;
  try {
    id = c.req.param('id') ?? '';
  } catch {
    return json(
      { error: 'Invalid session_id', field: 'session_id', message: 'The session id is not valid URL encoding.' },
      400,
    );
  }
  if (id.length > MAX_SESSION_ID) {
    return json(
      { error: 'Invalid session_id', field: 'session_id', message: `Maximum length is ${MAX_SESSION_ID} characters.` },
      400,
    );
  }
  c.set('sessionId', id);
  await next();
};

function notFound(sessionId: string) {
  return json({ error: 'Session not found', session_id: sessionId }, 404);
}

function badBody(reason: 'invalid_json' | 'too_large'): Response {
  const body: ApiError =
    reason === 'too_large'
      ? { error: 'Payload too large', message: 'The request body exceeds 1 MB.' }
      : { error: 'Invalid JSON', message: 'The request body must be valid JSON.' };
  return json(body, reason === 'too_large' ? 413 : 400);
}
