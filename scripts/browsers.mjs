// The three engines of the browser tests: where each one's executables are, and how a fresh Debian machine gets
// them (Debian's packages, installed when root or password-less sudo allows; otherwise one line saying how).
import { existsSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { canInstallWithApt, findChromium } from './chromium.mjs';

const firstExisting = (paths) => paths.find((path) => path && existsSync(path));

const MINIBROWSER_PATHS = ['4.1', '4.0', '6.0'].flatMap((api) => [
  `/usr/lib/x86_64-linux-gnu/webkit2gtk-${api}/MiniBrowser`,
  `/usr/lib/aarch64-linux-gnu/webkit2gtk-${api}/MiniBrowser`,
  `/usr/libexec/webkit2gtk-${api}/MiniBrowser`,
]);

function findFirefox() {
  return firstExisting([process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox']);
}

/** WebKitGTK needs its WebDriver, its MiniBrowser and a virtual X display; all or nothing. */
function findWebKit() {
  const driver = firstExisting([process.env.WEBKIT_WEBDRIVER_PATH, '/usr/bin/WebKitWebDriver']);
  const miniBrowser = firstExisting([process.env.MINIBROWSER_PATH, ...MINIBROWSER_PATHS]);
  const xvfb = firstExisting(['/usr/bin/Xvfb']);
  return driver && miniBrowser && xvfb ? { driver, miniBrowser, xvfb } : undefined;
}

/** Each engine by name: how to find it, which Debian packages bring it, what to say when neither works. */
export const ENGINES = {
  chromium: {
    find: findChromium,
    packages: ['chromium'],
    help: 'install Chrome or Chromium (e.g. `apt-get install chromium`) or set CHROME_PATH to its executable',
  },
  firefox: {
    find: findFirefox,
    packages: ['firefox-esr'],
    help: 'install Firefox ESR (e.g. `apt-get install firefox-esr`) or set FIREFOX_PATH to its executable',
  },
  webkit: {
    find: findWebKit,
    packages: ['webkit2gtk-driver', 'xvfb', 'xauth'],
    help: "install WebKitGTK's driver and a virtual display (`apt-get install webkit2gtk-driver xvfb xauth`)",
  },
};

export const ENGINE_NAMES = Object.keys(ENGINES);

/** The engines chosen by MOONI_BROWSERS (comma-separated), or `fallback` when it is not set. */
export function chosenEngines(fallback = ENGINE_NAMES) {
  const chosen = process.env.MOONI_BROWSERS?.split(',')
    .map((name) => name.trim().toLowerCase())
    .filter(Boolean);
  if (!chosen?.length) return fallback;
  const unknown = chosen.filter((name) => !ENGINES[name]);
  if (unknown.length) {
    throw new Error(`MOONI_BROWSERS names ${unknown.join(', ')}; the engines are ${ENGINE_NAMES.join(', ')}.`);
  }
  return chosen;
}

/** Finds the engines, installing the missing ones' packages in one apt-get run when the machine allows it. */
export function ensureEngines(names) {
  const missing = names.filter((name) => !ENGINES[name].find());
  if (!missing.length) return;
  const prefix = canInstallWithApt();
  if (!prefix)
    throw new Error(`No ${missing.join(', ')} found: ${missing.map((name) => ENGINES[name].help).join('; ')}.`);
  const packages = missing.flatMap((name) => ENGINES[name].packages);
  console.log(`mooni: installing Debian's ${packages.join(' ')} with apt-get for the ${missing.join(', ')} tests…`);
  const run = (args) => {
    const [command, ...rest] = [...prefix, ...args];
    execFileSync(command, rest, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  };
  run(['apt-get', 'update', '-qq']);
  run(['apt-get', 'install', '-y', '-qq', ...packages]);
  const stillMissing = missing.filter((name) => !ENGINES[name].find());
  if (stillMissing.length) {
    throw new Error(
      `apt-get finished but ${stillMissing.join(', ')} is still missing: ${stillMissing.map((name) => ENGINES[name].help).join('; ')}.`,
    );
  }
}

export const findEngine = (name) => ENGINES[name].find();
