/**
 * Mutation fuzz of the mock backend, in-process (the same Request → Response handler the in-page demo and
 * the hosts use). Complements test/mock/fuzz.node.test.ts (random bodies over HTTP): here every case starts
 * from a request that the mock accepts, then one to three mutations are applied to its body (structural:
 * a field of another type, deleted, duplicated, nested deep; byte-level: flipped, cut, invalid UTF-8), its
 * headers, its path or its method. Every route is covered, including the admin ones and CORS preflights.
 * Never a 5xx; every error in the documents' shape; a 2xx `/chat` stream always ends with `[DONE]`.
 */
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { createMockApp } from '../../src/mock/app.js';

const TOTAL = 2400;
const SEED = 80808;
const CHAT_KEY = 'mooni_demo_key';
const MOOD_KEY = 'sm_demo_key';
const ME_KEY = 'me_demo_key';

function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const rand = random(SEED);
const int = (max: number) => Math.floor(rand() * max);
const pick = <T>(list: readonly T[]): T => list[int(list.length)]!;

interface Case {
  method: string;
  path: string;
  headers: Record<string, string>;
  /** JSON value (serialised before sending), or raw bytes once a byte-level mutation ran. */
  json?: unknown;
  bytes?: Uint8Array;
  route: string;
}

const chat = { 'mooni-api-key': CHAT_KEY };
const mood = { 'X-Api-Key': MOOD_KEY };
const gateway = { authorization: `Bearer ${ME_KEY}` };
const jsonType = { 'content-type': 'application/json' };
const sid = () => `fuzz-${int(20)}`;

/** Requests the mock accepts, one or more per route. */
const SEEDS: (() => Case)[] = [
  () => ({
    route: 'POST /chat',
    method: 'POST',
    path: '/chat',
    headers: { ...chat, ...jsonType },
    json: {
      query: pick(['How long does shipping take?', 'Which gift cards do you sell?', 'hello']),
      sessionId: crypto.randomUUID(),
      userId: 'user-1',
      organizationId: pick(['shop', 'school']),
    },
  }),
  () => ({ route: 'GET /config', method: 'GET', path: '/config', headers: { ...chat } }),
  () => ({
    route: 'GET /history/sessions',
    method: 'GET',
    path: '/history/sessions?userId=user-1',
    headers: { ...chat },
  }),
  () => ({ route: 'GET /health', method: 'GET', path: '/health', headers: {} }),
  () => ({
    route: 'POST /v1/keys/generate',
    method: 'POST',
    path: '/v1/keys/generate',
    headers: { ...jsonType },
    json: { customer_name: 'Fuzz Inc', email: 'a@b.example', plan: pick(['starter', 'growth', 'pro']) },
  }),
  () => ({
    route: 'POST /v1/sessions/:id/events',
    method: 'POST',
    path: `/v1/sessions/${sid()}/events`,
    headers: { ...mood, ...jsonType },
    json: {
      events: [
        { type: 'click', x: 10, y: 20, ts: 1_700_000_000 },
        { type: 'rage_click', x: 1, y: 2 },
        { type: 'scroll', speed: 1200, direction: 'up' },
        { type: 'idle', duration_ms: 31000 },
        { type: 'error', message: 'TypeError: x' },
        { type: 'page_view', url: 'https://shop.example/a' },
      ],
    },
  }),
  () => ({
    route: 'GET /v1/sessions/:id/mood',
    method: 'GET',
    path: `/v1/sessions/${sid()}/mood`,
    headers: { ...mood },
  }),
  () => ({
    route: 'POST /v1/sessions/:id/feedback',
    method: 'POST',
    path: `/v1/sessions/${sid()}/feedback`,
    headers: { ...mood, ...jsonType },
    json: { action_taken: 'offer_help', was_helpful: true, notes: 'fine' },
  }),
  () => ({
    route: 'DELETE /v1/sessions/:id',
    method: 'DELETE',
    path: `/v1/sessions/${sid()}`,
    headers: { authorization: `Bearer ${MOOD_KEY}` },
  }),
  () => ({
    route: 'GET /v1/analytics/moods',
    method: 'GET',
    path: '/v1/analytics/moods?period=7d',
    headers: { ...mood },
  }),
  () => ({
    route: 'POST /api/v1/gateway/…',
    method: 'POST',
    path: '/api/v1/gateway/default/dev-1/scope-1',
    headers: { ...gateway, ...jsonType, ...(rand() < 0.5 && { 'x-conversation-id': crypto.randomUUID() }) },
    json: {
      query: pick(['hello', 'how are you', 'products', 'bye', '', 'zzz']),
      'query-id': crypto.randomUUID(),
      timestamp: Date.now(),
      custom: { 'user-name': 'Jane' },
    },
  }),
  () => ({ route: 'GET /__mock/faults', method: 'GET', path: '/__mock/faults', headers: {} }),
  () => ({
    route: 'POST /__mock/faults',
    method: 'POST',
    path: '/__mock/faults',
    headers: { ...jsonType },
    json: { [pick(['chat', 'mood', 'gateway'])]: { status: 503, rate: 0.5, count: 2, retryAfterSec: 1 } },
  }),
  () => ({ route: 'DELETE /__mock/faults', method: 'DELETE', path: '/__mock/faults', headers: {} }),
  () => ({
    route: 'GET /__mock/sessions/:id/events',
    method: 'GET',
    path: `/__mock/sessions/${sid()}/events`,
    headers: {},
  }),
  () => ({ route: 'GET /__mock/feedback', method: 'GET', path: `/__mock/feedback?session=${sid()}`, headers: {} }),
  () => ({ route: 'GET /__mock/quotas', method: 'GET', path: '/__mock/quotas', headers: {} }),
  () => ({
    route: 'POST /__mock/quotas',
    method: 'POST',
    path: '/__mock/quotas',
    headers: { ...jsonType },
    json: { starter: 5000 },
  }),
  () => ({ route: 'GET /__mock/log', method: 'GET', path: '/__mock/log', headers: {} }),
  () => ({ route: 'POST /__mock/reset', method: 'POST', path: '/__mock/reset', headers: {} }),
  () => ({ route: 'GET /__mock/webhooks', method: 'GET', path: '/__mock/webhooks', headers: {} }),
  () => ({ route: 'GET /__mock/webhooks/deliveries', method: 'GET', path: '/__mock/webhooks/deliveries', headers: {} }),
  () => ({
    route: 'POST /__mock/webhooks',
    method: 'POST',
    path: '/__mock/webhooks',
    headers: { ...jsonType },
    json: { url: 'http://127.0.0.1:9/hook', events: ['session.mood_changed'], secret: 'whsec_fuzz' },
  }),
  () => ({
    route: 'DELETE /__mock/webhooks/:id',
    method: 'DELETE',
    path: `/__mock/webhooks/wh_${int(5)}`,
    headers: {},
  }),
  () => ({
    route: 'OPTIONS (preflight)',
    method: 'OPTIONS',
    path: pick(['/chat', '/v1/sessions/x/events', '/api/v1/gateway/default/a/b', '/config']),
    headers: {
      origin: 'https://customer.example',
      'access-control-request-method': 'POST',
      'access-control-request-headers': 'content-type, mooni-api-key, x-api-key, authorization',
    },
  }),
];

