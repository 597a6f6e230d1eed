import { Hono } from 'hono';
import { json, readJson } from '../http.js';
import type { WebhookDispatcher } from './dispatcher.js';
import { parseSubscription } from './parse.js';

const notFound = (id: string) => json({ error: 'Webhook not found', id }, 404);

/**
 * Webhook subscriptions, authenticated by SessionMood key (`X-Api-Key` or Bearer, 003's 401 shape): a key
 * sees and changes only its own. `GET|POST /v1/webhooks`, `GET|PATCH|DELETE /v1/webhooks/:id`.
 */
export function webhookRoutes(webhooks: WebhookDispatcher, ownerOf: (request: Request) => Promise<string | undefined>) {
  const app = new Hono<{ Variables: { owner: string } }>();

  app.use('/v1/webhooks', authenticate);
  app.use('/v1/webhooks/*', authenticate);
  async function authenticate(
    c: { req: { raw: Request }; set(key: 'owner', value: string): void },
    next: () => Promise<void>,
  ) {
    const owner = await ownerOf(c.req.raw);
    if (!owner) return json({ error: 'Unauthorized', message: 'Missing or invalid API key' }, 401);
    c.set('owner', owner);
    await next();
  }

  app.get('/v1/webhooks', (c) => c.json({ items: webhooks.list(c.get('owner')) }));
  app.post('/v1/webhooks', async (c) => {
    const body = await readJson(c.req.raw);
    if (!body.ok) return json({ error: 'Invalid JSON' }, 400);
    const parsed = parseSubscription(body.value, false);
    if ('error' in parsed) return json(parsed, 400);
    return c.json(webhooks.subscribe({ ...parsed.input, owner: c.get('owner') }), 201);
  });
  app.get('/v1/webhooks/:id', (c) => {
    const found = webhooks.get(c.req.param('id'), c.get('owner'));
    return found ? c.json(found) : notFound(c.req.param('id'));
  });
  app.patch('/v1/webhooks/:id', async (c) => {
    const body = await readJson(c.req.raw);
    if (!body.ok) return json({ error: 'Invalid JSON' }, 400);
    const parsed = parseSubscription(body.value, true);
    if ('error' in parsed) return json(parsed, 400);
    const updated = webhooks.update(c.req.param('id'), parsed.update, c.get('owner'));
    return updated ? c.json(updated) : notFound(c.req.param('id'));
  });
  app.delete('/v1/webhooks/:id', (c) =>
    webhooks.unsubscribe(c.req.param('id'), c.get('owner'))
      ? c.json({ id: c.req.param('id'), deleted: true })
      : notFound(c.req.param('id')),
  );

  return app;
}

/** Test/QA control of webhook subscriptions: `/__mock/webhooks` (no auth, like the rest of `/__mock`). */
export function webhookAdminRoutes(webhooks: WebhookDispatcher) {
  const app = new Hono();

  app.get('/__mock/webhooks', (c) => c.json({ items: webhooks.list() }));
  app.get('/__mock/webhooks/deliveries', (c) => c.json({ items: webhooks.attempts() }));
  app.post('/__mock/webhooks', async (c) => {
    const body = await readJson(c.req.raw);
    if (!body.ok) return json({ error: 'Invalid JSON' }, 400);
    const parsed = parseSubscription(body.value, false);
    if ('error' in parsed) return json(parsed, 400);
    return c.json(webhooks.subscribe(parsed.input), 201);
  });
  // A receiver on the mock itself, for the QA page: it subscribes this URL and checks the signatures it sees in
  // the deliveries list.
  app.post('/__mock/webhooks/inbox', async (c) => {
    await c.req.raw.text();
    return c.json({ received: true });
  });
  app.delete('/__mock/webhooks/:id', (c) =>
    webhooks.unsubscribe(c.req.param('id'))
      ? c.json({ id: c.req.param('id'), deleted: true })
      : json({ error: 'Not found', id: c.req.param('id') }, 404),
  );

  return app;
}
