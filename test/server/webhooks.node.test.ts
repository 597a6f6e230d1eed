import { after, before, describe, test } from 'node:test';
import assert from 'node:assert/strict';
import crypto from 'node:crypto';
import { createServer, type IncomingMessage, type Server } from 'node:http';
import { startMockServer } from '../../src/mock/hosts/node-server.js';
import { DEMO_QUERIES } from '../../src/mock/demo-queries.js';
import { createWebhookDispatcher } from '../../src/mock/webhooks/dispatcher.js';
import {
  MooniApiError,
  MooniServer,
  createWebhookHandler,
  type WebhookEnvelope,
  type WebhookEventType,
} from '../../src/server/index.js';
import { until } from '../support/wait.js';

const SECRET = 'whsec_round_trip';

// 000 "Webhook Security", verbatim but for types: the receiver's own verification code.
function verifyWebhookSignature(req: { headers: IncomingMessage['headers']; body: unknown }, secret: string) {
  const signature = req.headers['x-mood-mnky-signature'] as string;
  const timestamp = req.headers['x-mood-mnky-timestamp'] as string;
  // Recreate the signature
  const payload = timestamp + '.' + JSON.stringify(req.body);
  const expectedSignature = crypto.createHmac('sha256', secret).update(payload).digest('hex');
  // Use constant-time comparison
  return crypto.timingSafeEqual(Buffer.from(signature), Buffer.from(expectedSignature));
}

/** Two receivers on port 0: one checks with 000's code over a parsed JSON body, one is createWebhookHandler. */
function receivers() {
  const documented: { valid: boolean; event: WebhookEnvelope }[] = [];
  const dispatched: WebhookEnvelope[] = [];
  const byType: string[] = [];
  let documentedServer: Server;
  let handlerServer: Server;
  const urls = { documented: '', handler: '' };
  const handler = createWebhookHandler({
    secret: SECRET,
    on: {
      'conversation.completed': (event) => void byType.push(`completed:${String(event.data.reason)}`),
      '*': (event) => void dispatched.push(event),
    },
  });
  before(async () => {
    documentedServer = createServer((req, res) => {
      let raw = '';
      req.on('data', (chunk) => (raw += chunk));
      req.on('end', () => {
        const body = JSON.parse(raw);
        const valid = verifyWebhookSignature({ headers: req.headers, body }, SECRET);
        documented.push({ valid, event: body });
        res.writeHead(valid ? 200 : 401).end(valid ? 'Webhook received' : 'Invalid signature');
      });
    });
    handlerServer = createServer((req, res) => void handler(req, res));
    for (const [name, server] of [
      ['documented', documentedServer],
      ['handler', handlerServer],
    ] as const) {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      urls[name] = `http://127.0.0.1:${(server.address() as { port: number }).port}/webhooks/mooni`;
    }
  });
  after(async () => {
    for (const server of [documentedServer, handlerServer]) {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    }
  });
  return { documented, dispatched, byType, urls };
}

