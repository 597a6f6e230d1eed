// Generates dist/custom-elements.json from the element's JSDoc (`npm run build` runs it).
export default {
  globs: ['src/chat/**/*.ts'],
  exclude: ['src/**/*.test.ts', 'src/chat/markdown/**', 'src/chat/transports/**', 'src/chat/history/**'],
  outdir: 'dist',
  litelement: true,
  packagejson: false,
};
