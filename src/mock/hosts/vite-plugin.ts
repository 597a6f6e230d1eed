import type { Plugin } from 'vite';
import { getRequestListener } from '@hono/node-server';
import { createMockApp, type MockOptions } from '../app.js';

import { MOCK_PATHS } from './paths.js';

/** Serves the mock backend on the Vite dev server's own origin. */
export function mooniMock(options: MockOptions = {}): Plugin {
  return {
    name: 'mooni-mock',
    configureServer(server) {
      const listener = getRequestListener(createMockApp(options).fetch);
      server.middlewares.use((req, res, next) => {
        if (!MOCK_PATHS.test(req.url ?? '')) return next();
        void listener(req, res);
      });
    },
  };
}
