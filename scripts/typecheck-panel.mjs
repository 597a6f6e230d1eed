// Typechecks the panel module as the script-tag build bundles it: `lit` is mooni.iife.js's shared runtime
// (tsconfig.panel.json), so a Lit export or helper the bundle does not share fails here, not in a browser.
import { spawnSync } from 'node:child_process';

const result = spawnSync(
  process.execPath,
  ['node_modules/typescript/bin/tsc', '--noEmit', '--pretty', 'false', '-p', 'tsconfig.panel.json'],
  { stdio: 'inherit' },
);
if (result.status !== 0) {
  console.error(
    'Rule broken: mooni-panel.js uses only the runtime mooni.iife.js shares with it (nothing bundled twice). ' +
      'Import a Lit export only once SharedLit in src/embed/panel-runtime.ts lists it, and share a new module there.',
  );
  process.exit(1);
}
