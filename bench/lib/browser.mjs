/** Headless Chromium through puppeteer-core, with the flags this kind of machine needs. */
import puppeteer from 'puppeteer-core';
import { CHROMIUM_ARGS, ensureChromium } from '../../scripts/chromium.mjs';

export async function launchBrowser() {
  const executablePath = ensureChromium();
  const browser = await puppeteer.launch({
    executablePath,
    headless: true,
    args: [...CHROMIUM_ARGS, '--window-size=1280,800', '--enable-precise-memory-info', '--js-flags=--expose-gc'],
    defaultViewport: { width: 1280, height: 800 },
  });
  return { browser, version: await browser.version() };
}

/** A page in a fresh incognito-like context (own storage, own cache), closed with the context. */
export async function freshPage(browser) {
  const context = await browser.createBrowserContext();
  const page = await context.newPage();
  page.on('pageerror', (error) => process.env.BENCH_DEBUG && console.error('[page error]', error.message));
  if (process.env.BENCH_DEBUG) page.on('console', (m) => console.error('[page]', m.text()));
  return { page, close: () => context.close() };
}
