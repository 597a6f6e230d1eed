import { Hono } from 'hono';
import { isRecord, json, readJson } from '../http.js';
import { WEBHOOK_EVENT_TYPES, type WebhookDispatcher, type WebhookEventType } from './dispatcher.js';

/** Test/QA control of webhook subscriptions: `/__mock/webhooks` (no auth, like the rest of `/__mock`). */
export function webhookAdminRoutes(webhooks: WebhookDispatcher) {
  const app = new Hono();

  app.get('/__mock/webhooks', (c) => c.json({ items: webhooks.list() }));
  app.get('/__mock/webhooks/deliveries', (c) => c.json({ items: webhooks.attempts() }));
  app.post('/__mock/webhooks', async (c) => {
    const body = await readJson(c.req.raw);
    if (!body.ok) return json({ error: 'Invalid JSON' }, 400);
    const input = isRecord(body.value) ? body.value : {};
    if (typeof input.url !== 'string' || !/^https?:\/\//i.test(input.url))
      return json({ error: 'Missing required field', field: 'url' }, 400);
    if (typeof input.secret !== 'string' || !input.secret)
      return json({ error: 'Missing required field', field: 'secret' }, 400);
    let events: WebhookEventType[] | undefined;
    if (input.events !== undefined) {
      if (
        !Array.isArray(input.events) ||
        !input.events.every((e) => WEBHOOK_EVENT_TYPES.includes(e as WebhookEventType))
      ) {
        return json({ error: 'Invalid event type(s)', field: 'events', valid_types: WEBHOOK_EVENT_TYPES }, 400);
      }
      events = input.events as WebhookEventType[];
    }
    const subscription = webhooks.subscribe({ url: input.url, secret: input.secret, events });
    return c.json({ ...subscription, secret: '***' }, 201);
  });
  app.delete('/__mock/webhooks/:id', (c) =>
    webhooks.unsubscribe(c.req.param('id'))
      ? c.json({ id: c.req.param('id'), deleted: true })
      : json({ error: 'Not found', id: c.req.param('id') }, 404),
  );

  return app;
}
