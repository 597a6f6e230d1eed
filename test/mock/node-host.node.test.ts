import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer } from 'node:http';
import { verifyWebhookSignature } from '../../src/webhooks/verify.js';

test('npm run mock: prints base URL, demo keys and curls; serves; MOCK_WEBHOOK_URL delivers; exits cleanly on SIGINT', async () => {
  const deliveries: { headers: Record<string, unknown>; body: string }[] = [];
  const receiver = createServer((req, res) => {
    let body = '';
    req.on('data', (c) => (body += c));
    req.on('end', () => {
      deliveries.push({ headers: req.headers, body });
      res.end();
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  const hook = `http://127.0.0.1:${(receiver.address() as { port: number }).port}/hook`;

  const child = spawn(process.execPath, ['--import', 'tsx', 'src/mock/hosts/node-server.ts'], {
    env: {
      ...process.env,
      PORT: '0',
      MOCK_WEBHOOK_URL: hook,
      MOCK_WEBHOOK_SECRET: 'whsec_cli',
      MOCK_CHUNK_DELAY_MS: '0',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout.on('data', (c) => (out += c));
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  try {
    const deadline = Date.now() + 15_000;
    while (!/Try\n/.test(out) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
    const base = /on (http:\/\/localhost:\d+)/.exec(out)?.[1];
    assert.ok(base, out);
    for (const text of [
      'mooni-api-key: mooni_demo_key',
      'X-Api-Key: sm_demo_key',
      'Bearer sm_demo_key',
      'Bearer me_demo_key',
      'curl',
      hook,
    ]) {
      assert.ok(out.includes(text), text);
    }
    const health = await fetch(`${base}/health`);
    assert.deepEqual(await health.json(), { status: 'ok', version: '1.0.0' });
    const chat = await fetch(`${base}/chat`, {
      method: 'POST',
      headers: { 'mooni-api-key': 'mooni_demo_key', 'content-type': 'application/json' },
      body: JSON.stringify({ query: 'How long does shipping take?' }),
    });
    assert.ok((await chat.text()).trimEnd().endsWith('data: [DONE]'));
    const waitUntil = Date.now() + 3000;
    while (!deliveries.length && Date.now() < waitUntil) await new Promise((r) => setTimeout(r, 20));
    assert.equal(deliveries.length, 1);
    const [{ headers, body }] = deliveries;
    assert.equal(
      await verifyWebhookSignature({
        body,
        signature: headers['x-mood-mnky-signature'] as string,
        timestamp: headers['x-mood-mnky-timestamp'] as string,
        secret: 'whsec_cli',
      }),
      true,
    );
  } finally {
    child.kill('SIGINT');
    assert.equal(await exited, 0);
    receiver.close();
  }
});
