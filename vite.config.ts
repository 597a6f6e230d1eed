import { readFileSync } from 'node:fs';
import { defineConfig } from 'vite';
import { mooniMock } from './src/mock/hosts/vite-plugin.js';
import { DEMO_USER_TOKEN_SECRETS } from './src/mock/chat/user-token.js';

const { version } = JSON.parse(readFileSync('package.json', 'utf8')) as { version: string };

export default defineConfig({
  define: { __MOONI_VERSION__: JSON.stringify(version) },
  server: { port: Number(process.env.PORT ?? 5173) },
  plugins: [mooniMock({ chunkDelayMs: 40, userTokenSecrets: DEMO_USER_TOKEN_SECRETS })],
});
