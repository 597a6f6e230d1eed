/* global benchCold -- set by the page under test (bench/pages/cold-start.html) */
/**
 * Cold start, with the HTTP cache off and a fresh browser context per run: from the script tag (a stamp just
 * before it) to the tracker armed (window.Mooni.tracker exists) and to the launcher visible (first frame
 * where the button has a size and passes checkVisibility), for dist/mooni.iife.js; and to the tracker armed
 * for dist/tracker.iife.js alone. The server is local, so download time is near zero: these are parse,
 * evaluation and first-render costs.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { freshPage } from '../lib/browser.mjs';
import { summarize } from '../lib/stats.mjs';
import { assertElementDefined } from '../lib/checks.mjs';

async function once(ctx, page, waitFor) {
  const handle = await freshPage(ctx.browser);
  try {
    await handle.page.setCacheEnabled(false);
    await handle.page.goto(`${ctx.server.origin}/bench/pages/${page}`, { waitUntil: 'load' });
    if (page === 'cold-start.html') await assertElementDefined(handle.page);
    await handle.page.waitForFunction(waitFor, { timeout: 10000 });
    return await handle.page.evaluate(() => ({
      tag: benchCold.tag,
      armed: benchCold.armed,
      launcher: benchCold.launcher,
      script: benchCold.script,
    }));
  } finally {
    await handle.close();
  }
}

export default {
  name: 'cold-start',
  title: 'cold start: script tag → launcher painted, → tracker armed',
  browser: true,
  figures: [{ label: 'mooni.iife.js: script tag → launcher painted', unit: 'ms' }],
  async run(ctx) {
    const rows = [];
    const runs = Math.max(3, ctx.runs);
    if (existsSync(join(ctx.root, 'dist/mooni.iife.js'))) {
      const full = [];
      let failure;
      for (let i = 0; i < runs && !failure; i++) {
        try {
          full.push(
            await once(
              ctx,
              'cold-start.html',
              () => !Number.isNaN(benchCold.launcher) && !Number.isNaN(benchCold.armed),
            ),
          );
        } catch (error) {
          failure = error.message.split('\n')[0];
        }
      }
      if (failure)
        rows.push({
          label: 'mooni.iife.js: script tag → launcher painted',
          unit: 'ms',
          value: null,
          note: `not available: ${failure}`,
        });
      else {
        const launcher = summarize(full.map((r) => r.launcher - r.tag));
        const armed = summarize(full.map((r) => r.armed - r.tag));
        const nav = summarize(full.map((r) => r.launcher));
        rows.push(
          { label: 'mooni.iife.js: script tag → launcher painted', unit: 'ms', value: launcher.value, noise: launcher },
          { label: 'mooni.iife.js: script tag → tracker armed', unit: 'ms', value: armed.value, noise: armed },
          { label: 'mooni.iife.js: navigation start → launcher painted', unit: 'ms', value: nav.value, noise: nav },
        );
      }
    } else
      rows.push({
        label: 'mooni.iife.js: script tag → launcher painted',
        unit: 'ms',
        value: null,
        note: 'dist/mooni.iife.js not built',
      });
    if (existsSync(join(ctx.root, 'dist/tracker.iife.js'))) {
      const alone = [];
      for (let i = 0; i < runs; i++)
        alone.push(await once(ctx, 'cold-start-tracker.html', () => !Number.isNaN(benchCold.armed)));
      const armed = summarize(alone.map((r) => r.armed - r.tag));
      rows.push({ label: 'tracker.iife.js: script tag → tracker armed', unit: 'ms', value: armed.value, noise: armed });
    } else
      rows.push({
        label: 'tracker.iife.js: script tag → tracker armed',
        unit: 'ms',
        value: null,
        note: 'dist/tracker.iife.js not built',
      });
    return rows;
  },
};
