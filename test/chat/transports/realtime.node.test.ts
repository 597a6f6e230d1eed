import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import WebSocket from 'ws';
import { startMockServer } from '../../../src/mock/hosts/node-server.js';
import { createRealtimeHub } from '../../../src/mock/realtime/hub.js';
import {
  backoffDelay,
  createRealtimeClient,
  createRealtimeTransport,
  readMessage,
  realtimeUrl,
  type RealtimeEventMap,
  type SocketConstructor,
} from '../../../src/chat/transports/realtime.js';
import { until } from '../../support/wait.js';

const stop = (server: Server) =>
  new Promise<void>((resolve) => {
    server.closeAllConnections();
    server.close(() => resolve());
  });

describe('realtime client (pure parts)', () => {
  test('backoff doubles from 500 ms to a 15 s cap, with the upper half jittered', () => {
    assert.deepEqual(
      [0, 1, 2, 3, 4, 5, 6, 10].map((attempt) => backoffDelay(attempt, 500, 15_000, () => 1)),
      [500, 1000, 2000, 4000, 8000, 15000, 15000, 15000],
    );
    assert.deepEqual(
      [0, 1, 5].map((attempt) => backoffDelay(attempt, 500, 15_000, () => 0)),
      [250, 500, 7500],
    );
  });

  test('channel URL: ws for http, wss for https, key and conversation in the query', () => {
    assert.equal(
      realtimeUrl('https://chat.example.com/api/', { key: 'k', conversation: 'c', after: undefined }),
      'wss://chat.example.com/api/realtime?key=k&conversation=c',
    );
    assert.equal(realtimeUrl('http://127.0.0.1:9', { key: 'k' }), 'ws://127.0.0.1:9/realtime?key=k');
  });

  test('server messages are read defensively: unsafe template URLs dropped, bad ids and authors refused', () => {
    assert.equal(readMessage({ id: 'x', from: 'bot', text: 'hi' }), undefined);
    assert.equal(readMessage({ id: 'm_1', from: 'root', text: 'hi' }), undefined);
    const message = readMessage({
      id: 'm_2',
      from: 'agent',
      name: 'Sam',
      text: 'Look',
      at: '2026-12-01T00:00:00Z',
      templates: [{ 'template-type': 'image', template: 'x', 'image-url': 'javascript:alert(1)' }],
    });
    assert.deepEqual(message, {
      id: 'm_2',
      from: 'agent',
      name: 'Sam',
      text: 'Look',
      templates: [],
      at: Date.parse('2026-12-01T00:00:00Z'),
      outOfScope: false,
    });
  });
});

describe('realtime client against the Node host', () => {
  test('killing the server mid-conversation: reconnecting with backoff, then resumed — nothing lost, nothing twice', async () => {
    const hub = createRealtimeHub({ heartbeatMs: 500 });
    const started = await startMockServer(0, { realtime: { hub } });
    const { url } = started;
    let { server } = started;
    const port = Number(new URL(url).port);
    const apiBase = `http://127.0.0.1:${port}`;
    const conversationId = `c-${crypto.randomUUID()}`;
    const client = createRealtimeClient({
      apiBase,
      apiKey: 'mooni_demo_key',
      conversationId,
      WebSocket: WebSocket as unknown as SocketConstructor,
      baseDelayMs: 100,
    });
    const seen: RealtimeEventMap['message'][] = [];
    const states: { state: string; at: number; retryInMs?: number }[] = [];
    client.on('message', (message) => seen.push(message));
    client.on('state', ({ state, retryInMs }) => states.push({ state, at: Date.now(), retryInMs }));
    const transport = createRealtimeTransport(client);
    try {
      const events = [];
      for await (const event of transport.send('How long does shipping take?', {
        signal: new AbortController().signal,
        sessionId: conversationId,
      }))
        events.push(event);
      assert.equal(events[0]?.kind, 'text');

      await stop(server);
      const killedAt = Date.now();
      await until(() => client.state === 'reconnecting');
      // Sent while the server is down: kept and delivered after the restart.
      client.send({ type: 'user_message', content: 'Are you there?' });
      await new Promise((r) => setTimeout(r, 700));
      hub.agentMessage(conversationId, 'Sam', 'Sorry, we had a hiccup.');
      ({ server } = await startMockServer(port, { realtime: { hub } }));
      const restartedAt = Date.now();
      await until(() => client.state === 'open' && client.pending === 0);
      const resumedAt = Date.now();
      const texts = seen.map((m) => `${m.id} ${m.from} ${m.text.slice(0, 24)}`);
      assert.deepEqual(
        texts.map((t) => t.split(' ').slice(0, 2).join(' ')),
        ['m_1 user', 'm_2 bot', 'm_3 agent', 'm_4 user'],
        texts.join('\n'),
      );
      assert.equal(new Set(seen.map((m) => m.id)).size, seen.length);
      const retries = states.filter((s) => s.retryInMs !== undefined).map((s) => s.retryInMs as number);
      assert.ok(retries.length >= 2, JSON.stringify(states));
      console.log(
        `  reconnect: server down ${restartedAt - killedAt} ms, waits ${retries.join(', ')} ms; ` +
          `open again ${resumedAt - restartedAt} ms after the restart`,
      );
    } finally {
      client.disconnect();
      await stop(server);
    }
  });

  test('20 frames in one second: rate_limited errors, the client waits the retry time and then delivers every one', async () => {
    const { server, url } = await startMockServer(0, {});
    const client = createRealtimeClient({
      apiBase: url.replace('localhost', '127.0.0.1'),
      apiKey: 'mooni_demo_key',
      conversationId: `c-${crypto.randomUUID()}`,
      WebSocket: WebSocket as unknown as SocketConstructor,
    });
    const errors: { at: number; retryAfterMs?: number }[] = [];
    const acks: number[] = [];
    client.on('error', (error) => error.code === 'rate_limited' && errors.push({ at: Date.now(), ...error }));
    client.on('ack', () => acks.push(Date.now()));
    try {
      client.connect();
      await until(() => client.state === 'open');
      const start = Date.now();
      for (let i = 0; i < 20; i++)
        client.send({ type: 'action_request', action: 'recommend_products', parameters: {} });
      await until(() => acks.length === 20);
      assert.ok(errors.length >= 1 && errors.length <= 10, String(errors.length));
      const firstRetry = errors[0].retryAfterMs ?? 0;
      assert.ok(firstRetry > 0 && firstRetry <= 1000);
      // The eleventh acknowledgement waited for the window, not a busy loop of refusals.
      assert.ok(acks[10] - start >= 900, String(acks[10] - start));
      assert.ok(errors.length === 10 && errors.every((e) => e.at - start < 500), JSON.stringify(errors));
    } finally {
      client.disconnect();
      await stop(server);
    }
  });

  test('a wrong key closes for good: no reconnect loop', async () => {
    const { server, url } = await startMockServer(0, {});
    const client = createRealtimeClient({
      apiBase: url.replace('localhost', '127.0.0.1'),
      apiKey: 'wrong',
      conversationId: 'c',
      WebSocket: WebSocket as unknown as SocketConstructor,
      baseDelayMs: 10,
    });
    const errors: string[] = [];
    client.on('error', (error) => errors.push(error.code));
    try {
      client.connect();
      await until(() => client.state === 'closed');
      await new Promise((r) => setTimeout(r, 100));
      assert.equal(client.state, 'closed');
      assert.deepEqual(errors, ['unauthorized']);
    } finally {
      client.disconnect();
      await stop(server);
    }
  });
});
