// Finds a Chrome or Chromium for the browser tests and benchmarks, and installs Debian's
// `chromium` when none is present and the machine allows it (fresh CI machines start without one).
import { existsSync } from 'node:fs';
import { execFileSync, spawnSync } from 'node:child_process';

const CANDIDATES = [
  '/usr/bin/chromium',
  '/usr/bin/chromium-browser',
  '/usr/bin/google-chrome',
  '/usr/bin/google-chrome-stable',
  '/opt/google/chrome/chrome',
  '/snap/bin/chromium',
  '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
  '/Applications/Chromium.app/Contents/MacOS/Chromium',
];

/** Flags Chromium needs on this kind of machine: root, no GPU, a closed network. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

export function findChromium() {
  const chosen = process.env.CHROME_PATH;
  if (chosen) {
    if (!existsSync(chosen)) throw new Error(`CHROME_PATH is set to ${chosen}, which does not exist.`);
    return chosen;
  }
  return CANDIDATES.find((path) => existsSync(path));
}

/** The command prefix that runs apt-get here ([] as root, sudo -n), or null when apt cannot be used. */
export function canInstallWithApt() {
  if (process.platform !== 'linux' || !existsSync('/etc/debian_version')) return null;
  if (spawnSync('which', ['apt-get']).status !== 0) return null;
  if (process.getuid?.() === 0) return [];
  if (spawnSync('sudo', ['-n', 'true']).status === 0) return ['sudo', '-n'];
  return null;
}

export function ensureChromium() {
  const found = findChromium();
  if (found) return found;
  const prefix = canInstallWithApt();
  if (!prefix) {
    throw new Error(
      'No Chrome or Chromium found: install one (e.g. `apt-get install chromium`) or set CHROME_PATH to its executable.',
    );
  }
  console.log("mooni: no Chrome or Chromium found; installing Debian's chromium with apt-get (about 30 s)…");
  const run = (args) => {
    const [cmd, ...rest] = [...prefix, ...args];
    execFileSync(cmd, rest, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  };
  run(['apt-get', 'update', '-qq']);
  run(['apt-get', 'install', '-y', '-qq', 'chromium']);
  const installed = findChromium();
  if (!installed) throw new Error('apt-get finished but no chromium executable was found; set CHROME_PATH.');
  return installed;
}
