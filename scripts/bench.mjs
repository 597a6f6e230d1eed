// `npm run bench`: the CONTRACT.md budgets measured in real Chromium against production builds.
// Usage: node --import tsx scripts/bench.mjs [measure…] [--runs N] [--no-build | --build] [--list]
// Prints a table (each figure beside its budget), writes bench/results.json, exits 1 when a hard budget is broken.
// See bench/README.md for what each measure does.
import { spawnSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { resolve } from 'node:path';

// The mock backend and the mood engine are TypeScript: the harness needs tsx's loader.
if (!process.env.MOONI_BENCH_TSX && !process.execArgv.some((a) => a.includes('tsx'))) {
  const child = spawnSync(process.execPath, ['--import', 'tsx', ...process.argv.slice(1)], {
    stdio: 'inherit',
    env: { ...process.env, MOONI_BENCH_TSX: '1' },
  });
  process.exit(child.status ?? 1);
}

const { MEASURES } = await import('../bench/measures/index.mjs');
const { judge } = await import('../bench/lib/budgets.mjs');
const { formatTable } = await import('../bench/lib/format.mjs');
const { ensureDist } = await import('../bench/lib/build.mjs');

const ROOT = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const flag = (name) => args.includes(name);
const option = (name) => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};
const optionValues = new Set(['--runs'].map(option));
const wanted = args.filter((a) => !a.startsWith('--') && !optionValues.has(a));

if (flag('--list')) {
  for (const m of MEASURES) console.log(`${m.name.padEnd(16)} ${m.title}`);
  process.exit(0);
}
const unknown = wanted.filter((w) => !MEASURES.some((m) => m.name === w));
if (unknown.length) {
  console.error(`bench: unknown measure ${unknown.join(', ')}; known: ${MEASURES.map((m) => m.name).join(', ')}`);
  process.exit(2);
}
const chosen = wanted.length ? MEASURES.filter((m) => wanted.includes(m.name)) : MEASURES;
const started = performance.now();
/** A measure that hangs (a page that never finishes) is reported as not available rather than stalling the run. */
const MEASURE_TIMEOUT_S = 150;
const loadBefore = loadavg()[0];
const say = (text) => console.error(`bench: ${text}`);

say('checking dist/ …');
const build = ensureDist({ force: flag('--build'), skip: flag('--no-build') });
say(`${build.note}${build.error ? ` (${build.error})` : ''}`);

const ctx = {
  root: ROOT,
  runs: Number(option('--runs') ?? 5),
  build,
  say,
  server: null,
  browser: null,
  bundles: { missing: {} },
};

let server;
let browserHandle;
if (chosen.some((m) => m.browser)) {
  const { makeBundles } = await import('../bench/lib/bundles.mjs');
  const { startServer } = await import('../bench/lib/server.mjs');
  const { launchBrowser } = await import('../bench/lib/browser.mjs');
  const made = await makeBundles();
  ctx.bundles = made;
  server = await startServer({ bundles: made.bundles });
  ctx.server = server;
  if (!server.mock) say(server.mockReason);
  browserHandle = await launchBrowser();
  ctx.browser = browserHandle.browser;
  say(`server ${server.origin}, ${browserHandle.version}`);
}

const figures = [];
for (const measure of chosen) {
  const t0 = performance.now();
  say(`${measure.name}: ${measure.title} …`);
  let rows;
  try {
    let timer;
    const limit = new Promise((_, reject) => {
      timer = setTimeout(() => reject(new Error(`timed out after ${MEASURE_TIMEOUT_S} s`)), MEASURE_TIMEOUT_S * 1000);
    });
    rows = await Promise.race([measure.run(ctx), limit]).finally(() => clearTimeout(timer));
  } catch (error) {
    if (process.env.BENCH_DEBUG) console.error(error);
    rows = (measure.figures ?? [{ label: measure.title }]).map((f) => ({
      ...f,
      value: null,
      note: `not available: ${String(error?.message ?? error).split('\n')[0]}`,
    }));
  }
  for (const row of rows) figures.push(judge({ measure: measure.name, ...row }));
  say(`${measure.name}: done in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
}

await browserHandle?.browser.close();
await server?.close();

const failed = figures.filter((f) => f.status === 'fail' && f.hard);
const results = {
  date: new Date().toISOString(),
  machine: {
    cpus: cpus().length,
    cpu: cpus()[0]?.model,
    node: process.version,
    chromium: browserHandle?.version ?? null,
    loadAverage: { before: loadBefore, after: loadavg()[0] },
  },
  build,
  runs: ctx.runs,
  durationSeconds: Math.round((performance.now() - started) / 100) / 10,
  figures,
  failed: failed.map((f) => `${f.measure}: ${f.label}`),
};
writeFileSync(resolve(ROOT, 'bench/results.json'), JSON.stringify(results, null, 2) + '\n');

console.log(formatTable(figures));
console.log('');
console.log(
  `machine: ${cpus().length} × ${cpus()[0]?.model ?? 'cpu'}, load average ${loadBefore.toFixed(1)} before / ${loadavg()[0].toFixed(1)} after; noise = min–max over the runs.`,
);
if (build.stale) console.log(`NOTE: ${build.note}: ${build.error}`);
console.log(
  `${figures.filter((f) => f.status === 'pass').length} pass, ${failed.length} hard fail, ${figures.filter((f) => f.status === 'n/a').length} not available; ${results.durationSeconds} s; bench/results.json written.`,
);
if (failed.length) {
  console.log(`FAILED hard budgets: ${results.failed.join('; ')}`);
  process.exit(1);
}
