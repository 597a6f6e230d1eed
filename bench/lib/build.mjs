/**
 * Makes sure dist/ is a production build of the current sources: runs `npm run build` when a bundle is
 * missing or older than anything in src/ (or always, with `force`). The build script empties dist/ first,
 * so a failing build would leave nothing to measure: the previous dist/ is kept aside and put back, and the
 * results say the figures come from a stale build.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');
const BUNDLES = ['dist/mooni.iife.js', 'dist/tracker.iife.js'];

function newest(dir) {
  let latest = 0;
  for (const name of readdirSync(dir, { recursive: true })) {
    const stat = statSync(join(dir, String(name)));
    if (stat.isFile()) latest = Math.max(latest, stat.mtimeMs);
  }
  return latest;
}

export function ensureDist({ force = false, skip = false } = {}) {
  const bundles = BUNDLES.map((b) => join(ROOT, b));
  const present = bundles.every((b) => existsSync(b));
  if (skip)
    return { built: false, stale: false, note: present ? 'build skipped (--no-build)' : 'no dist/ and --no-build' };
  const oldest = present ? Math.min(...bundles.map((b) => statSync(b).mtimeMs)) : 0;
  if (present && !force && oldest >= newest(join(ROOT, 'src')))
    return { built: false, stale: false, note: 'dist/ is newer than src/' };

  const backup = existsSync(join(ROOT, 'dist')) ? mkdtempSync(join(tmpdir(), 'mooni-dist-')) : null;
  if (backup) cpSync(join(ROOT, 'dist'), backup, { recursive: true });
  try {
    execFileSync('npm', ['run', '--silent', 'build'], {
      cwd: ROOT,
      stdio: ['ignore', 'ignore', 'pipe'],
      encoding: 'utf8',
    });
    return { built: true, stale: false, note: 'built now' };
  } catch (error) {
    const lines = String(error.stderr || error.message)
      .split('\n')
      .map((l) => l.trim())
      .filter(Boolean);
    const reason = (
      lines
        .filter((l) => /error/i.test(l) && !/^at /.test(l))
        .slice(0, 2)
        .join(' / ') || lines.slice(-3).join(' / ')
    ).slice(0, 300);
    if (backup) {
      rmSync(join(ROOT, 'dist'), { recursive: true, force: true });
      cpSync(backup, join(ROOT, 'dist'), { recursive: true });
    }
    return {
      built: false,
      stale: true,
      error: reason,
      note: backup ? 'build FAILED; measuring the previous dist/' : 'build FAILED; no dist/',
    };
  } finally {
    if (backup) rmSync(backup, { recursive: true, force: true });
  }
}
