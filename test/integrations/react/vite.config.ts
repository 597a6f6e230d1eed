import { defineConfig } from 'vite';

// Vite's own JSX transform (what @vitejs/plugin-react uses for a production build; the plugin adds Fast Refresh).
export default defineConfig({ oxc: { jsx: { runtime: 'automatic', importSource: 'react' } } });
