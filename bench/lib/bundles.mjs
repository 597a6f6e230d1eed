/**
 * Bench-only helpers that pages need from the sources (not from dist/): bundled with esbuild at start-up and
 * served from memory. A helper whose source is missing is left out; its measure reports "not available".
 */
import { build } from 'esbuild';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';

const ROOT = resolve(import.meta.dirname, '../..');

/** URL path → [entry, global name]. */
const HELPERS = {
  '/bench/build/history.js': ['src/chat/history/index.ts', 'benchHistory'],
};

export async function makeBundles() {
  const bundles = {};
  const missing = {};
  for (const [path, [entry, globalName]] of Object.entries(HELPERS)) {
    if (!existsSync(resolve(ROOT, entry))) {
      missing[path] = `${entry} does not exist yet`;
      continue;
    }
    try {
      const out = await build({
        entryPoints: [resolve(ROOT, entry)],
        bundle: true,
        format: 'iife',
        globalName,
        target: 'es2022',
        write: false,
        logLevel: 'silent',
      });
      bundles[path] = out.outputFiles[0].text;
    } catch (error) {
      missing[path] = `${entry} did not bundle: ${String(error.message).split('\n')[0]}`;
    }
  }
  return { bundles, missing };
}
