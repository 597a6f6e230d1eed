// WTR's built-in test commands speak Chromium's protocol; these wrappers make the ones the suite uses work the
// same in Firefox (puppeteer over WebDriver BiDi) and WebKitGTK (WebDriver classic), or fail with a plain reason.
// The built-in command plugins run before any plugin of the config, so they are wrapped once the server starts.

/** The settings WebKit is launched with (scripts/webkit-driver.mjs); WebDriver classic cannot change them later. */
const WEBKIT_LAUNCH_MEDIA = { reducedMotion: 'reduce', colorScheme: 'light' };

const isFirefox = (session) => session.browser.type === 'puppeteer' && session.browser.name === 'Firefox';
const isWebDriver = (session) => session.browser.type === 'webdriver';

/** Media queries each emulated feature must satisfy before the command returns. */
function mediaQueries({ colorScheme, reducedMotion }) {
  const queries = [];
  if (colorScheme) queries.push(`(prefers-color-scheme: ${colorScheme})`);
  if (reducedMotion) queries.push(`(prefers-reduced-motion: ${reducedMotion})`);
  return queries;
}

/**
 * Firefox has no BiDi command for media features; its content follows two preferences, set from the browser's
 * chrome scope (the launch flag --remote-allow-system-access allows it).
 */
async function emulateMediaInFirefox(page, payload) {
  if (payload.media) throw new Error('emulateMedia({ media }) is not supported in Firefox by this harness.');
  const prefs = [];
  if (payload.reducedMotion) prefs.push(['ui.prefersReducedMotion', payload.reducedMotion === 'reduce' ? 1 : 0]);
  if (payload.colorScheme) {
    prefs.push(['layout.css.prefers-color-scheme.content-override', payload.colorScheme === 'dark' ? 0 : 1]);
  }
  const connection = page.browser().connection;
  const { result } = await connection.send('browsingContext.getTree', { 'moz:scope': 'chrome' });
  const expression = prefs.map(([name, value]) => `Services.prefs.setIntPref(${JSON.stringify(name)}, ${value})`);
  await connection.send('script.evaluate', {
    expression: `${expression.join(';')};true`,
    target: { context: result.contexts[0].context },
    awaitPromise: false,
  });
  const queries = mediaQueries(payload);
  await page.waitForFunction((all) => all.every((query) => matchMedia(query).matches), { timeout: 5000 }, queries);
}

/** Asking for what WebKit was launched with succeeds (once the page agrees); anything else cannot be done. */
async function emulateMediaInWebKit(driver, payload) {
  const other = Object.entries(payload).filter(
    ([feature, value]) => value != null && WEBKIT_LAUNCH_MEDIA[feature] !== value,
  );
  if (other.length) {
    const asked = other.map(([feature, value]) => `${feature}: ${value}`).join(', ');
    throw new Error(`WebKit through WebDriver classic cannot change media features at run time (asked ${asked}).`);
  }
  const queries = mediaQueries(payload);
  const matches = await driver.execute((all) => all.every((query) => matchMedia(query).matches), queries);
  if (!matches) throw new Error(`WebKit was launched with ${queries.join(' and ')} but its page does not match.`);
}

/** MiniBrowser's window has a frame around the page: size the window so the page gets the asked viewport. */
export async function setWebKitViewport(driver, { width, height }) {
  const inner = () => driver.execute(() => [window.innerWidth, window.innerHeight]);
  let page = [];
  // The window manager under Xvfb resizes asynchronously, later still on a busy machine: ask again until it holds.
  for (let attempt = 0; attempt < 5; attempt++) {
    const [frameWidth, frameHeight] = await driver.execute(() => [
      window.outerWidth - window.innerWidth,
      window.outerHeight - window.innerHeight,
    ]);
    await driver.setWindowSize(width + frameWidth, height + frameHeight);
    for (let check = 0; check < 10; check++) {
      page = await inner();
      if (page[0] === width && page[1] === height) return;
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`MiniBrowser's page is ${page[0]}×${page[1]} px, not the asked ${width}×${height} px.`);
}

/**
 * webdriverio's keys() presses every key given, then releases them all (a chord), so repeated letters and spaces
 * of one string are lost: type one character per call. Held modifiers join the next press (Shift+Tab).
 */
function createWebDriverKeys() {
  const held = new Map();
  return async ({ payload, session }) => {
    const down = held.get(session.id) ?? [];
    held.set(session.id, down);
    if ('type' in payload) {
      for (const character of payload.type) await session.browser.sendKeys(session.id, [...down, character]);
    } else if ('press' in payload) {
      await session.browser.sendKeys(session.id, [...down, payload.press]);
    } else if ('down' in payload) {
      down.push(payload.down);
    } else if ('up' in payload) {
      held.set(
        session.id,
        down.filter((key) => key !== payload.up),
      );
    }
    return true;
  };
}

/**
 * `sendMouse({ type: 'click', position, clickCount })`: a double or triple click (the built-in command clicks
 * once each time, and Chromium then never sees a second click of the same gesture, so it selects no word).
 * Without `clickCount`, or 1, the built-in click runs.
 */
async function multiClick({ payload, session }) {
  const [x, y] = payload.position;
  if (session.browser.type === 'puppeteer') {
    await session.browser.getPage(session.id).mouse.click(x, y, { count: payload.clickCount });
  } else {
    const presses = Array.from({ length: payload.clickCount }, () => [
      { type: 'pointerDown', button: 0 },
      { type: 'pointerUp', button: 0 },
    ]).flat();
    await session.browser.driver.performActions([
      { type: 'pointer', id: 'mouse', actions: [{ type: 'pointerMove', duration: 0, x, y }, ...presses] },
    ]);
    await session.browser.driver.releaseActions();
  }
  return true;
}

/** Per command: the replacement for a given session, or undefined to let the built-in plugin run. */
function replacements() {
  const webDriverKeys = createWebDriverKeys();
  return {
    'emulate-media-command': ({ payload, session }) => {
      if (isFirefox(session))
        return emulateMediaInFirefox(session.browser.getPage(session.id), payload).then(() => true);
      if (isWebDriver(session)) return emulateMediaInWebKit(session.browser.driver, payload).then(() => true);
    },
    'set-viewport-command': ({ payload, session }) => {
      if (isWebDriver(session)) return setWebKitViewport(session.browser.driver, payload).then(() => true);
    },
    'send-keys-command': (args) => {
      if (isWebDriver(args.session)) return webDriverKeys(args);
    },
    'send-mouse-command': (args) => {
      if (args.payload?.type === 'click' && args.payload.clickCount > 1) return multiClick(args);
    },
  };
}

const COMMAND_OF_PLUGIN = {
  'emulate-media-command': 'emulate-media',
  'set-viewport-command': 'set-viewport',
  'send-keys-command': 'send-keys',
  'send-mouse-command': 'send-mouse',
};

export function engineCommandsPlugin() {
  return {
    name: 'mooni-engine-commands',
    serverStart({ config }) {
      const byName = replacements();
      for (const plugin of config.plugins) {
        const replacement = byName[plugin.name];
        if (!replacement) continue;
        const original = plugin.executeCommand.bind(plugin);
        plugin.executeCommand = (args) => {
          if (args.command !== COMMAND_OF_PLUGIN[plugin.name]) return original(args);
          return replacement(args) ?? original(args);
        };
      }
    },
  };
}
