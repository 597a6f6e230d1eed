/**
 * Test-runner plugin (Node side): what a browser test needs to see the page as a visitor does.
 * - `screenshot` → `{ png }`: the viewport as a base64 PNG, in every engine (puppeteer for Chromium and Firefox,
 *   WebDriver for WebKit). With `{ save: 'name.png' }` and `MOONI_SHOTS=<folder>` set, it is also written there,
 *   for a person to look at.
 * - `visual-viewport` `{ scale }`: Chromium only. Zooms the page so the visual viewport is `1/scale` of the window
 *   (what an on-screen keyboard leaves); focusing a field then pans it there, as Safari does for the focused field.
 *   `{ scale: 1 }` undoes it. The other engines' harness cannot change the visual viewport: it throws.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

interface PuppeteerPage {
  screenshot(options: { encoding: 'base64' }): Promise<string>;
  createCDPSession(): Promise<{ send(method: string, params?: object): Promise<unknown>; detach(): Promise<void> }>;
}

interface Session {
  id: string;
  browser: {
    type: string;
    name: string;
    getPage?(id: string): PuppeteerPage;
    driver?: { takeScreenshot(): Promise<string> };
  };
}

interface CommandArgs {
  command: string;
  payload?: Record<string, unknown>;
  session: Session;
}

async function screenshot(session: Session): Promise<string> {
  if (session.browser.type === 'webdriver' && session.browser.driver) return session.browser.driver.takeScreenshot();
  const page = session.browser.getPage?.(session.id);
  if (!page) throw new Error(`screenshot: no page for ${session.browser.name}`);
  return page.screenshot({ encoding: 'base64' });
}

async function setVisualViewport(session: Session, scale: number): Promise<void> {
  const page = session.browser.type === 'puppeteer' && session.browser.name === 'Chrome' && session.browser.getPage;
  if (!page) {
    throw new Error(
      `${session.browser.name}'s harness cannot change the visual viewport (no page scale over its protocol)`,
    );
  }
  const cdp = await page.call(session.browser, session.id).createCDPSession();
  try {
    await cdp.send('Emulation.setPageScaleFactor', { pageScaleFactor: scale });
  } finally {
    await cdp.detach();
  }
}

export function screenPlugin() {
  return {
    name: 'mooni-screen',
    async executeCommand({ command, payload = {}, session }: CommandArgs) {
      if (command === 'screenshot') {
        const png = await screenshot(session);
        const folder = process.env.MOONI_SHOTS;
        if (folder && typeof payload.save === 'string') {
          mkdirSync(folder, { recursive: true });
          const engine = session.browser.name.toLowerCase().replace(/\W+/g, '-');
          writeFileSync(join(folder, `${engine}-${payload.save}`), Buffer.from(png, 'base64'));
        }
        return { png };
      }
      if (command === 'visual-viewport') {
        await setVisualViewport(session, Number(payload.scale ?? 1));
        return true;
      }
      return undefined;
    },
  };
}
