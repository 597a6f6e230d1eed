import { Hono } from 'hono';
import { FAULT_SCOPES, parseFault, type FaultBoard, type FaultScope } from '../faults.js';
import { isRecord, json, readJson } from '../http.js';
import type { MockStore, Plan } from '../store.js';
import type { RequestLog } from './request-log.js';

export interface AdminRoutesOptions {
  store: MockStore;
  faults: FaultBoard;
  log: RequestLog;
  /** Live quota table (mutable): `POST /__mock/quotas` changes it so QA can reach a limit quickly. */
  quotas: Record<Plan, number>;
  /** Extra state to clear on reset (quotas set at run time, webhook subscriptions…). */
  onReset: () => void | Promise<void>;
}

/**
 * Test/QA control on the same origin, no auth: faults, raw events, feedback, request log, reset.
 * Not part of the documented APIs.
 */
export function adminRoutes(options: AdminRoutesOptions) {
  const { store, faults, log } = options;
  const app = new Hono();

  app.get('/__mock/faults', (c) => c.json(faults.get()));
  app.post('/__mock/faults', async (c) => {
    const body = await readJson(c.req.raw);
    if (!body.ok)
      return json(
        { error: body.reason === 'too_large' ? 'Payload too large' : 'Invalid JSON' },
        body.reason === 'too_large' ? 413 : 400,
      );
    if (!isRecord(body.value))
      return json({ error: 'Body must be an object of faults per scope', valid_scopes: FAULT_SCOPES }, 400);
    const parsed: [FaultScope, ReturnType<typeof parseFault>][] = [];
    for (const [scope, value] of Object.entries(body.value)) {
      if (!FAULT_SCOPES.includes(scope as FaultScope))
        return json({ error: 'Unknown fault scope', field: scope, valid_scopes: FAULT_SCOPES }, 400);
      parsed.push([scope as FaultScope, parseFault(scope as FaultScope, value)]);
    }
    for (const [, result] of parsed) if ('error' in result) return json(result, 400);
    for (const [scope, result] of parsed) if ('fault' in result) faults.set(scope, result.fault);
    return c.json(faults.get());
  });
  app.delete('/__mock/faults', (c) => {
    faults.clear();
    return c.json(faults.get());
  });

  app.get('/__mock/sessions/:id/events', async (c) => c.json({ events: await store.rawEvents(c.req.param('id')) }));

  app.get('/__mock/feedback', async (c) => {
    const sessionId = c.req.query('session');
    if (!sessionId) return json({ error: 'Missing required field', field: 'session' }, 400);
    const sessions = await store.moodSessionsWithId(sessionId);
    const items = sessions.flatMap((s) => s.feedback).sort((a, b) => a.at.localeCompare(b.at));
    return c.json({ items });
  });

  // 003 lists "revoked key" among the causes of 401 but documents no way to revoke: QA does it here.
  app.post('/__mock/keys/:key/revoke', async (c) => {
    let apiKey: string;
    try {
      apiKey = c.req.param('key');
    } catch {
      return json({ error: 'Invalid api_key', field: 'api_key' }, 400);
    }
    const record = await store.apiKey(apiKey);
    if (!record) return json({ error: 'Key not found', api_key: apiKey }, 404);
    record.revoked_at ??= new Date().toISOString();
    await store.putApiKey(record);
    return c.json({ api_key: apiKey, revoked: true, revoked_at: record.revoked_at });
  });

  app.get('/__mock/quotas', (c) => c.json(options.quotas));
  app.post('/__mock/quotas', async (c) => {
    const body = await readJson(c.req.raw);
    if (!body.ok || !isRecord(body.value)) return json({ error: 'Invalid JSON' }, 400);
    for (const [plan, limit] of Object.entries(body.value)) {
      if (!(plan in options.quotas))
        return json({ error: 'Invalid plan', valid_plans: Object.keys(options.quotas) }, 400);
      if (typeof limit !== 'number' || !Number.isInteger(limit) || limit < 0)
        return json({ error: 'Invalid field type', field: plan }, 400);
    }
    Object.assign(options.quotas, body.value);
    return c.json(options.quotas);
  });

  app.get('/__mock/log', (c) => c.json({ items: log.items() }));

  app.post('/__mock/reset', async (c) => {
    faults.clear();
    log.clear();
    await store.clear();
    await options.onReset();
    return c.json({ reset: true });
  });

  return app;
}
