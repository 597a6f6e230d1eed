import { Hono } from 'hono';

export interface MockOptions {
  /** Delay between streamed text chunks, in ms (0 in tests). */
  chunkDelayMs?: number;
}

/** The mock backend as one Web-standard `Request → Response` handler. */
export function createMockApp(_options: MockOptions = {}) {
  const app = new Hono();
  app.get('/health', (c) => c.json({ status: 'ok', version: '1.0.0' }));
  return app;
}
