// The package as an integrator gets it: `npm pack` of a fresh build, installed with npm into a consumer folder,
// then small apps (vanilla TypeScript, React 19, Preact, Vue 3, Svelte 5, Angular; test/integrations/<name>/)
// type-checked and built for production with their frameworks' own tools, and each built app loaded in Chromium
// against the mock: the launcher is there, opening it and asking a question streams the mock's answer, and the
// framework's event binding sees it. A consumer build also proves which bare imports package.json `sideEffects`
// keeps. Run: `npm run test:integrations` (`--skip-build` reuses dist/, as `npm test` does right after its build).
//
// The consumer folder is .integrations/ inside the repo: mooni-embed and its dependencies are installed there by
// npm from the tarball, and the frameworks (root devDependencies, so `npm ci` brings them once) are found in the
// repo's node_modules one level up, as hoisted packages would be.
import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { extname, join, normalize, resolve } from 'node:path';
import { getRequestListener } from '@hono/node-server';
import puppeteer from 'puppeteer-core';
import { build } from 'vite';
import { createMockApp } from '../src/mock/app.ts';
import { DEMO_QUERIES } from '../src/mock/demo-queries.ts';
import { CHROMIUM_ARGS, ensureChromium } from './chromium.mjs';

const ROOT = resolve(import.meta.dirname, '..');
const WORK = join(ROOT, '.integrations');
const LOCK = '/tmp/mooni-browser.lock';
const bin = (path) => join(ROOT, 'node_modules', path);
const TSC = bin('typescript/bin/tsc');
const VITE = bin('vite/bin/vite.js');
const viteBuild = [VITE, 'build', '--logLevel', 'warn'];

/**
 * The apps by name: how each is type-checked and built, where the build lands, and the launcher name its
 * `strings` property sets (an attribute could not carry the object: the name proves the property binding).
 */
const APPS = {
  angular: {
    // The application builder compiles the templates with strictTemplates: its type check is part of the build.
    check: null,
    build: [bin('@angular/cli/bin/ng.js'), 'build'],
    output: 'dist/browser',
    launcher: 'Ask the shop (Angular)',
  },
  vue: {
    check: [bin('vue-tsc/bin/vue-tsc.js'), '-p', 'tsconfig.json'],
    build: viteBuild,
    output: 'dist',
    launcher: 'Ask the shop (Vue)',
  },
  svelte: {
    check: [bin('svelte-check/bin/svelte-check'), '--tsconfig', './tsconfig.json', '--fail-on-warnings'],
    build: viteBuild,
    output: 'dist',
    launcher: 'Ask the shop (Svelte)',
  },
  react: {
    check: [TSC, '-p', 'tsconfig.json'],
    build: viteBuild,
    output: 'dist',
    launcher: 'Ask the shop (React)',
    headless: { question: 'Headless question', send: 'Ask headless', log: 'Headless answers' },
  },
  preact: {
    check: [TSC, '-p', 'tsconfig.json'],
    build: viteBuild,
    output: 'dist',
    launcher: 'Ask the shop (Preact)',
  },
  vanilla: {
    check: [TSC, '-p', 'tsconfig.json'],
    build: viteBuild,
    output: 'dist',
    launcher: 'Ask the shop (TypeScript)',
  },
};

const QUESTION = DEMO_QUERIES.answer;
const results = [];
const timings = {};

function record(name, passed, detail = '') {
  results.push({ name, passed });
  console.log(`${passed ? 'ok' : 'FAILED'}  ${name}${detail ? ` — ${detail}` : ''}`);
}

async function timed(label, work) {
  const started = performance.now();
  try {
    return await work();
  } finally {
    timings[label] = Math.round(performance.now() - started) / 1000;
  }
}

/** Runs a command; resolves with its standard output, rejects with all it printed when the exit code is not 0. */
function run(command, args, cwd, env = {}) {
  return new Promise((resolvePromise, reject) => {
    const child = spawn(command, args, { cwd, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let output = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
      output += chunk;
    });
    child.stderr.on('data', (chunk) => (output += chunk));
    child.on('error', reject);
    child.on('close', (code) =>
      code === 0
        ? resolvePromise(stdout)
        : reject(new Error(`${[command, ...args].join(' ')} (in ${cwd}):\n${output}`)),
    );
  });
}

const node = (args, cwd, env) => run(process.execPath, args, cwd, env);

/** Packs dist/ and installs the tarball, with the dependencies it declares, into the consumer folder. */
async function installTarball() {
  rmSync(WORK, { recursive: true, force: true });
  mkdirSync(WORK);
  const packed = JSON.parse(await run('npm', ['pack', '--json', '--pack-destination', WORK], ROOT));
  const tarball = join(WORK, packed[0].filename);
  writeFileSync(join(WORK, 'package.json'), `${JSON.stringify({ name: 'consumer', private: true }, null, 2)}\n`);
  // --prefer-offline: lit and idb-keyval come from npm's cache when `npm ci` put them there.
  await run(
    'npm',
    ['install', '--no-save', '--prefer-offline', '--no-audit', '--no-fund', '--ignore-scripts', tarball],
    WORK,
  );
  // What an app folder's `import 'mooni-embed'` finds: the installed copy, never the repo's own package.
  const resolved = createRequire(join(WORK, 'app', 'main.js')).resolve('mooni-embed');
  const installed = join(WORK, 'node_modules/mooni-embed/dist/mooni.js');
  record('the packed tarball installs with npm, and apps resolve it', resolved === installed, packed[0].filename);
}

