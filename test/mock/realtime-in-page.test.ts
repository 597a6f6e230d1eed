import { expect } from '@open-wc/testing';
import { installInPageBackend } from '../../src/mock/hosts/in-page.js';
import { createRealtimeClient, createRealtimeTransport } from '../../src/chat/transports/realtime.js';

describe('realtime channel simulated in the page (static demo)', () => {
  it('answers through the same hub code as the Node host, with nothing on the network', async () => {
    const backend = installInPageBackend({ chunkDelayMs: 0 });
    const client = createRealtimeClient({
      apiBase: 'https://chat.example.com',
      apiKey: 'mooni_demo_key',
      conversationId: crypto.randomUUID(),
      WebSocket: backend.WebSocket,
    });
    try {
      const events = [];
      for await (const event of createRealtimeTransport(client).send('How long does shipping take?', {
        signal: new AbortController().signal,
        sessionId: 'x',
      }))
        events.push(event);
      expect(events[0]).to.include({ kind: 'text' });
      expect(client.state).to.equal('open');
    } finally {
      client.disconnect();
    }
  });
});
