import { createServer, type Server } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import { createMockApp, type MockOptions } from '../app.js';
import { DEMO_CHAT_KEY } from '../chat/routes.js';
import { DEMO_AGENT_KEY } from '../realtime/hub.js';
import { attachRealtime } from '../realtime/node-upgrade.js';
import { DEMO_MOOD_KEY } from '../store.js';
import { ENVIRONMENTS } from '../../webhooks/events.js';

/**
 * Starts the mock on `port` (0 = any free port), the realtime channel included (WebSocket upgrades of
 * `/realtime`); resolves with the server and its base URL. Closing the server closes the channel's sockets.
 */
export function startMockServer(port: number, options: MockOptions = {}): Promise<{ server: Server; url: string }> {
  const app = createMockApp(options);
  const server = createServer(getRequestListener(app.fetch));
  const detach = attachRealtime(server, app.realtime);
  server.once('close', detach);
  const closeAllConnections = server.closeAllConnections.bind(server);
  // Upgraded sockets are no longer the HTTP server's: they go with its other connections.
  server.closeAllConnections = () => {
    app.realtime.disconnectAll();
    closeAllConnections();
  };
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, () => {
      const address = server.address();
      const actual = typeof address === 'object' && address ? address.port : port;
      resolve({ server, url: `http://localhost:${actual}` });
    });
  });
}

async function main() {
  const port = Number(process.env.PORT || 8787);
  const hook = process.env.MOCK_WEBHOOK_URL;
  const secret = process.env.MOCK_WEBHOOK_SECRET || 'whsec_demo';
  const limit = process.env.MOCK_RATE_LIMIT;
  const environment = process.env.MOCK_ENVIRONMENT;
  const { server, url } = await startMockServer(port, {
    chunkDelayMs: Number(process.env.MOCK_CHUNK_DELAY_MS ?? 40),
    webhooks: hook ? { subscriptions: [{ url: hook, secret }] } : undefined,
    rateLimit: limit === 'off' ? false : limit ? { perWindow: Number(limit) } : undefined,
    environment: ENVIRONMENTS.find((name) => name === environment),
    gateway: {
      httpStatus: process.env.MOCK_GATEWAY_HTTP_STATUS === 'code' ? 'code' : 'always_200',
      conversationIdField:
        process.env.MOCK_GATEWAY_CONVERSATION_ID === 'conversation-id' ? 'conversation-id' : 'conversation_id',
    },
  });
  console.log(`Mooni mock backend on ${url}

Demo keys
  Mooni Chat (001)       mooni-api-key: ${DEMO_CHAT_KEY}
  SessionMood (003)      X-Api-Key: ${DEMO_MOOD_KEY}   (or Authorization: Bearer ${DEMO_MOOD_KEY}; plan starter)
  Mind Expression (002)  Authorization: Bearer me_demo_key   (or the bare key, as 002's examples send it)
  Realtime channel       ${url.replace('http', 'ws')}/realtime?key=${DEMO_CHAT_KEY}&conversation=ID
                         agent console: /realtime/agent?key=${DEMO_AGENT_KEY}&name=Sam
${hook ? `Webhooks               ${hook} (secret ${secret})\n` : ''}
Try
  curl -N -X POST ${url}/chat -H "mooni-api-key: ${DEMO_CHAT_KEY}" \\
    -H "Content-Type: application/json" \\
    -d '{"query":"How long does shipping take?","sessionId":"550e8400-e29b-41d4-a716-446655440000"}'
  curl -X POST ${url}/v1/sessions/user_abc/events -H "X-Api-Key: ${DEMO_MOOD_KEY}" \\
    -H "Content-Type: application/json" -d '{"events":[{"type":"rage_click","x":240,"y":580,"ts":1746352800},
    {"type":"error","message":"Payment failed","ts":1746352802},{"type":"idle","duration_ms":4500,"ts":1746352807}]}'
  curl ${url}/v1/sessions/user_abc/mood -H "X-Api-Key: ${DEMO_MOOD_KEY}"
  curl -X POST ${url}/api/v1/gateway/default/dev/scope -H "Authorization: Bearer me_demo_key" \\
    -H "Content-Type: application/json" \\
    -d '{"query":null,"query-id":"1c4339cd-d53a-489e-85f3-50a14d1da658","timestamp":1676943114143}'
`);
  const stop = () => {
    console.log('\nStopping the mock backend.');
    server.close(() => process.exit(0));
    server.closeAllConnections();
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

if (import.meta.url === `file://${process.argv[1]}` || process.argv[1]?.endsWith('node-server.ts')) {
  main().catch((error) => {
    console.error(error);
    process.exit(1);
  });
}
