// Browser tests in real Chromium. The mock backend is mounted on the test server's own origin,
// so every test talks to it over real HTTP. Run through `node --import tsx` (see package.json)
// so this file can load the TypeScript mock.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { getRequestListener } from '@hono/node-server';
import { fromRollup } from '@web/dev-server-rollup';
import rollupCommonjs from '@rollup/plugin-commonjs';
import rollupReplace from '@rollup/plugin-replace';
import { findChromium, CHROMIUM_ARGS } from './scripts/chromium.mjs';
import { summaryReporter } from './scripts/wtr-summary-reporter.mjs';
import { createMockApp } from './src/mock/app.ts';
import { MOCK_PATHS } from './src/mock/hosts/paths.ts';
import { realtimeServerPlugin } from './test/support/realtime-server.ts';

export const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'";

const commonjs = fromRollup(rollupCommonjs);
const replace = fromRollup(rollupReplace);

// No per-key rate limit: the whole suite shares the demo keys (the limit has its own Node tests).
const mockApp = createMockApp({ chunkDelayMs: 0, rateLimit: false });
const mock = getRequestListener(mockApp.fetch);

export default {
  files: ['test/**/*.test.{ts,tsx}', '!test/**/*.node.test.ts'],
  nodeResolve: true,
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  testsFinishTimeout: 300000,
  plugins: [
    // React ships CommonJS only; the React interop test needs it as ES modules.
    replace({ preventAssignment: true, 'process.env.NODE_ENV': JSON.stringify('development') }),
    commonjs({
      strictRequires: false,
      requireReturnsDefault: 'preferred',
      include: ['**/node_modules/react/**', '**/node_modules/react-dom/**', '**/node_modules/scheduler/**'],
    }),
    esbuildPlugin({ ts: true, tsx: true, jsx: true, tsconfig: './tsconfig.json', target: 'es2022' }),
    // The realtime channel (WebSocket upgrades of /realtime) and a killable second mock server.
    realtimeServerPlugin(mockApp.realtime),
  ],
  middleware: [
    // dist/mooni.iife.js copied alone into a folder: its panel module (beside it) is missing.
    async (ctx, next) => {
      if (ctx.path === '/test/embed/csp/no-panel/mooni.iife.js') ctx.path = '/dist/mooni.iife.js';
      return next();
    },
    // Pages under a `csp/` folder of test/ are served with the strict policy integrators use.
    async (ctx, next) => {
      await next();
      if (/^\/test\/.*\/csp\//.test(ctx.path)) ctx.set('Content-Security-Policy', STRICT_CSP);
    },
    async (ctx, next) => {
      if (!MOCK_PATHS.test(ctx.path)) return next();
      ctx.respond = false;
      await mock(ctx.req, ctx.res);
    },
  ],
  browsers: [
    chromeLauncher({
      launchOptions: { executablePath: findChromium(), headless: true, args: CHROMIUM_ARGS },
    }),
  ],
  reporters: [defaultReporter(), summaryReporter()],
};
