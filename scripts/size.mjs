// Size report and hard-limit check for dist/ (CONTRACT.md budgets). Builds first when dist/ is missing.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';
import { execFileSync } from 'node:child_process';

const KB = 1024;
export const BUDGETS = {
  'mooni.iife.js': { hard: 22 * KB, aim: 16 * KB },
  'mooni-panel.js': { hard: 12 * KB, aim: 12 * KB },
  'tracker.iife.js': { hard: 6 * KB, aim: 4 * KB },
};

if (!existsSync('dist/mooni.iife.js') || !existsSync('dist/tracker.iife.js')) {
  execFileSync('npm', ['run', 'build'], { stdio: 'inherit' });
}

const files = readdirSync('dist', { recursive: true })
  .map(String)
  .filter((name) => statSync(join('dist', name)).isFile() && !name.endsWith('.map') && !name.endsWith('.d.ts'))
  .sort();

let failed = false;
const rows = files.map((name) => {
  const bytes = readFileSync(join('dist', name));
  const gzip = gzipSync(bytes, { level: 9 }).length;
  const brotli = brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  const budget = BUDGETS[name];
  let verdict = '';
  if (budget) {
    if (gzip > budget.hard) {
      failed = true;
      verdict = `FAIL over ${budget.hard} B hard limit`;
    } else verdict = gzip > budget.aim ? `ok (above ${budget.aim} B aim)` : `ok (within ${budget.aim} B aim)`;
  }
  return { name, raw: bytes.length, gzip, brotli, verdict };
});

const pad = (value, width) => String(value).padStart(width);
console.log(`${'file'.padEnd(34)}${pad('raw B', 10)}${pad('gzip-9 B', 10)}${pad('brotli B', 10)}  budget`);
for (const row of rows) {
  console.log(`${row.name.padEnd(34)}${pad(row.raw, 10)}${pad(row.gzip, 10)}${pad(row.brotli, 10)}  ${row.verdict}`);
}
if (failed) {
  console.error('size: a bundle is over its hard limit (see above).');
  process.exit(1);
}