/** Type-checks and builds one app in its copy under the consumer folder. */
async function checkAndBuild(name, app) {
  const cwd = join(WORK, name);
  cpSync(join(ROOT, 'test/integrations', name), cwd, { recursive: true });
  const env = { NG_CLI_ANALYTICS: 'false' };
  try {
    if (app.check) {
      await timed(`${name} type-check`, () => node(app.check, cwd, env));
      record(`${name}: type-checks against the installed typings`, true);
    }
    await timed(`${name} build`, () => node(app.build, cwd, env));
    record(`${name}: production build`, existsSync(join(cwd, app.output, 'index.html')));
  } catch (error) {
    record(`${name}: type-check and build`, false, error.message);
  }
}

/** Runs `work` on `items` with at most `limit` at a time (2 cores: two builds at once). */
async function pool(items, limit, work) {
  const queue = [...items];
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (queue.length) await work(queue.shift());
    }),
  );
}

/**
 * Bare imports in a consumer's production build: package.json `sideEffects` must keep the ones that register
 * or queue something, and the bundler does drop an import that is not listed (the control, so the check can fail).
 */
async function checkSideEffects() {
  const root = join(WORK, 'side-effects');
  mkdirSync(root);
  const bundled = async (specifier) => {
    writeFileSync(join(root, 'entry.js'), `import '${specifier}';\n`);
    const output = await build({
      root,
      configFile: false,
      logLevel: 'silent',
      build: { write: false, minify: false, lib: { entry: 'entry.js', formats: ['es'] } },
    });
    return output[0].output.map((chunk) => chunk.code ?? '').join('');
  };
  const registers = await bundled('mooni-embed');
  record(
    "consumer build of a bare import 'mooni-embed' keeps the registration",
    registers.includes('customElements.define('),
  );
  // What each file does when imported, as the bundle must still contain it.
  const effects = {
    'snippet.js': 'intervene', // the queued methods of window.Mooni
    'mooni-panel.js': 'mooni-panel.js runs only when mooni.iife.js loads it.', // its start-up guard
  };
  for (const [file, effect] of Object.entries(effects)) {
    const code = await bundled(`mooni-embed/${file}`);
    record(`consumer build keeps a bare import of dist/${file}`, code.includes(effect), `${code.length} B bundled`);
  }
  const dropped = (await bundled('mooni-embed/tracker')).length;
  record(
    'consumer build drops a bare import of a file sideEffects does not list (control)',
    dropped < 100,
    `${dropped} B`,
  );
}

/** Serves a built app and, for every other path, the mock: the app's element talks to its own origin. */
function serveApp(directory, mockListener) {
  const types = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css', '.svg': 'image/svg+xml' };
  const server = createServer((request, response) => {
    const path = decodeURIComponent(new URL(request.url, 'http://app').pathname);
    const file = normalize(join(directory, path === '/' ? 'index.html' : path));
    if (file.startsWith(directory) && existsSync(file) && statSync(file).isFile()) {
      response.writeHead(200, { 'content-type': types[extname(file)] ?? 'application/octet-stream' });
      response.end(readFileSync(file));
    } else mockListener(request, response);
  });
  return new Promise((resolvePromise) =>
    server.listen(0, '127.0.0.1', () => resolvePromise({ server, url: `http://127.0.0.1:${server.address().port}/` })),
  );
}

/** The answer the mock gives to QUESTION, as text a reader sees (without Markdown's asterisks). */
async function expectedAnswer(mock) {
  const response = await mock.fetch(
    new Request('http://mock/chat', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'mooni-api-key': 'mooni_demo_key' },
      body: JSON.stringify({ query: QUESTION, organizationId: 'shop' }),
    }),
  );
  const events = (await response.text())
    .split('\n')
    .filter((line) => line.startsWith('data: {'))
    .map((line) => JSON.parse(line.slice(6)));
  return events
    .filter((event) => event.type === 'text')
    .map((event) => event.content)
    .join('')
    .replaceAll('*', '');
}

/** Holds the shared browser lock while `work` runs (flock, where the machine has it). */
async function withBrowserLock(work) {
  const holder = spawn('flock', [LOCK, '-c', 'echo locked; exec cat'], { stdio: ['pipe', 'pipe', 'inherit'] });
  // Other browser runs on the machine hold the lock too: the wait is timed apart from the test itself.
  const acquired = await timed(
    'waiting for the browser lock',
    () =>
      new Promise((resolvePromise) => {
        holder.on('error', () => resolvePromise(false));
        holder.stdout.once('data', () => resolvePromise(true));
      }),
  );
  if (!acquired) console.log(`(no flock here: running without ${LOCK})`);
  try {
    return await work();
  } finally {
    holder.stdin.end();
  }
}

