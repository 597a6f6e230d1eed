import { defineConfig } from 'vite';

// Vite's own JSX transform with Preact's runtime (what @preact/preset-vite sets up, less its dev tooling).
export default defineConfig({ oxc: { jsx: { runtime: 'automatic', importSource: 'preact' } } });
