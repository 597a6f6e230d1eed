/** Package version, replaced at build time (and by the dev servers). */
declare const __MOONI_VERSION__: string;
