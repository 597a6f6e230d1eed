// Which of our own source modules have side effects when imported, for the package builds from src/ (build.mjs,
// script-tag-build.mjs). package.json's `sideEffects` speaks for what ships (dist/), yet the bundler applies it
// to src/ as well, where it calls every source module free of them and would drop the element's registration
// from dist/mooni.js. rolldown's `treeshake.moduleSideEffects` does not override package.json; a plugin's
// answer does.

/** The modules that register the element (chat/mooni-frame.ts) or start the embed (embed/*.ts). */
const REGISTERS_OR_STARTS = /[\\/]src[\\/](?:chat[\\/]mooni-frame|embed[\\/][^\\/]+)\.ts$/;

/** Marks those modules as having side effects; every other module is left to package.json and the bundler. */
export function sourceSideEffects() {
  return {
    name: 'mooni-source-side-effects',
    transform(code, id) {
      // `map: null`: the code is unchanged, so the source map stays as it is.
      return REGISTERS_OR_STARTS.test(id) ? { code, map: null, moduleSideEffects: true } : null;
    },
  };
}
