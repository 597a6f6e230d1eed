// Builds the QA demo as static files in dist-demo/: the page loads the built mooni.iife.js as a classic
// script, exactly as a customer would, and the mock backend runs in the page (data-mock="in-page").
// The result works under `default-src 'self'` (the page carries that CSP) and from any static server:
//   npx vite preview --outDir dist-demo      or      cd dist-demo && python3 -m http.server
import { copyFileSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { build } from 'vite';
import { buildScriptTagFiles } from '../scripts/script-tag-build.mjs';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
const common = { configFile: false, logLevel: 'warn', define: { __MOONI_VERSION__: JSON.stringify(version) } };
// Bot cards may show images from any https origin (002 image and card templates); everything else is 'self'.
const CSP = "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' https:";
const DEV_EMBED = /<script\s+type="module"\s+src="\/src\/embed\/mooni-iife\.ts"/;

/** Turns the dev page (index.html) into the static one. */
const staticPage = {
  name: 'mooni-static-demo',
  transformIndexHtml: {
    order: 'pre',
    handler(source) {
      if (!DEV_EMBED.test(source)) throw new Error('build:demo: the embed script tag was not found in index.html');
      return source
        .replace(
          '<meta charset="utf-8" />',
          `<meta charset="utf-8" />\n    <meta http-equiv="Content-Security-Policy" content="${CSP}" />`,
        )
        .replace('<script src="/src/embed/snippet.js"></script>', '<script src="./snippet.js"></script>')
        .replace('<script src="/demo/preload.js"></script>', '<script src="./preload.js"></script>')
        .replace(
          DEV_EMBED,
          '<script type="module" src="/demo/in-page-mock.ts"></script>\n    <script defer src="./mooni.iife.js" data-mock="in-page"',
        );
    },
  },
};

rmSync('dist-demo', { recursive: true, force: true });
await buildScriptTagFiles('dist-demo', common.define);

await build({
  ...common,
  // 'warn' would print that the three classic scripts are not bundled: that is the point.
  logLevel: 'error',
  base: './',
  plugins: [staticPage],
  build: { outDir: 'dist-demo', emptyOutDir: false, target: 'es2022', rolldownOptions: { input: 'index.html' } },
});

mkdirSync('dist-demo', { recursive: true });
copyFileSync('src/embed/snippet.js', 'dist-demo/snippet.js');
copyFileSync('demo/preload.js', 'dist-demo/preload.js');
console.log('dist-demo/ ready: npx vite preview --outDir dist-demo  (or python3 -m http.server in dist-demo)');
