import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import {
  createRealtimeClient,
  createRealtimeTransport,
  type RealtimeMessage,
} from '../../../src/chat/transports/realtime.js';
import { sleep, until } from '../../support/wait.js';

describe('realtime transport in the browser (real WebSocket to the mock)', () => {
  it('asks over the channel on the page origin and yields the bot answer', async () => {
    const client = createRealtimeClient({ apiBase: '', apiKey: 'mooni_demo_key', conversationId: crypto.randomUUID() });
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

  it('a server killed and restarted: reconnecting, then resumed with every message once', async () => {
    const { url } = await executeServerCommand<{ url: string }, unknown>('realtime-server', { action: 'start' });
    const conversationId = crypto.randomUUID();
    const client = createRealtimeClient({ apiBase: url, apiKey: 'mooni_demo_key', conversationId, baseDelayMs: 200 });
    const seen: RealtimeMessage[] = [];
    client.on('message', (message) => seen.push(message));
    try {
      client.connect();
      await until(() => client.state === 'open', 'open');
      client.send({ type: 'user_message', content: 'How long does shipping take?' });
      await until(() => seen.length === 2, 'the answer');
      await executeServerCommand('realtime-server', { action: 'stop' });
      await until(() => client.state === 'reconnecting', 'reconnecting');
      client.send({ type: 'user_message', content: 'Hello?' });
      await executeServerCommand('realtime-server', { action: 'restart' });
      await until(
        () => client.state === 'open' && client.pending === 0 && seen.length === 4,
        () => JSON.stringify(seen),
        8000,
      );
      await sleep(200);
      expect(seen.map((m) => `${m.id} ${m.from}`)).to.deep.equal(['m_1 user', 'm_2 bot', 'm_3 user', 'm_4 bot']);
    } finally {
      client.disconnect();
      await executeServerCommand('realtime-server', { action: 'stop' });
    }
  });
});
