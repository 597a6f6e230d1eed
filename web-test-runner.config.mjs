// Browser tests in real Chromium, Firefox ESR and WebKitGTK. The mock backend is mounted on the test server's own
// origin, so every test talks to it over real HTTP. Run through `node --import tsx` (see package.json) so this file
// can load the TypeScript mock. MOONI_BROWSERS (comma-separated: chromium, firefox, webkit) chooses the engines,
// Chromium alone when it is not set; `npm run test:browser` (scripts/test-browsers.mjs) runs each engine in turn.
import { esbuildPlugin } from '@web/dev-server-esbuild';
import { defaultReporter } from '@web/test-runner';
import { chromeLauncher } from '@web/test-runner-chrome';
import { WebdriverLauncher } from '@web/test-runner-webdriver';
import puppeteer from 'puppeteer-core';
import { getRequestListener } from '@hono/node-server';
import { fromRollup } from '@web/dev-server-rollup';
import rollupCommonjs from '@rollup/plugin-commonjs';
import rollupReplace from '@rollup/plugin-replace';
import { CHROMIUM_ARGS } from './scripts/chromium.mjs';
import { chosenEngines, findEngine } from './scripts/browsers.mjs';
import { engineCommandsPlugin, setWebKitViewport } from './scripts/engine-commands.mjs';
import { startWebKitDriver } from './scripts/webkit-driver.mjs';
import { summaryReporter } from './scripts/wtr-summary-reporter.mjs';
import { createMockApp } from './src/mock/app.ts';
import { MOCK_PATHS } from './src/mock/hosts/paths.ts';
import { realtimeServerPlugin } from './test/support/realtime-server.ts';
import { screenPlugin } from './test/support/screen-server.ts';

export const STRICT_CSP = "default-src 'self'; script-src 'self'; style-src 'self'; connect-src 'self'";

const commonjs = fromRollup(rollupCommonjs);
const replace = fromRollup(rollupReplace);

/** A chat key whose history needs the user's token, signed with this secret (test/chat/element/history.test.ts). */
const SIGNED_CHAT_KEY = 'mooni_signed_key';
const USER_TOKEN_SECRET = 'utsec_test';

// No per-key rate limit: the whole suite shares the demo keys (the limit has its own Node tests).
const mockApp = createMockApp({
  chunkDelayMs: 0,
  rateLimit: false,
  chatKeys: ['mooni_demo_key', SIGNED_CHAT_KEY],
  userTokenSecrets: { [SIGNED_CHAT_KEY]: USER_TOKEN_SECRET },
});
const mock = getRequestListener(mockApp.fetch);

/** The page size every engine's tests start with (Chromium's default through puppeteer). */
const VIEWPORT = { width: 800, height: 600 };

/** MiniBrowser through WebKitWebDriver, its page sized like the other engines' before the first test. */
class WebKitLauncher extends WebdriverLauncher {
  async startSession(id, url) {
    await this.ensureManagerInitialized();
    this.sized ??= setWebKitViewport(this.driver, VIEWPORT);
    await this.sized;
    return super.startSession(id, url);
  }
}

const LAUNCHERS = {
  chromium: (executablePath) =>
    chromeLauncher({ launchOptions: { executablePath, headless: true, args: CHROMIUM_ARGS } }),
  // Puppeteer drives Firefox over WebDriver BiDi; system access lets the media emulation set preferences.
  firefox: (executablePath) =>
    chromeLauncher({
      puppeteer,
      launchOptions: {
        browser: 'firefox',
        protocol: 'webDriverBiDi',
        executablePath,
        headless: true,
        args: ['--remote-allow-system-access'],
      },
    }),
  webkit: async ({ driver, miniBrowser, xvfb }) => {
    const { port } = await startWebKitDriver({ driver, xvfb });
    return new WebKitLauncher({
      hostname: '127.0.0.1',
      port,
      path: '/',
      logLevel: 'error',
      capabilities: {
        browserName: 'MiniBrowser',
        'webkitgtk:browserOptions': { binary: miniBrowser, args: ['--automation'] },
        // webdriverio 9 asks for BiDi by default, which WebKitWebDriver cannot match.
        'wdio:enforceWebDriverClassic': true,
      },
    });
  },
};

async function launchersFor(engines) {
  return Promise.all(
    engines.map((engine) => {
      const found = findEngine(engine);
      if (!found)
        throw new Error(`mooni: no ${engine} found; run the tests with \`npm run test:browser\`, which installs it.`);
      return LAUNCHERS[engine](found);
    }),
  );
}

export default {
  files: ['test/**/*.test.{ts,tsx}', '!test/**/*.node.test.ts', '!test/**/*.dist.test.ts'],
  nodeResolve: true,
  concurrency: 1,
  testFramework: { config: { timeout: 10000 } },
  // The per-engine skip list (test/support/engine-skips.ts) is loaded before mocha so it can mark its tests.
  testRunnerHtml: (testFramework) =>
    `<!DOCTYPE html><html><head><script type="module" src="/test/support/engine-skips.ts"></script></head>` +
    `<body><script type="module" src="${testFramework}"></script></body></html>`,
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
    engineCommandsPlugin(),
    // Screenshots in every engine, and Chromium's reduced visual viewport (an on-screen keyboard's).
    screenPlugin(),
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
  browsers: await launchersFor(chosenEngines(['chromium'])),
  reporters: [defaultReporter(), summaryReporter()],
};
