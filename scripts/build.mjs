// Builds every file of dist/: the npm ESM entries with their types, the two IIFE bundles for
// script tags, and the custom-elements manifest. Prints SRI hashes for the CDN files.
import { rmSync, readFileSync, mkdirSync, copyFileSync, writeFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { build } from 'vite';
import { buildScriptTagFiles } from './script-tag-build.mjs';
import { minifyLiterals } from './minify-literals.mjs';
import { writeIdeData } from './ide-data.mjs';
import { sourceSideEffects } from './source-side-effects.mjs';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
const define = { __MOONI_VERSION__: JSON.stringify(pkg.version) };
const quiet = { logLevel: 'warn', configFile: false, define };

rmSync('dist', { recursive: true, force: true });
mkdirSync('dist');

await build({
  ...quiet,
  plugins: [minifyLiterals(), sourceSideEffects()],
  build: {
    outDir: 'dist',
    emptyOutDir: false,
    minify: false,
    sourcemap: true,
    lib: {
      entry: {
        mooni: 'src/mooni.ts',
        tracker: 'src/tracker.ts',
        server: 'src/server/index.ts',
        react: 'src/react/index.ts',
      },
      formats: ['es'],
    },
    rolldownOptions: {
      external: [/^lit/, /^@lit\//, 'idb-keyval', /^react($|\/)/, /^react-dom($|\/)/],
      output: { chunkFileNames: 'chunks/[name]-[hash].js' },
    },
  },
});

await buildScriptTagFiles('dist', define);

execFileSync(process.execPath, ['node_modules/typescript/bin/tsc', '-p', 'tsconfig.build.json'], { stdio: 'inherit' });
execFileSync(process.execPath, ['node_modules/@custom-elements-manifest/analyzer/cem.js', 'analyze', '--quiet'], {
  stdio: 'inherit',
});
// IDE data and the framework typings (mooni-embed/jsx, /preact, /svelte, /vue), from the manifest.
writeIdeData('dist', pkg);

// Shipped as it is: the pre-load queue snippet.
copyFileSync('src/embed/snippet.js', 'dist/snippet.js');
// The client-library entries' types sit in their folders; dist/<entry>.d.ts points at them.
for (const entry of ['server', 'react']) writeFileSync(`dist/${entry}.d.ts`, `export * from './${entry}/index.js';\n`);

for (const file of ['mooni.iife.js', 'tracker.iife.js']) {
  const digest = createHash('sha384')
    .update(readFileSync(`dist/${file}`))
    .digest('base64');
  console.log(`SRI ${file}: sha384-${digest}`);
}
