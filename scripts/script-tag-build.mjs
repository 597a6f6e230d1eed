// The files a script-tag page loads, built into `outDir`: mooni.iife.js and tracker.iife.js (classic
// scripts) and the ES modules they load on demand from beside themselves: mooni-panel.js (the chat panel's
// content), mooni-interventions.js (what interventions show) and mood-engine.js (the tracker's local mode).
// Used by the package build and the static demo.
import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'vite';
import { minifyLiterals } from './minify-literals.mjs';
import { sourceSideEffects } from './source-side-effects.mjs';

const source = (path) => fileURLToPath(new URL(`../src/${path}`, import.meta.url));

/** Packages the bundle shares with mooni-panel.js (the parts src/embed/panel-runtime.ts names). */
const SHARED_PACKAGES = new Set(['lit', 'idb-keyval']);

/**
 * mooni-panel.js takes the shared packages and the modules that src/embed/panel-runtime.ts imports as
 * namespaces from the bundle that loads it: each resolves to shared-from-bundle.ts instead of being bundled
 * a second time.
 */
function sharedFromBundle() {
  const runtimeFile = source('embed/panel-runtime.ts');
  const standIn = source('embed/shared-from-bundle.ts');
  const shared = new Set(
    [...readFileSync(runtimeFile, 'utf8').matchAll(/^import type \* as \w+ from '([^']+)\.js';$/gm)].map(([, path]) =>
      resolve(dirname(runtimeFile), `${path}.ts`),
    ),
  );
  return {
    name: 'shared-from-bundle',
    enforce: 'pre',
    async resolveId(specifier, importer, options) {
      if (importer === standIn) return null;
      if (SHARED_PACKAGES.has(specifier)) return standIn;
      if (!specifier.startsWith('.')) return null;
      const resolved = await this.resolve(specifier, importer, { ...options, skipSelf: true });
      return resolved && shared.has(resolved.id) ? standIn : null;
    },
  };
}

export async function buildScriptTagFiles(outDir, define) {
  const common = { logLevel: 'warn', configFile: false, define, plugins: [minifyLiterals(), sourceSideEffects()] };
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
      resolve: {
        alias: [
          { find: /^(\.\.?\/)+load-panel\.js$/, replacement: source('embed/load-panel-beside-script.ts') },
          // The derived-signal detectors come from mooni-signals.js beside the script, outside the size budgets.
          {
            find: /^\.\/detectors\/(dead-click|quick-back|excessive-scroll)\.js$/,
            replacement: source('embed/signals-beside-script.ts'),
          },
        ],
      },
      build: {
        ...output,
        lib: { entry: source(entry), formats: ['iife'], name: 'MooniBundle', fileName: () => fileName },
      },
    });
  }

  // Lit and the shared helpers come from the mooni.iife.js that loads this module.
  await build({
    ...common,
    plugins: [...common.plugins, sharedFromBundle()],
    build: {
      ...minifiedModule,
      lib: { entry: source('chat/panel.ts'), formats: ['es'], fileName: () => 'mooni-panel.js' },
      // mooni-panel.js imports the realtime client on demand (mooni-panel-realtime.js); what both use sits in a
      // chunk beside them (mooni-panel-templates.js), so nothing ships twice.
      rolldownOptions: { output: { minify: true, chunkFileNames: 'mooni-panel-[name].js' } },
    },
  });

  // What interventions show (the nudge, the exit offer, the proactive line, the help-topic cards), loaded when the
  // first one fires; like mooni-panel.js it takes Lit from mooni.iife.js.
  await build({
    ...common,
    plugins: [...common.plugins, sharedFromBundle()],
    build: {
      ...minifiedModule,
      lib: { entry: source('embed/intervention-view.ts'), formats: ['es'], fileName: () => 'mooni-interventions.js' },
    },
  });

  // Both script-tag bundles load the derived-signal detectors (and, with data-debug, the decision log) on demand.
  // ... and, for `Mooni.shutdown()`, what clears the visitor's storage.
  for (const [entry, fileName] of [
    ['tracker/derived-signals.ts', 'mooni-signals.js'],
    ['embed/debug-log.ts', 'mooni-debug.js'],
    ['embed/forget.ts', 'mooni-forget.js'],
  ]) {
    await build({
      ...common,
      build: { ...minifiedModule, lib: { entry: source(entry), formats: ['es'], fileName: () => fileName } },
    });
  }

  // The standalone tracker loads the engine for `mode: 'local'`, which keeps tracker.iife.js inside its budget.
  await build({
    ...common,
    build: {
      ...minifiedModule,
      lib: { entry: source('mood/engine.ts'), formats: ['es'], fileName: () => 'mood-engine.js' },
    },
  });
}
