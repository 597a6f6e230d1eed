// Browser tests in real Chromium. The mock backend is mounted on the test server's own origin,
// so every test talks to it over real HTTP. Run through `node --import tsx` (see package.json)
// so this file can load the TypeScript mock.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { getRequestListener } from '@hono/node-server';
import { findChromium, CHROMIUM_ARGS } from './scripts/chromium.mjs';
import { summaryReporter } from './scripts/wtr-summary-reporter.mjs';
import { createMockApp } from './src/mock/app.ts';
import { MOCK_PATHS } from './src/mock/hosts/paths.ts';

const mock = getRequestListener(createMockApp({ chunkDelayMs: 0 }).fetch);

export default {
  files: ['test/**/*.test.ts', '!test/**/*.node.test.ts'],
  nodeResolve: true,
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  testsFinishTimeout: 300000,
  plugins: [esbuildPlugin({ ts: true, tsconfig: './tsconfig.json', target: 'es2022' })],
  middleware: [
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
