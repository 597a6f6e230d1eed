import { createServer } from 'node:http';
import { getRequestListener } from '@hono/node-server';
import { createMockApp } from '../app.js';

const port = Number(process.env.PORT ?? 8787);
const app = createMockApp({ chunkDelayMs: 40 });
createServer(getRequestListener(app.fetch)).listen(port, () => {
  console.log(`Mooni mock backend on http://localhost:${port}`);
});
