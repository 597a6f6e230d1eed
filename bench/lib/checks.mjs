/**
 * After a page's `load`: the synchronous dist/mooni.iife.js has run, so <mooni-frame> must be defined. Fails
 * with a reason a reader can act on instead of a bare timeout.
 */
export async function assertElementDefined(page) {
  if (!(await page.evaluate(() => !!customElements.get('mooni-frame')))) {
    throw new Error('dist/mooni.iife.js ran but did not define <mooni-frame>');
  }
}
