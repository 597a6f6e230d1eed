/**
 * One HTTP server on an ephemeral 127.0.0.1 port for every browser measure: dist/ and the bench pages as
 * static files, bench-only bundles made at start-up, the mock backend (when its module loads), and a fast
 * SSE route for the chat stream measure. It counts the requests and bytes each path prefix sees, so the
 * tracker's traffic is measured on the wire rather than reported by the page.
 */
import { createServer } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';

const ROOT = resolve(import.meta.dirname, '../..');
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json',
  '.css': 'text/css',
  '.map': 'application/json',
};
const STATIC = { '/dist/': join(ROOT, 'dist'), '/bench/pages/': join(ROOT, 'bench/pages') };
/** The peers' own script-tag builds (devDependencies), served as they ship. */
const PEERS = {
  '/bench/peers/posthog.js': join(ROOT, 'node_modules/posthog-js/dist/array.full.no-external.js'),
  '/bench/peers/clarity.js': join(ROOT, 'node_modules/clarity-js/build/clarity.min.js'),
  '/bench/peers/deep-chat.js': join(ROOT, 'node_modules/deep-chat/dist/deepChat.bundle.js'),
  '/bench/peers/web-vitals.js': join(ROOT, 'node_modules/web-vitals/dist/web-vitals.iife.js'),
};
/** Where the peers send what they collect: every request is answered 200 `{}` and counted on the wire. */
const SINK = '/bench/sink/';

/** Loads the mock backend as a Node request listener; returns a reason string when it cannot. */
async function loadMock() {
  try {
    const [{ createMockApp }, { MOCK_PATHS }, { getRequestListener }] = await Promise.all([
      import(pathToFileURL(join(ROOT, 'src/mock/app.ts')).href),
      import(pathToFileURL(join(ROOT, 'src/mock/hosts/paths.ts')).href),
      import('@hono/node-server'),
    ]);
    return { listener: getRequestListener(createMockApp({ chunkDelayMs: 0 }).fetch), paths: MOCK_PATHS };
  } catch (error) {
    return { reason: `mock backend did not load: ${String(error?.message ?? error).split('\n')[0]}` };
  }
}

/**
 * SSE in the shape of 001: a status, `chunks` text events `w<i> ` (the index lets the page match each chunk
 * to its arrival and its appearance), a done status, [DONE]. `rate` chunks per second, paced against the
 * clock so a late tick catches up; 0 sends as fast as the socket takes them.
 */
function stream(req, res, url) {
  const chunks = Math.min(Number(url.searchParams.get('chunks') ?? 1000), 200000);
  const rate = Number(url.searchParams.get('rate') ?? 1000);
  res.writeHead(200, { 'Content-Type': 'text/event-stream', 'Cache-Control': 'no-store', Connection: 'keep-alive' });
  res.write('data: {"type":"status","status":"searching","level":"loading"}\n\n');
  let sent = 0;
  let closed = false;
  req.on('close', () => (closed = true));
  const event = (i) => `data: {"type":"text","content":"w${i} "}\n\n`;
  const finish = () => res.end('data: {"type":"status","status":"done","level":"success"}\n\ndata: [DONE]\n\n');
  const start = performance.now();
  const tick = () => {
    if (closed) return;
    const due =
      rate > 0
        ? Math.min(chunks, Math.floor(((performance.now() - start) * rate) / 1000) + 1)
        : Math.min(chunks, sent + 200);
    let out = '';
    for (; sent < due; sent++) out += event(sent);
    if (out) res.write(out);
    if (sent >= chunks) finish();
    else if (rate > 0) setTimeout(tick, 1);
    else setImmediate(tick);
  };
  tick();
}

/** Wire bytes of one request/response pair: request line and headers, body, status line, headers, body. */
function countWire(req, res, record) {
  const head =
    `${req.method} ${req.url} HTTP/1.1\r\n`.length +
    req.rawHeaders.reduce((n, h, i) => n + h.length + (i % 2 ? 2 : 2), 0) +
    2;
  // The body's size from its header: listening to 'data' here would take the body from the mock.
  const up = head + Number(req.headers['content-length'] ?? 0);
  let down = 0;
  const write = res.write.bind(res);
  const end = res.end.bind(res);
  const size = (chunk, encoding) =>
    chunk == null || typeof chunk === 'function'
      ? 0
      : Buffer.byteLength(chunk, typeof encoding === 'string' ? encoding : undefined);
  res.write = (chunk, encoding, cb) => ((down += size(chunk, encoding)), write(chunk, encoding, cb));
  res.end = (chunk, encoding, cb) => ((down += size(chunk, encoding)), end(chunk, encoding, cb));
  res.on('finish', () => {
    const headers = Object.entries(res.getHeaders()).reduce((n, [k, v]) => n + k.length + String(v).length + 4, 0);
    record({
      method: req.method,
      path: req.url.split('?')[0],
      status: res.statusCode,
      up,
      down: down + headers + 17,
      at: performance.now(),
    });
  });
}

export async function startServer({ bundles = {} } = {}) {
  const mock = await loadMock();
  const log = [];
  const server = createServer(async (req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    const path = decodeURIComponent(url.pathname);
    // Cross-origin isolation gives the pages 5 µs timers instead of 100 µs.
    res.setHeader('Cross-Origin-Opener-Policy', 'same-origin');
    res.setHeader('Cross-Origin-Embedder-Policy', 'require-corp');
    res.setHeader('Cache-Control', 'no-store');
    if (path === '/bench/stream') return stream(req, res, url);
    if (bundles[path] != null) {
      res.writeHead(200, { 'Content-Type': TYPES['.js'] });
      return res.end(bundles[path]);
    }
    if (PEERS[path]) {
      res.writeHead(200, { 'Content-Type': TYPES['.js'] });
      return res.end(await readFile(PEERS[path]));
    }
    if (path.startsWith(SINK)) {
      countWire(req, res, (entry) => log.push(entry));
      req.resume();
      res.writeHead(200, { 'Content-Type': 'application/json' });
      return res.end('{}');
    }
    if (mock.paths?.test(path)) {
      countWire(req, res, (entry) => log.push(entry));
      return mock.listener(req, res);
    }
    for (const [prefix, dir] of Object.entries(STATIC)) {
      if (!path.startsWith(prefix)) continue;
      const file = normalize(join(dir, path.slice(prefix.length)));
      if (!file.startsWith(dir)) break;
      try {
        const body = await readFile(file);
        res.writeHead(200, { 'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream' });
        return res.end(body);
      } catch {
        break;
      }
    }
    res.writeHead(404, { 'Content-Type': 'text/plain' });
    res.end('not found');
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    mock: mock.listener ? true : false,
    mockReason: mock.reason,
    /** Wire log of the mock's requests since `mark` (an index from `log.length`). */
    log,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(resolve);
      }),
  };
}
