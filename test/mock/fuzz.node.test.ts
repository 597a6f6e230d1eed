import { test } from 'node:test';
import assert from 'node:assert/strict';
import { CHAT_KEY, ME_KEY, MOOD_KEY, useMockServer } from './server.js';

const server = useMockServer();

/** Deterministic PRNG (mulberry32), so a failure can be replayed. */
function random(seed: number) {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEED = 20261122;
const TOTAL = 1500;
const rand = random(SEED);
const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)];
const int = (max: number) => Math.floor(rand() * max);
const printable = (length: number) => Array.from({ length }, () => String.fromCharCode(32 + int(95))).join('');
const unicode = (length: number) =>
  Array.from({ length }, () => pick(['é', '☃', '𝄞', '\u0000', '\u202e', '\n', '"', '\\', 'a', '%', '/'])).join('');

const ODD_IDS = [
  'x'.repeat(257),
  'x'.repeat(5000),
  '%E0%A4%A',
  '%',
  '%25',
  '..%2F..%2Fetc%2Fpasswd',
  '%00',
  encodeURIComponent('☃ 𝄞 "quoted"'),
  encodeURIComponent('<script>alert(1)</script>'),
  '%2F',
  'a%20b',
  '🙂',
  '-',
  '__proto__',
  'constructor',
];

const ROUTES: [string, string][] = [
  ['POST', '/chat'],
  ['GET', '/config'],
  ['GET', '/history/sessions'],
  ['GET', '/health'],
  ['POST', '/v1/keys/generate'],
  ['POST', '/v1/sessions/:id/events'],
  ['GET', '/v1/sessions/:id/mood'],
  ['POST', '/v1/sessions/:id/feedback'],
  ['DELETE', '/v1/sessions/:id'],
  ['GET', '/v1/analytics/moods'],
  ['POST', '/api/v1/gateway/default/:id/:id'],
  ['POST', '/__mock/faults'],
  ['GET', '/__mock/sessions/:id/events'],
  ['GET', '/__mock/feedback'],
  ['POST', '/__mock/webhooks'],
  ['POST', '/__mock/quotas'],
  ['GET', '/__mock/assets/:id'],
];

const VALUES = (): unknown[] => [
  null,
  true,
  0,
  -1,
  1e308,
  Number.MAX_SAFE_INTEGER,
  '',
  ' ',
  printable(20),
  unicode(30),
  [],
  {},
  [null],
  { nested: { deep: [1, { x: 'y' }] } },
  'x'.repeat(600),
];

function badJson(): string {
  return pick([
    '{',
    '}',
    '{"query":',
    "{'query':'single quotes'}",
    '{"events":[{"type":"click"},]}',
    'NaN',
    'undefined',
    '\u0000',
    '[[[[[[[[[[[[[[[[[[[[',
    '{"a":1}{"b":2}',
    printable(40),
    '"unterminated',
    '{"query":"\\uZZZZ"}',
  ]);
}

function wrongTypes(path: string): unknown {
  const v = () => pick(VALUES());
  if (path === '/chat')
    return pick([{ query: v() }, { query: 'ok', sessionId: v(), userId: v(), organizationId: v() }, v()]);
  if (path.endsWith('/events')) {
    const event = () =>
      pick([
        { type: v() },
        {
          type: pick(['click', 'error', 'scroll', 'idle']),
          ts: v(),
          x: v(),
          y: v(),
          duration_ms: v(),
          speed: v(),
          direction: v(),
          url: v(),
          message: v(),
        },
        v(),
      ]);
    return pick([{ events: v() }, { events: Array.from({ length: 1 + int(5) }, event) }, v()]);
  }
  if (path.endsWith('/feedback')) return pick([{ action_taken: v(), was_helpful: v(), notes: v() }, v()]);
  if (path.includes('keys')) return pick([{ customer_name: v(), email: v(), plan: v() }, v()]);
  if (path.includes('gateway')) return pick([{ query: v(), 'query-id': v(), timestamp: v(), custom: v() }, v()]);
  if (path === '/__mock/faults')
    return pick([
      {
        [pick(['chat', 'mood', 'gateway', 'db'])]: {
          status: v(),
          rate: v(),
          count: v(),
          cutAt: v(),
          drop: v(),
          latencyMs: pick([v(), 0]),
        },
      },
      v(),
    ]);
  return pick([{ url: v(), secret: v(), events: v() }, { starter: v() }, v()]);
}

