// `npm run test:browser`: the browser suite in each engine in turn (MOONI_BROWSERS, default all three), bringing
// each engine first (scripts/browsers.mjs). One engine at a time keeps the timing-sensitive tests honest on a
// small machine. Arguments go to web-test-runner (`-- --files test/x.test.ts`, `-- --watch` with one engine).
// Prints each engine's totals, then `wtr: N passed, N failed, N skipped` as the last line.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chosenEngines, ensureEngines } from './browsers.mjs';
import { formatPerEngine, formatTotals, sumTotals } from './wtr-summary-reporter.mjs';

const args = process.argv.slice(2);
let engines;
try {
  engines = chosenEngines();
  if (args.includes('--watch') && engines.length > 1) {
    throw new Error('watch mode runs one engine: set MOONI_BROWSERS=chromium (or firefox, webkit).');
  }
  ensureEngines(engines);
} catch (error) {
  console.error(`mooni: ${error.message}`);
  process.exit(1);
}

const folder = mkdtempSync(join(tmpdir(), 'mooni-wtr-'));
const perEngine = {};
const seconds = {};
let exitCode = 0;
for (const engine of engines) {
  const summaryFile = join(folder, `${engine}.json`);
  const started = Date.now();
  console.log(`mooni: browser tests in ${engine}…`);
  const run = spawnSync(process.execPath, ['--import', 'tsx', 'node_modules/@web/test-runner/dist/bin.js', ...args], {
    stdio: 'inherit',
    env: { ...process.env, MOONI_BROWSERS: engine, MOONI_SUMMARY_FILE: summaryFile },
  });
  seconds[engine] = Math.round((Date.now() - started) / 1000);
  if (run.status !== 0) exitCode = 1;
  try {
    perEngine[engine] = JSON.parse(readFileSync(summaryFile, 'utf8'))[engine];
  } catch {
    // No totals means the run ended before reporting (the browser did not start): one failure, never a pass.
    perEngine[engine] = { passed: 0, failed: 1, skipped: 0 };
  }
}
rmSync(folder, { recursive: true, force: true });

console.log(`mooni: wall time ${engines.map((engine) => `${engine} ${seconds[engine]} s`).join(', ')}`);
console.log(formatPerEngine(perEngine));
const totals = sumTotals(perEngine);
if (totals.failed) exitCode = 1;
console.log(`wtr: ${formatTotals(totals)}`);
process.exit(exitCode);