describe('webhook round trip: subscribe with the server client, receive signed 000 envelopes', () => {
  const hooks = receivers();
  let mock: Server;
  let client: MooniServer;
  before(async () => {
    const started = await startMockServer(0, {
      chunkDelayMs: 0,
      environment: 'staging',
      conversations: { timeoutMs: 4000 },
    });
    mock = started.server;
    const url = started.url.replace('localhost', '127.0.0.1');
    client = new MooniServer({
      environment: 'staging',
      baseUrls: { staging: { chat: url, mood: url, gateway: url } },
      chatKey: 'mooni_demo_key',
      moodKey: 'sm_demo_key',
      gateway: { authKey: 'me_demo_key', developerId: 'dev', scopeId: 'scope' },
    });
  });
  after(
    () =>
      new Promise<void>((resolve) => {
        mock.closeAllConnections();
        mock.close(() => resolve());
      }),
  );

  test('subscriptions: create, list, get, update, delete, with description, isActive, events and filters', async () => {
    const created = await client.webhooks.create({
      url: hooks.urls.documented,
      secret: SECRET,
      description: 'Staging event notifications',
      events: ['conversation.completed'],
      filters: { users: ['*'], environments: ['staging'] },
      isActive: false,
    });
    assert.match(created.id, /^wh_/);
    assert.equal(created.secret, '***');
    assert.deepEqual(
      (await client.webhooks.list()).map((webhook) => webhook.id),
      [created.id],
    );
    const updated = await client.webhooks.update(created.id, {
      isActive: true,
      events: [
        'conversation.started',
        'conversation.message_sent',
        'conversation.completed',
        'product.recommended',
        'content.engaged',
      ],
    });
    assert.deepEqual([updated.isActive, updated.description, updated.events.length], [true, updated.description, 5]);
    assert.deepEqual((await client.webhooks.get(created.id)).filters, { users: ['*'], environments: ['staging'] });
    const other = new MooniServer({ ...clientOptions(client), moodKey: 'sm_other' });
    assert.ok((await other.webhooks.list().catch((error: unknown) => error)) instanceof MooniApiError);
    const bad = await client.webhooks.create({ url: 'ftp://x', secret: 's' }).catch((error: unknown) => error);
    assert.ok(bad instanceof MooniApiError);
    assert.deepEqual([bad.statusCode, (bad.body as { field: string }).field], [400, 'url']);
    await client.webhooks.create({ url: hooks.urls.handler, secret: SECRET });
    const filtered = await client.webhooks.create({
      url: hooks.urls.handler,
      secret: SECRET,
      filters: { environments: ['production'] },
    });
    const removed = await client.webhooks.create({ url: hooks.urls.handler, secret: SECRET });
    assert.deepEqual(await client.webhooks.delete(removed.id), { id: removed.id, deleted: true });
    assert.equal((await client.webhooks.list()).length, 3);
    assert.ok(filtered.id);
  });

  test('a conversation’s events, verified with 000’s own code; completed only when it ends', async () => {
    const sessionId = crypto.randomUUID();
    const user = client.withUserContext({ userId: 'user_hooks', sessionId });
    for await (const _ of user.chat(DEMO_QUERIES.card));
    for await (const _ of user.chat(DEMO_QUERIES.quickReply));
    await until(() => hooks.documented.filter((d) => d.event.data.conversationId === sessionId).length >= 6);
    await new Promise((resolve) => setTimeout(resolve, 100));
    const types = (type: WebhookEventType) =>
      hooks.documented.filter((d) => d.event.type === type && d.event.data.conversationId === sessionId);
    assert.equal(types('conversation.completed').length, 0, 'answered questions do not complete it');
    await user.endConversation('closed');
    await until(() => types('conversation.completed').length === 1);

    const mine = hooks.documented.filter((d) => d.event.data.conversationId === sessionId);
    assert.ok(mine.every((d) => d.valid));
    assert.ok(mine.every((d) => d.event.environment === 'staging' && d.event.version === '1.0'));
    assert.deepEqual(Object.keys(mine[0].event), ['id', 'timestamp', 'type', 'environment', 'version', 'data']);
    assert.equal(types('conversation.started').length, 1);
    assert.equal(types('conversation.message_sent').length, 4);
    assert.equal(types('product.recommended').length, 1);
    assert.equal(
      typeof (types('product.recommended')[0].event.data.products as { title: string }[])[0].title,
      'string',
    );
    const completed = types('conversation.completed')[0].event.data;
    assert.deepEqual([completed.reason, completed.messages, completed.userId], ['closed', 2, 'user_hooks']);
    // The handler receiver got every type, dispatched by type; the production-only subscription got none.
    await until(() => hooks.byType.includes('completed:closed'));
    assert.equal(hooks.dispatched.filter((event) => event.data.conversationId === sessionId).length, 7);
  });

  test('gateway: a quick reply used is content.engaged, 220 completes as terminated; quiet ones time out', async () => {
    const conversation = client.gateway();
    await conversation.send('how are you');
    const id = conversation.conversationId;
    await conversation.send("I'm good, thanks.");
    await conversation.send('bye');
    await until(() => hooks.documented.some((d) => d.event.data.conversationId === id && d.event.data.reason));
    const mine = hooks.documented.filter((d) => d.event.data.conversationId === id);
    const engaged = mine.find((d) => d.event.type === 'content.engaged');
    assert.deepEqual([engaged?.event.data.kind, engaged?.event.data.label], ['quick_reply', 'Good']);
    assert.equal(mine.find((d) => d.event.type === 'conversation.completed')?.event.data.reason, 'terminated');

    const quiet = client.gateway();
    await quiet.send('hello');
    await until(
      () =>
        hooks.documented.some(
          (d) => d.event.data.conversationId === quiet.conversationId && d.event.data.reason === 'timed_out',
        ),
      'conversation.completed with reason timed_out',
      10_000,
    );
  });

  test('a tampered delivery is refused by createWebhookHandler with 401', async () => {
    const response = await fetch(hooks.urls.handler, {
      method: 'POST',
      headers: { 'x-mood-mnky-signature': 'f'.repeat(64), 'x-mood-mnky-timestamp': String((Date.now() / 1000) | 0) },
      body: JSON.stringify({ id: 'evt_forged', type: 'conversation.completed', data: {} }),
    });
    assert.equal(response.status, 401);
  });
});

describe('webhook delivery pace', () => {
  test('at most 5 deliveries a second to one endpoint', async () => {
    const times: number[] = [];
    const dispatcher = createWebhookDispatcher({
      subscriptions: [{ url: 'http://receiver.invalid/hooks', secret: 's' }],
      fetch: async () => {
        times.push(Date.now());
        return new Response('ok');
      },
    });
    for (let i = 0; i < 6; i++) dispatcher.emit('content.engaged', { i });
    await dispatcher.idle();
    assert.equal(times.length, 6);
    assert.ok(times[5] - times[0] >= 950, `6 deliveries in ${times[5] - times[0]} ms`);
  });
});

function clientOptions(client: MooniServer) {
  return { environment: client.environment, baseUrls: { [client.environment]: client.baseUrls } };
}
