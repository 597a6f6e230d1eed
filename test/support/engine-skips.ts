// Tests an engine skips because the test harness cannot drive that engine the way the test needs — never because
// the product behaves differently there (that is a bug to fix). Each entry names the test by its full title
// (suite titles and test title joined by spaces, as mocha prints it) and says why. Loaded by the test page before
// mocha (web-test-runner.config.mjs), it marks the listed tests pending so they count as skipped.
type Engine = 'chromium' | 'firefox' | 'webkit';

interface Skip {
  engine: Engine;
  test: string;
  reason: string;
}

const FIXED_MEDIA =
  'WebDriver classic cannot change media features at run time (WebKit runs with reduced motion, light)';

const NO_VISUAL_VIEWPORT =
  "the harness cannot shrink the visual viewport (an on-screen keyboard's) in this engine: no page scale over its " +
  'protocol, and its window is not narrower than 447 px in WebKit';

const KEYBOARD_TEST =
  '<mooni-frame> on a phone with the keyboard up (a visual viewport half the window, then panned) the composer and newest message stay in sight';

export const ENGINE_SKIPS: readonly Skip[] = [
  { engine: 'firefox', test: KEYBOARD_TEST, reason: NO_VISUAL_VIEWPORT },
  { engine: 'webkit', test: KEYBOARD_TEST, reason: NO_VISUAL_VIEWPORT },
  {
    engine: 'webkit',
    test: '<mooni-frame> launcher, panel and keyboard theme: dark by attribute, auto follows prefers-color-scheme, light overrides it; accessible in both',
    reason: FIXED_MEDIA,
  },
  {
    engine: 'webkit',
    test: '<mooni-frame> launcher, panel and keyboard honours prefers-reduced-motion',
    reason: FIXED_MEDIA,
  },
  {
    engine: 'webkit',
    test: '<mooni-frame> launcher, panel and keyboard fills the screen under 480 px wide, and is accessible there',
    reason: "MiniBrowser's window is at least 447 px wide, so its page cannot be 375 px",
  },
];

function currentEngine(): Engine {
  const agent = navigator.userAgent;
  if (agent.includes('Firefox/')) return 'firefox';
  if (agent.includes('Chrome/')) return 'chromium';
  return 'webkit';
}

interface MochaTest {
  pending: boolean;
  fullTitle(): string;
}
interface MochaSuite {
  tests: MochaTest[];
  suites: MochaSuite[];
}
interface MochaGlobal {
  suite: MochaSuite;
  run(...args: unknown[]): unknown;
}

function markSkipped(suite: MochaSuite, titles: ReadonlySet<string>) {
  for (const test of suite.tests) if (titles.has(test.fullTitle())) test.pending = true;
  for (const child of suite.suites) markSkipped(child, titles);
}

const titles = new Set(ENGINE_SKIPS.filter((skip) => skip.engine === currentEngine()).map((skip) => skip.test));

// The test framework defines `window.mocha`, imports the test file, then calls mocha.run(): the tests are all
// declared by then, so that is where the listed ones are marked.
if (titles.size) {
  let mocha: MochaGlobal | undefined;
  Object.defineProperty(window, 'mocha', {
    configurable: true,
    get: () => mocha,
    set(value: MochaGlobal) {
      mocha = value;
      const run = value.run.bind(value);
      value.run = (...args) => {
        markSkipped(value.suite, titles);
        return run(...args);
      };
    },
  });
}