const ODD = (): unknown =>
  pick<() => unknown>([
    () => null,
    () => true,
    () => 0,
    () => -1,
    () => 1e308,
    () => -0,
    () => 2 ** 53 + 1,
    () => 0.5,
    () => '',
    () => ' ',
    () => 'x'.repeat(int(3000)),
    () => '\u0000\u202e𝄞"\\</script>',
    () => '__proto__',
    () => [],
    () => {},
    () => [null],
    () => ({ __proto__: { polluted: 1 } }),
    () => JSON.parse('{"__proto__":{"polluted":1}}'),
    () => nest(int(3000)),
  ])();
const nest = (depth: number): unknown => {
  let v: unknown = 1;
  for (let i = 0; i < depth; i++) v = pick([[v], { a: v }]);
  return v;
};

/** Every (container, key) pair inside a JSON value, to mutate one in place. */
function slots(
  value: unknown,
  out: [Record<string, unknown> | unknown[], string | number][] = [],
  depth = 0,
): typeof out {
  if (depth > 6 || value === null || typeof value !== 'object') return out;
  for (const key of Object.keys(value)) {
    const k = Array.isArray(value) ? Number(key) : key;
    out.push([value as never, k]);
    slots((value as Record<string, unknown>)[key], out, depth + 1);
  }
  return out;
}

const encoder = new TextEncoder();
const safeHeader = (s: string) => s.replace(/[^\x20-\x7e]/g, '').trim() || 'x';