function headers(method: string, path: string): Record<string, string> {
  const h: Record<string, string> = {};
  const auth = pick(['valid', 'valid', 'valid', 'none', 'wrong', 'junk']);
  const junk = printable(1 + int(60)).trim() || 'x';
  if (path === '/chat' || path === '/config' || path.startsWith('/history')) {
    if (auth === 'valid') h['mooni-api-key'] = CHAT_KEY;
    else if (auth !== 'none') h['mooni-api-key'] = auth === 'wrong' ? 'mooni_nope' : junk;
  } else if (path.startsWith('/v1/')) {
    if (auth === 'valid') h[pick(['X-Api-Key', 'Authorization'])] = MOOD_KEY;
    else if (auth !== 'none') h[pick(['X-Api-Key', 'Authorization'])] = auth === 'wrong' ? 'Bearer sm_nope' : junk;
    if (h.Authorization === MOOD_KEY) h.Authorization = `Bearer ${MOOD_KEY}`;
  } else if (path.includes('gateway')) {
    if (auth === 'valid') h.Authorization = `Bearer ${ME_KEY}`;
    else if (auth !== 'none') h.Authorization = junk;
    if (rand() < 0.5) h['X-Conversation-Id'] = pick([crypto.randomUUID(), junk, '']);
  }
  if (method !== 'GET' && rand() < 0.8)
    h['content-type'] = pick(['application/json', 'text/plain', 'multipart/form-data; boundary=x', junk]);
  if (rand() < 0.3) h[`x-${printable(6).replace(/[^a-z]/gi, '') || 'junk'}`] = junk;
  if (rand() < 0.1) h.origin = pick(['https://evil.example', 'null', junk]);
  return h;
}

function randomPath(): string {
  return pick([
    `/${printable(1 + int(30)).replace(/[?#\s]/g, '')}`,
    `/v1/${pick(['session', 'sessions', 'sessions/', 'keys', 'analytics'])}/${encodeURIComponent(printable(8))}`,
    `/v1/sessions/${pick(ODD_IDS)}/${pick(['mood', 'events', 'feedback', 'nope', ''])}`,
    `/api/v1/gateway/${pick(['default', 'other'])}/${pick(ODD_IDS)}`,
    `/__mock/${pick(['faults', 'sessions', 'log', 'reset', 'assets', 'nope'])}/${pick(ODD_IDS)}`,
    `/history/${pick(['sessions', 'users'])}?userId=${pick(ODD_IDS)}`,
    `/chat/${pick(ODD_IDS)}`,
  ]);
}

interface Case {
  method: string;
  path: string;
  headers: Record<string, string>;
  body?: string;
}

