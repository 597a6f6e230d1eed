import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import WebSocket from 'ws';
import { startMockServer } from '../../src/mock/hosts/node-server.js';
import { createBacklog } from '../../src/mock/realtime/backlog.js';
import { createRateLimiter } from '../../src/mock/realtime/rate-limit.js';
import { readVisitorFrame } from '../../src/mock/realtime/protocol.js';
import { DEMO_AGENT_KEY } from '../../src/mock/realtime/hub.js';
import { CHAT_KEY, uniqueId } from './server.js';
import { until as waitUntil } from '../support/wait.js';

/** A raw WebSocket client that records every frame the server sends. */
async function open(url: string) {
  const socket = new WebSocket(url);
  const frames: Record<string, unknown>[] = [];
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    socket.on('close', (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  socket.on('message', (data) => frames.push(JSON.parse(data.toString())));
  await new Promise<void>((resolve, reject) => {
    socket.once('open', () => resolve());
    socket.once('error', reject);
  });
  const untilFrames = (check: (frames: Record<string, unknown>[]) => boolean, ms = 3000) =>
    waitUntil(
      () => check(frames),
      () => 'frames: ' + JSON.stringify(frames).slice(0, 2000),
      ms,
    );
  const send = (frame: unknown) => socket.send(JSON.stringify(frame));
  const of = (type: string) => frames.filter((frame) => frame.type === type);
  return { socket, frames, closed, until: untilFrames, send, of, close: () => socket.close() };
}

describe('realtime channel (pure parts)', () => {
  test('rate limiter: 10 in any second, the refusal says when the window has room', () => {
    const limiter = createRateLimiter(10, 1000);
    for (let i = 0; i < 10; i++) assert.deepEqual(limiter.take(1000 + i), { ok: true });
    assert.deepEqual(limiter.take(1500), { ok: false, retryAfterMs: 500 });
    assert.deepEqual(limiter.take(2000), { ok: true });
  });

  test('backlog: messages after an id, each once; a gap when the id is older than what is kept', () => {
    const backlog = createBacklog(3);
    for (let i = 1; i <= 5; i++) backlog.add({ from: 'user', text: `t${i}`, templates: [], at: '' });
    assert.deepEqual(
      backlog.after('m_3').messages.map((m) => m.id),
      ['m_4', 'm_5'],
    );
    assert.equal(backlog.after('m_3').gap, false);
    assert.equal(backlog.after('m_1').gap, true);
    assert.deepEqual(
      backlog.after(null).messages.map((m) => m.text),
      ['t3', 't4', 't5'],
    );
  });

  test('visitor frames are checked; mistakes are named error codes, never exceptions', () => {
    assert.equal(readVisitorFrame('{').ok, false);
    assert.deepEqual(readVisitorFrame('[]'), {
      ok: false,
      code: 'invalid_frame',
      message: 'A frame needs a type.',
      ref: undefined,
    });
    const unknown = readVisitorFrame('{"type":"shout","id":"x1"}');
    assert.equal(unknown.ok === false && unknown.code, 'unknown_type');
    assert.equal(unknown.ok === false && unknown.ref, 'x1');
    const long = readVisitorFrame(JSON.stringify({ type: 'user_message', content: 'a'.repeat(501) }));
    assert.equal(long.ok === false && long.code, 'invalid_frame');
    assert.deepEqual(readVisitorFrame('{"type":"user_message","content":" hi "}'), {
      ok: true,
      frame: { type: 'user_message', id: undefined, content: 'hi' },
    });
  });
});

describe('realtime channel on the Node host', () => {
  let server: Server;
  let base = '';
  const hooks: { type: string; data: Record<string, unknown> }[] = [];
  const receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (chunk) => (body += chunk));
    req.on('end', () => {
      hooks.push(JSON.parse(body));
      res.end();
    });
  });
  before(async () => {
    await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
    const hook = `http://127.0.0.1:${(receiver.address() as { port: number }).port}/hook`;
    const started = await startMockServer(0, {
      realtime: { heartbeatMs: 200 },
      webhooks: { subscriptions: [{ url: hook, secret: 'whsec_test' }] },
    });
    server = started.server;
    base = started.url.replace('http://localhost', 'ws://127.0.0.1');
  });
  after(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
    await new Promise((resolve) => receiver.close(resolve));
  });
  const visitor = (conversation: string, extra = '') =>
    open(`${base}/realtime?key=${CHAT_KEY}&conversation=${conversation}${extra}`);

  test('a wrong key gets an unauthorized error and close code 4401', async () => {
    const client = await open(`${base}/realtime?key=nope&conversation=x`);
    const { code } = await client.closed;
    assert.equal(code, 4401);
    assert.equal(client.of('error')[0]?.code, 'unauthorized');
  });

  test('a question is echoed with a server id, answered by the bot, acknowledged; heartbeats follow', async () => {
    const client = await visitor(uniqueId());
    await client.until((f) => f.some((x) => x.type === 'ready'));
    assert.equal(client.of('ready')[0].heartbeatMs, 200);
    client.send({ type: 'user_message', id: 'q1', content: 'How long does shipping take?' });
    await client.until((f) => f.some((x) => x.type === 'ack'));
    const [echo, answer] = client.of('message');
    assert.deepEqual(
      [echo.id, echo.from, echo.text, echo.replyTo],
      ['m_1', 'user', 'How long does shipping take?', 'q1'],
    );
    assert.deepEqual([answer.id, answer.from, answer.replyTo], ['m_2', 'bot', 'q1']);
    assert.match(String(answer.text), /ship/i);
    assert.deepEqual(client.of('ack')[0], { type: 'ack', ref: 'q1', messageId: 'm_1' });
    await client.until((f) => f.filter((x) => x.type === 'heartbeat').length >= 2, 2000);
    client.close();
  });

  test('an out-of-scope answer offers "Talk to a person" as a quick reply', async () => {
    const client = await visitor(uniqueId());
    client.send({ type: 'user_message', id: 'q1', content: 'zyx quantum gravel banana' });
    await client.until((f) => f.some((x) => x.type === 'ack'));
    const answer = client.of('message')[1];
    assert.equal(answer.outOfScope, true);
    const [template] = answer.templates as Record<string, unknown>[];
    assert.equal(template['template-type'], 'quick_reply');
    assert.equal((template['quick-replies'] as { label: string }[])[0].label, 'Talk to a person');
    client.close();
  });

  test('20 frames in one second: 10 accepted, 10 refused with rate_limited and a retry time; a resend is accepted once', async () => {
    const client = await visitor(uniqueId());
    await client.until((f) => f.some((x) => x.type === 'ready'));
    for (let i = 0; i < 20; i++) client.send({ type: 'typing', id: `t${i}`, typing: i % 2 === 0 });
    await client.until((f) => f.filter((x) => x.type === 'ack' || x.type === 'error').length >= 20);
    const errors = client.of('error');
    assert.equal(client.of('ack').length, 10);
    assert.equal(errors.length, 10);
    for (const error of errors) {
      assert.equal(error.code, 'rate_limited');
      assert.ok(Number(error.retryAfterMs) > 0 && Number(error.retryAfterMs) <= 1000, String(error.retryAfterMs));
    }
    assert.deepEqual(
      errors.map((e) => e.ref),
      Array.from({ length: 10 }, (_, i) => `t${i + 10}`),
    );
    await new Promise((r) => setTimeout(r, Number(errors[0].retryAfterMs) + 20));
    client.send({ type: 'user_message', id: 'again', content: 'hello' });
    client.send({ type: 'user_message', id: 'again', content: 'hello' });
    await client.until((f) => f.filter((x) => x.type === 'ack' && x.ref === 'again').length === 2);
    assert.equal(client.of('message').filter((m) => m.from === 'user').length, 1);
    client.close();
  });

  test('a reconnecting client resumes after its last id: nothing lost, nothing twice', async () => {
    const id = uniqueId();
    const first = await visitor(id);
    first.send({ type: 'user_message', id: 'a', content: 'How long does shipping take?' });
    await first.until((f) => f.some((x) => x.type === 'ack'));
    first.close();
    await first.closed;
    const agent = await fetch(`${base.replace('ws', 'http')}/__mock/realtime/conversations/${id}/messages`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Sam', text: 'Hi, Sam here. Still with us?' }),
    });
    assert.equal(agent.status, 201);
    const second = await visitor(id, '&after=m_2');
    await second.until((f) => f.some((x) => x.type === 'message'));
    await new Promise((r) => setTimeout(r, 50));
    const ready = second.of('ready')[0];
    assert.deepEqual([ready.resumed, ready.gap, ready.handoff, ready.agent], [1, false, 'agent', 'Sam']);
    assert.deepEqual(
      second.of('message').map((m) => [m.id, m.from, m.name, m.text]),
      [['m_3', 'agent', 'Sam', 'Hi, Sam here. Still with us?']],
    );
    second.close();
  });

  test('handoff: the visitor asks, the agent console sees it waiting with its transcript, accepts and replies; the webhook fires', async () => {
    const id = uniqueId();
    const client = await visitor(id, '&userId=u_42');
    client.send({ type: 'user_message', id: 'q', content: 'zyx quantum gravel' });
    await client.until((f) => f.some((x) => x.type === 'ack'));
    const console = await open(`${base}/realtime/agent?key=${DEMO_AGENT_KEY}&name=Sam`);
    await console.until((f) => f.some((x) => x.type === 'conversations'));
    client.send({
      type: 'action_request',
      id: 'h',
      action: 'handoff',
      parameters: { transcript: [{ from: 'host', text: 'Need help with your order?' }] },
    });
    await client.until((f) => f.some((x) => x.type === 'handoff' && x.state === 'waiting'));
    await console.until((f) =>
      f.some((x) => x.type === 'conversation' && (x.conversation as { handoff: string }).handoff === 'waiting'),
    );
    const waiting = console.of('conversation').at(-1)?.conversation as { id: string; transcript: { text: string }[] };
    assert.equal(waiting.id, id);
    assert.deepEqual(
      waiting.transcript.map((m) => m.text.slice(0, 20)),
      ['zyx quantum gravel', "Sorry, I couldn't fi", "I'm asking a person "],
    );
    console.send({ type: 'typing', conversationId: id, typing: true });
    await client.until((f) => f.some((x) => x.type === 'typing' && x.typing === true && x.name === 'Sam'));
    console.send({ type: 'agent_message', id: 'r1', conversationId: id, content: 'Hello, I can help.' });
    await client.until((f) => f.some((x) => x.type === 'message' && x.from === 'agent'));
    assert.ok(client.of('handoff').some((x) => x.state === 'agent' && x.agent === 'Sam'));
    assert.ok(client.of('presence').some((x) => x.agent === 'Sam' && x.online === true));
    // While a person answers, the bot stays quiet.
    client.send({ type: 'user_message', id: 'q2', content: 'How long does shipping take?' });
    await client.until((f) => f.some((x) => x.type === 'ack' && x.ref === 'q2'));
    assert.equal(client.of('message').at(-1)?.from, 'user');
    const deadline = Date.now() + 3000;
    while (!hooks.some((h) => h.type === 'conversation.handoff') && Date.now() < deadline)
      await new Promise((r) => setTimeout(r, 20));
    const handoff = hooks.find((h) => h.type === 'conversation.handoff');
    assert.equal(handoff?.data.conversationId, id);
    assert.equal(handoff?.data.userId, 'u_42');
    assert.deepEqual(
      (handoff?.data.transcript as { from: string }[]).map((m) => m.from),
      ['host', 'user', 'bot', 'bot'],
    );
    console.close();
    client.close();
  });

  test('unknown frames and bad JSON get named errors; the connection stays', async () => {
    const client = await visitor(uniqueId());
    client.socket.send('not json');
    client.send({ type: 'shout', id: 'z' });
    await client.until((f) => f.filter((x) => x.type === 'error').length === 2);
    assert.deepEqual(
      client.of('error').map((e) => [e.code, e.ref]),
      [
        ['invalid_json', undefined],
        ['unknown_type', 'z'],
      ],
    );
    assert.equal(client.socket.readyState, WebSocket.OPEN);
    client.close();
  });
});
