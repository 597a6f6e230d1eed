// WebKitGTK for the browser tests: a virtual X display (Xvfb) and WebKitWebDriver on it, started for one test run
// and killed when the process exits, however it exits.
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const STARTUP_TIMEOUT_MS = 20000;

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });
}

function canConnect(port) {
  return new Promise((resolve) => {
    const socket = connect(port, '127.0.0.1');
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function waitUntil(check, what) {
  const deadline = Date.now() + STARTUP_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (await check()) return;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error(`mooni: ${what} did not start within ${STARTUP_TIMEOUT_MS / 1000} s`);
}

/** Xvfb picks a free display itself and writes its number to the pipe given by -displayfd. */
function startXvfb(xvfb) {
  const child = spawn(xvfb, ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  const display = new Promise((resolve, reject) => {
    let written = '';
    child.stdio[3].on('data', (chunk) => {
      written += chunk;
      if (written.includes('\n')) resolve(`:${written.trim()}`);
    });
    child.once('exit', (code) => reject(new Error(`mooni: Xvfb exited (${code}) before giving a display`)));
  });
  return { child, display };
}

/**
 * Starts Xvfb and WebKitWebDriver; returns the driver's port. Media features cannot change at run time through
 * WebDriver classic, so reduced motion is fixed at launch: a GTK settings file with animations off.
 */
export async function startWebKitDriver({ driver, xvfb }) {
  const children = [];
  const configHome = mkdtempSync(join(tmpdir(), 'mooni-webkit-'));
  const stopAll = () => {
    for (const child of children) if (child.exitCode === null) child.kill('SIGKILL');
    rmSync(configHome, { recursive: true, force: true });
  };
  process.once('exit', stopAll);
  for (const signal of ['SIGINT', 'SIGTERM']) {
    process.once(signal, () => {
      stopAll();
      process.exit(130);
    });
  }
  for (const gtk of ['gtk-3.0', 'gtk-4.0']) {
    mkdirSync(join(configHome, gtk));
    writeFileSync(join(configHome, gtk, 'settings.ini'), '[Settings]\ngtk-enable-animations=0\n');
  }
  const server = startXvfb(xvfb);
  children.push(server.child);
  const display = await Promise.race([
    server.display,
    new Promise((_, reject) => setTimeout(() => reject(new Error('mooni: Xvfb gave no display')), STARTUP_TIMEOUT_MS)),
  ]);
  const port = await freePort();
  const webDriver = spawn(driver, [`--port=${port}`], {
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, DISPLAY: display, XDG_CONFIG_HOME: configHome },
  });
  children.push(webDriver);
  await waitUntil(() => canConnect(port), 'WebKitWebDriver');
  return { port, display };
}