function makeCase(): Case {
  const kind = int(10);
  if (kind === 0) {
    return {
      method: pick(['GET', 'POST', 'PUT', 'PATCH', 'DELETE', 'HEAD']),
      path: randomPath(),
      headers: headers('POST', '/x'),
      body: undefined,
    };
  }
  const [pickedMethod, template] = pick(ROUTES);
  let method = pickedMethod;
  if (kind === 1) method = pick(['PUT', 'PATCH', 'GET', 'DELETE', 'POST'].filter((m) => m !== method));
  const id = rand() < 0.5 ? pick(ODD_IDS) : encodeURIComponent(unicode(1 + int(12)));
  let path = template.replace(/:id/g, () => (rand() < 0.3 ? 'fuzz' : id));
  if (template === '/history/sessions' && rand() < 0.7) path += `?userId=${pick(ODD_IDS)}`;
  if (template === '/__mock/feedback' && rand() < 0.7) path += `?session=${pick(ODD_IDS)}`;
  let body: string | undefined;
  if (method !== 'GET' && method !== 'HEAD') {
    if (kind === 2 && rand() < 0.25) body = JSON.stringify({ events: [{ type: 'click' }], pad: 'x'.repeat(1_050_000) });
    else if (kind <= 4) body = badJson();
    else if (kind === 5) body = printable(int(2000));
    else body = JSON.stringify(wrongTypes(template));
  }
  // Never reach latency or lasting faults: the fuzz must not slow itself down or leak into other cases.
  if (path === '/__mock/faults' && body?.includes('latencyMs')) body = '{"chat":{"latencyMs":"x"}}';
  return { method, path, headers: headers(method, template), body };
}

type Shape = 'json-error' | 'empty-401' | 'ok';

/** Whether a 4xx response is in the documents' shape for its route. */
function checkShape(c: Case, status: number, contentType: string, text: string): Shape | string {
  if (status < 400) return 'ok';
  if (c.method === 'HEAD') return 'ok';
  if (
    (status === 401 && ['/chat', '/config'].includes(c.path.split('?')[0])) ||
    (status === 401 && c.path.startsWith('/history/'))
  ) {
    return text === '' ? 'empty-401' : `401 with a body: ${text}`;
  }
  if (!contentType.includes('application/json')) return `non-JSON ${status}: ${contentType}`;
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch {
    return `unparsable JSON ${status}`;
  }
  if (typeof (body as { error?: unknown }).error !== 'string') return `no error string in ${text.slice(0, 200)}`;
  if (c.path.startsWith('/api/v1/gateway/default/') && status !== 404) {
    const b = body as { code?: unknown; description?: unknown; data?: unknown };
    if (b.code !== status || typeof b.description !== 'string' || b.data !== null)
      return `gateway error not in 002's envelope: ${text}`;
  }
  return 'json-error';
}

test(`fuzz: ${TOTAL} malformed requests against every route → no 5xx, errors in the documents' shapes`, async () => {
  const cases = Array.from({ length: TOTAL }, makeCase);
  const statuses = new Map<number, number>();
  const problems: string[] = [];
  let next = 0;
  async function worker() {
    while (next < cases.length) {
      const c = cases[next++];
      let response: Response;
      try {
        response = await fetch(server.base() + c.path, { method: c.method, headers: c.headers, body: c.body });
      } catch (error) {
        problems.push(`${c.method} ${c.path}: fetch failed ${(error as Error).message}`);
        continue;
      }
      const text = await response.text();
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      if (response.status >= 500) problems.push(`${c.method} ${c.path} → ${response.status} ${text.slice(0, 200)}`);
      const shape = checkShape(c, response.status, response.headers.get('content-type') ?? '', text);
      if (!['ok', 'json-error', 'empty-401'].includes(shape))
        problems.push(`${c.method} ${c.path} (${c.body?.slice(0, 80)}) → ${shape}`);
      if (response.status === 200 && c.path === '/chat' && !text.trimEnd().endsWith('data: [DONE]')) {
        problems.push(`/chat stream without [DONE]: ${text.slice(-200)}`);
      }
    }
  }
  await Promise.all(Array.from({ length: 16 }, worker));
  await server.request('/__mock/faults', { method: 'DELETE' });
  const fiveXX = [...statuses].filter(([s]) => s >= 500).reduce((n, [, k]) => n + k, 0);
  const summary = {
    requests: [...statuses.values()].reduce((a, b) => a + b, 0),
    fiveXX,
    statuses: Object.fromEntries([...statuses].sort()),
  };
  console.log(`fuzz summary ${JSON.stringify(summary)}`);
  assert.deepEqual(problems.slice(0, 20), []);
  assert.equal(summary.requests, TOTAL);
  assert.equal(fiveXX, 0);
});
