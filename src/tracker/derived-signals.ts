/**
 * The derived-signal detectors as one module: dist/mooni-signals.js, which the script-tag bundles load from
 * beside themselves (see src/embed/signals-beside-script.ts) so that they stay within their size budgets.
 */
export { deadClick } from './detectors/dead-click.js';
export { excessiveScroll } from './detectors/excessive-scroll.js';
export { quickBack } from './detectors/quick-back.js';
