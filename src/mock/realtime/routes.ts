import { Hono } from 'hono';
import { isRecord, json, readJson } from '../http.js';
import { MAX_CONTENT_CHARS } from './protocol.js';
import type { RealtimeHub } from './hub.js';

/** `/__mock/realtime/*`: the channel's conversations for QA and tests, and an agent that needs no console. */
export function realtimeAdminRoutes(hub: RealtimeHub) {
  const app = new Hono();
  app.get('/__mock/realtime/conversations', () => json({ items: hub.conversations() }));
  app.post('/__mock/realtime/conversations/:id/messages', async (c) => {
    const body = await readJson(c.req.raw);
    if (!body.ok) return json({ error: body.reason }, 400);
    const input = isRecord(body.value) ? body.value : {};
    const text = typeof input.text === 'string' ? input.text.trim() : '';
    if (!text || text.length > MAX_CONTENT_CHARS)
      return json({ error: 'invalid_text', maxLength: MAX_CONTENT_CHARS }, 400);
    const name = typeof input.name === 'string' && input.name.trim() ? input.name.trim().slice(0, 40) : 'Agent';
    const message = hub.agentMessage(c.req.param('id'), name, text);
    return message ? json(message, 201) : json({ error: 'unknown_conversation' }, 404);
  });
  app.post('/__mock/realtime/disconnect', () => {
    hub.disconnectAll();
    return json({ ok: true });
  });
  return app;
}
