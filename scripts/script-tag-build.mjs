// The files a script-tag page loads, built into `outDir`: mooni.iife.js and tracker.iife.js (classic
// scripts) and the ES modules they load on demand from beside themselves: mooni-panel.js (the chat panel's
// content) and mood-engine.js (the tracker's local mode). Used by the package build and the static demo.
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { minifyLiterals } from './minify-literals.mjs';

const source = (path) => fileURLToPath(new URL(`../src/${path}`, import.meta.url));

export async function buildScriptTagFiles(outDir, define) {
  const common = { logLevel: 'warn', configFile: false, define, plugins: [minifyLiterals()] };
  const output = { outDir, emptyOutDir: false, minify: true, target: 'es2022' };
  // Vite keeps whitespace in ES library output (for bundlers); these modules go to browsers as they are.
  const minifiedModule = { ...output, rolldownOptions: { output: { minify: true } } };

  for (const [entry, fileName] of [
    ['embed/mooni-iife.ts', 'mooni.iife.js'],
    ['embed/tracker-iife.ts', 'tracker.iife.js'],
  ]) {
    await build({
      ...common,
      // The element loads its panel from mooni-panel.js beside the script (not a chunk the IIFE cannot have).
      resolve: { alias: [{ find: /^\.\/load-panel\.js$/, replacement: source('embed/load-panel-beside-script.ts') }] },
      build: {
        ...output,
        lib: { entry: source(entry), formats: ['iife'], name: 'MooniBundle', fileName: () => fileName },
      },
    });
  }

  // Lit and the chat's error classes come from the mooni.iife.js that loads this module.
  await build({
    ...common,
    resolve: {
      alias: [
        { find: /^lit$/, replacement: source('embed/shared-from-bundle.ts') },
        { find: /^(\.\.?\/)+model\.js$/, replacement: source('embed/shared-from-bundle.ts') },
      ],
    },
    build: {
      ...minifiedModule,
      lib: { entry: source('chat/panel.ts'), formats: ['es'], fileName: () => 'mooni-panel.js' },
    },
  });

  // The standalone tracker loads the engine for `mode: 'local'`, which keeps tracker.iife.js inside its budget.
  await build({
    ...common,
    build: {
      ...minifiedModule,
      lib: { entry: source('mood/engine.ts'), formats: ['es'], fileName: () => 'mood-engine.js' },
    },
  });
}
