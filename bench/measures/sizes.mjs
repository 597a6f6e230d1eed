/**
 * Sizes: raw, gzip -9 and brotli (quality 11) of every dist/ file (as scripts/size.mjs), the two script-tag
 * bundles against their budgets, and Lit alone for reference: a minimal LitElement bundled and minified by
 * esbuild as an IIFE, i.e. the floor any Lit-based bundle starts from.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { build } from 'esbuild';

const gzip = (bytes) => gzipSync(bytes, { level: 9 }).length;
const brotli = (bytes) => brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

const LIT_ALONE = `
import { LitElement, html, css } from 'lit';
class MinimalElement extends LitElement {
  static properties = { name: {} };
  static styles = css\`:host { display: block; }\`;
  constructor() { super(); this.name = 'world'; }
  render() { return html\`<p>Hello, \${this.name}</p>\`; }
}
customElements.define('minimal-element', MinimalElement);
`;

async function litAlone(root) {
  const out = await build({
    stdin: { contents: LIT_ALONE, resolveDir: root, loader: 'js' },
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2022',
    write: false,
    logLevel: 'silent',
  });
  return Buffer.from(out.outputFiles[0].contents);
}

export default {
  name: 'sizes',
  title: 'raw / gzip -9 / brotli of dist/, Lit alone',
  browser: false,
  figures: [
    { label: 'mooni.iife.js gzip -9', unit: 'B', budget: 'size.mooni.gzip' },
    { label: 'mooni-panel.js gzip -9', unit: 'B', budget: 'size.panel.gzip' },
    { label: 'tracker.iife.js gzip -9', unit: 'B', budget: 'size.tracker.gzip' },
  ],
  async run({ root, build: dist }) {
    const distDir = join(root, 'dist');
    const stale = dist.stale ? ' (stale build: the current sources did not build)' : '';
    const rows = [];
    const files = existsSync(distDir)
      ? readdirSync(distDir, { recursive: true })
          .map(String)
          .filter((n) => statSync(join(distDir, n)).isFile() && !n.endsWith('.map') && !n.endsWith('.d.ts'))
          .sort()
      : [];
    const budgets = {
      'mooni.iife.js': 'size.mooni.gzip',
      'mooni-panel.js': 'size.panel.gzip',
      'tracker.iife.js': 'size.tracker.gzip',
    };
    for (const [file, budget] of Object.entries(budgets)) {
      if (!files.includes(file))
        rows.push({ label: `${file} gzip -9`, unit: 'B', budget, value: null, note: `dist/${file} not built` });
    }
    const ordered = [...files.filter((f) => budgets[f]), ...files.filter((f) => !budgets[f])];
    for (const file of ordered) {
      const bytes = readFileSync(join(distDir, file));
      rows.push({
        label: `${file} gzip -9`,
        unit: 'B',
        budget: budgets[file],
        value: gzip(bytes),
        extra: `raw ${bytes.length} B, brotli ${brotli(bytes)} B${budgets[file] ? stale : ''}`,
        raw: bytes.length,
        brotli: brotli(bytes),
      });
    }
    const lit = await litAlone(root);
    rows.push({
      label: 'Lit alone (minimal element, esbuild IIFE) gzip -9',
      unit: 'B',
      value: gzip(lit),
      extra: `raw ${lit.length} B, brotli ${brotli(lit)} B`,
    });
    const mooni = rows.find((r) => r.label === 'mooni.iife.js gzip -9');
    if (mooni?.value)
      rows.push({ label: 'mooni.iife.js beyond Lit alone, gzip -9', unit: 'B', value: mooni.value - gzip(lit) });
    return rows;
  },
};
