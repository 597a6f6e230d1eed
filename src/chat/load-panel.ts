/**
 * Loads the panel module. Bundlers and dev servers split it into its own chunk; the script-tag build swaps
 * this file for src/embed/load-panel-beside-script.ts, which loads mooni-panel.js from beside the bundle.
 */
export const loadPanel = () => import('./panel.js');

export type PanelModule = typeof import('./panel.js');
