import type { Plugin } from 'vite';
import { getRequestListener } from '@hono/node-server';
import { createMockApp, type MockOptions } from '../app.js';
import { attachRealtime } from '../realtime/node-upgrade.js';
import { MOCK_PATHS } from './paths.js';

/** Serves the mock backend on the Vite dev server's own origin, its realtime channel (WebSocket) included. */
export function mooniMock(options: MockOptions = {}): Plugin {
  return {
    name: 'mooni-mock',
    configureServer(server) {
      const app = createMockApp(options);
      const listener = getRequestListener(app.fetch);
      // Vite's own HMR socket is upgraded by Vite; only the channel's paths are taken here.
      if (server.httpServer) attachRealtime(server.httpServer, app.realtime);
      server.middlewares.use((req, res, next) => {
        if (!MOCK_PATHS.test(req.url ?? '')) return next();
        void listener(req, res);
      });
    },
  };
}