const MUTATIONS: ((c: Case) => void)[] = [
  // structural, on the JSON body
  (c) => {
    const s = slots(c.json);
    if (!s.length) {
      c.json = ODD();
      return;
    }
    const [o, k] = pick(s);
    (o as Record<string | number, unknown>)[k] = ODD();
  },
  (c) => {
    const s = slots(c.json);
    if (s.length) {
      const [o, k] = pick(s);
      Array.isArray(o) ? o.splice(Number(k), 1) : delete (o as Record<string, unknown>)[k as string];
    }
  },
  (c) => {
    const s = slots(c.json);
    if (s.length) {
      const [o, k] = pick(s);
      const v = (o as Record<string | number, unknown>)[k];
      (o as Record<string | number, unknown>)[k] = pick([
        [v, v],
        { value: v },
        String(v),
        Array.from({ length: 2000 }, () => v),
      ]);
    }
  },
  (c) => {
    c.json = pick([
      [c.json],
      { data: c.json },
      ODD(),
      Array.from({ length: 5000 }, () => ({ type: 'click', x: 1, y: 1 })),
    ]);
  },
  (c) => {
    if (c.json && typeof c.json === 'object' && !Array.isArray(c.json))
      (c.json as Record<string, unknown>)[pick(['extra', 'type', 'events', 'query', 'constructor'])] = ODD();
  },
  // byte-level, on the serialised body
  (c) => {
    const b = bodyBytes(c);
    const i = int(b.length + 1);
    c.bytes = concat(
      b.slice(0, i),
      Uint8Array.from(pick([[0xff], [0xc0, 0xaf], [0xed, 0xa0, 0x80], [0xe2, 0x82], [0x00], [0xef, 0xbb, 0xbf]])),
      b.slice(i),
    );
  },
  (c) => {
    const b = bodyBytes(c);
    c.bytes = b.slice(0, int(b.length));
  },
  (c) => {
    const b = Uint8Array.from(bodyBytes(c));
    for (let n = 0; n < 1 + int(4); n++) if (b.length) b[int(b.length)] = int(256);
    c.bytes = b;
  },
  (c) => {
    const b = bodyBytes(c);
    const i = int(b.length);
    c.bytes = concat(b, b.slice(i));
  },
  // headers
  (c) => {
    for (const k of Object.keys(c.headers)) if (rand() < 0.5) delete c.headers[k];
  },
  (c) => {
    const k = pick(['mooni-api-key', 'X-Api-Key', 'authorization']);
    c.headers[k] = pick([
      `Bearer ${MOOD_KEY}`,
      `bearer  ${ME_KEY} `,
      `${CHAT_KEY} `,
      'Basic eDp5',
      safeHeader('x'.repeat(int(9000))),
      MOOD_KEY.toUpperCase(),
      'Bearer',
    ]);
  },
  (c) => {
    c.headers['content-type'] = pick([
      'text/plain',
      'application/json; charset=latin1',
      'multipart/form-data; boundary=z',
      'application/x-www-form-urlencoded',
      '',
      'application/json, text/html',
    ]);
  },
  (c) => {
    c.headers['x-conversation-id'] = pick([
      '',
      'not-a-uuid',
      crypto.randomUUID().toUpperCase(),
      `${crypto.randomUUID()} `,
      'x'.repeat(4000),
    ]);
  },
  // path and method
  (c) => {
    c.path = pick([
      c.path + '/',
      c.path.replace('/', '//'),
      c.path.toUpperCase(),
      c.path + '?' + 'q=%ZZ&q=1&userId=',
      c.path + '/..',
      c.path.replace(/[a-z]/, (ch) => '%' + ch.charCodeAt(0).toString(16)),
      c.path + '#frag',
      c.path + '%00',
      c.path.replace(/fuzz-\d+/, pick(['%E0%A4%A', 'x'.repeat(300), '..%2F..', '%20', '__proto__', '🙂'])),
    ]);
  },
  (c) => {
    c.method = pick(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD', 'OPTIONS']);
  },
];

function bodyBytes(c: Case): Uint8Array {
  if (c.bytes) return c.bytes;
  return encoder.encode(c.json === undefined ? '' : (JSON.stringify(c.json) ?? ''));
}
function concat(...parts: Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let i = 0;
  for (const p of parts) (out.set(p, i), (i += p.length));
  return out;
}

function makeCase(): Case {
  const c = pick(SEEDS)();
  for (let n = 1 + int(3); n > 0; n--) pick(MUTATIONS)(c);
  return c;
}

function toRequest(c: Case): Request {
  const hasBody = c.method !== 'GET' && c.method !== 'HEAD';
  const body = hasBody && (c.bytes || c.json !== undefined) ? bodyBytes(c) : undefined;
  return new Request(`http://mock.test${c.path}`, {
    method: c.method,
    headers: c.headers,
    body: body as BodyInit | undefined,
  });
}

/** Whether an error response has the shape its API documents. */
function shapeProblem(c: Case, path: string, status: number, type: string, text: string): string | undefined {
  if (status < 400 || c.method === 'HEAD') return undefined;
  const chatRoute = path === '/chat' || path === '/config' || path.startsWith('/history/');
  if (status === 401 && chatRoute) return text === '' ? undefined : `001 says 401 has no body: ${text.slice(0, 100)}`;
  if (!type.includes('application/json')) return `non-JSON ${status} (${type})`;
  let body: Record<string, unknown>;
  try {
    body = JSON.parse(text);
  } catch {
    return `unparsable JSON ${status}`;
  }
  if (path.startsWith('/api/v1/gateway/default/') && status !== 404 && status !== 405) {
    return body.code === status && typeof body.description === 'string' && body.data === null
      ? undefined
      : `not 002's envelope: ${text.slice(0, 120)}`;
  }
  return typeof body.error === 'string' ? undefined : `no error string: ${text.slice(0, 120)}`;
}

describe('hardening: the mock under mutated requests', () => {
  test(`mutation fuzz: ${TOTAL} mutated valid requests against every route → no 5xx, no throw, errors in shape`, async () => {
    // Admin routes get their own app, so mutated faults, quotas or resets never leak into the API cases.
    const api = createMockApp({ chunkDelayMs: 0 });
    const admin = createMockApp({ chunkDelayMs: 0 });

    // Control: every seed, unmutated, is accepted (the mutations start from real requests).
    for (const seed of SEEDS) {
      const c = seed();
      const app = c.path.startsWith('/__mock/') ? admin : api;
      const r = await app.fetch(toRequest(c));
      await r.arrayBuffer();
      assert.ok(r.status < 300 || (r.status === 404 && c.route.includes(':id')), `seed ${c.route} → ${r.status}`);
    }
    await admin.fetch(new Request('http://mock.test/__mock/reset', { method: 'POST' }));

    const problems: string[] = [];
    const byRoute: Record<string, number> = {};
    const statuses: Record<number, number> = {};
    let sent = 0;
    for (let i = 0; i < TOTAL; i++) {
      const c = makeCase();
      let request: Request;
      try {
        request = toRequest(c);
      } catch (error) {
        problems.push(`case ${i} could not be built (${c.method} ${c.path}): ${(error as Error).message}`);
        continue;
      }
      const raw = new URL(request.url).pathname;
      let path = raw;
      try {
        path = decodeURIComponent(raw); // the router matches percent-decoded paths (`/%63hat` is `/chat`)
      } catch {
        // not decodable: the router sees it raw too
      }
      const app = c.route.includes('/__mock/') || /__mock/i.test(path) ? admin : api;
      let response: Response;
      try {
        response = await app.fetch(request);
      } catch (error) {
        problems.push(`${c.method} ${c.path} threw ${(error as Error).stack}`);
        continue;
      }
      sent++;
      byRoute[c.route] = (byRoute[c.route] ?? 0) + 1;
      statuses[response.status] = (statuses[response.status] ?? 0) + 1;
      const text = await response.text();
      const injected = app === api && response.headers.has('x-mooni-mock-drop');
      if (response.status >= 500 && !injected)
        problems.push(`${c.method} ${c.path} (${c.route}) → ${response.status} ${text.slice(0, 160)}`);
      const shape = shapeProblem(c, path, response.status, response.headers.get('content-type') ?? '', text);
      if (shape) problems.push(`${c.method} ${c.path} (${c.route}) → ${response.status}: ${shape}`);
      if (
        response.status === 200 &&
        c.method === 'POST' &&
        path === '/chat' &&
        !text.trimEnd().endsWith('data: [DONE]')
      ) {
        problems.push(`/chat 200 without [DONE]: ${text.slice(-120)}`);
      }
      if (({} as Record<string, unknown>).polluted !== undefined)
        problems.push(`Object.prototype polluted by ${c.method} ${c.path}`);
    }
    console.log(
      `hardening mutation fuzz: ${sent} requests, statuses ${JSON.stringify(statuses)}, per route ${JSON.stringify(byRoute)}`,
    );
    assert.deepEqual(problems.slice(0, 15), []);
    assert.equal(sent, TOTAL);
    assert.equal(Object.keys(byRoute).length, SEEDS.length, 'every route was fuzzed');
  });
});