const normalized = (text) => text.replace(/\s+/g, ' ').trim();

/**
 * In the page: at every frame, the text of the last bot message (`part~="bot-message"`, in the element's shadow
 * trees), kept in window.mooniBotTexts once per change, so a streamed answer shows as its growing states.
 */
function recordBotMessages() {
  const collect = (root, found) => {
    for (const element of root.querySelectorAll('*')) {
      if (element.part?.contains('bot-message')) found.push(element.textContent);
      if (element.shadowRoot) collect(element.shadowRoot, found);
    }
    return found;
  };
  const seen = [];
  window.mooniBotTexts = seen;
  const sample = () => {
    const texts = collect(document, []);
    const last = texts.at(-1) ?? '';
    if (last !== seen.at(-1)) seen.push(last);
    requestAnimationFrame(sample);
  };
  sample();
}

async function visitApp(browser, name, app, url, expected) {
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (error) => errors.push(error.message));
  const aria = (role, label) => page.locator(`::-p-aria([name="${label}"][role="${role}"])`).setTimeout(10_000);
  try {
    await page.goto(url);
    const launcher = await aria('button', app.launcher).waitHandle();
    const part = await launcher.evaluate((element) => element.getAttribute('part'));
    record(`${name}: the launcher is there, named by the strings property`, part === 'launcher', `part=${part}`);
    await launcher.click();
    await page.locator('::-p-aria([role="dialog"])').setTimeout(10_000).wait();
    await aria('textbox', 'Your question').fill(QUESTION);
    await page.evaluate(recordBotMessages);
    await aria('button', 'Send').click();
    const listened = await page
      .waitForFunction(() => document.body.innerText.includes('Answers: 1'), { timeout: 10_000 })
      .then(
        () => true,
        () => false,
      );
    // Two frames: the sampler has seen the last render of the answer.
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    const texts = (await page.evaluate(() => window.mooniBotTexts)).map(normalized);
    const answer = normalized(expected);
    const streamed = texts.some((text) => text.includes(answer.slice(0, 20)) && !text.includes(answer));
    record(
      `${name}: the answer streams into the panel`,
      texts.at(-1).includes(answer) && streamed,
      `${texts.length} states`,
    );
    record(`${name}: the app's mooni-answer listener ran (its own text says "Answers: 1")`, listened);
    if (app.headless) {
      await page.locator(`::-p-aria([name="${app.headless.question}"])`).fill(QUESTION);
      await aria('button', app.headless.send).click();
      const answered = await page
        .waitForFunction(
          (label, text) =>
            // The app shows the answer's Markdown as it came: compared without its asterisks, as `text` is.
            document
              .querySelector(`[aria-label="${label}"]`)
              ?.textContent.replaceAll(/\s+/g, ' ')
              .replaceAll('*', '')
              .includes(text),
          { timeout: 10_000 },
          app.headless.log,
          answer,
        )
        .then(
          () => true,
          () => false,
        );
      record(`${name}: mooni-embed/react's useMooniChat answers in the app's own UI`, answered);
    }
    record(`${name}: no uncaught error`, errors.length === 0, errors.join('; '));
  } catch (error) {
    record(`${name}: in Chromium`, false, error.message);
  } finally {
    await page.close();
  }
}

async function visitApps() {
  const mock = createMockApp({ chunkDelayMs: 40, rateLimit: false });
  const mockListener = getRequestListener(mock.fetch);
  const expected = await expectedAnswer(mock);
  const executablePath = ensureChromium();
  await withBrowserLock(async () => {
    const browser = await puppeteer.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
    try {
      for (const [name, app] of Object.entries(APPS)) {
        const built = join(WORK, name, app.output);
        if (!existsSync(join(built, 'index.html'))) continue;
        const { server, url } = await serveApp(built, mockListener);
        await timed(`${name} in Chromium`, () => visitApp(browser, name, app, url, expected));
        server.close();
      }
    } finally {
      await browser.close();
    }
  });
}

const started = performance.now();
try {
  if (!process.argv.includes('--skip-build')) await timed('npm run build', () => run('npm', ['run', 'build'], ROOT));
  await timed('pack and install', installTarball);
  await timed('type-check and build the apps', () =>
    pool(Object.keys(APPS), 2, (name) => checkAndBuild(name, APPS[name])),
  );
  await timed('sideEffects consumer builds', checkSideEffects);
  await timed('apps in Chromium', visitApps);
} catch (error) {
  record('integration run', false, error.message);
}
console.log('\ntimings (s):', JSON.stringify({ ...timings, total: Math.round(performance.now() - started) / 1000 }));
const failed = results.filter((result) => !result.passed).length;
console.log(`integrations: ${results.length - failed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
